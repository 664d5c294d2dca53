// The RFC 9421 algorithm registry (§3.3) mapped onto WebCrypto, and the JOSE names that a JWK's `alg`
// may carry for each (RFC 9421 §3.3.7; OCM derives the algorithm from the JWK). Besides the registry,
// every asymmetric JOSE signature algorithm (RFC 7518 §3.1, RFC 8037, RFC 9864) has a primitive here, so a
// key whose JWK says RS512 or ES512 is used as it says; such algorithms have no `alg` parameter value.

import type { AlgorithmParams } from './webcrypto.ts';

export const SIGNATURE_ALGORITHMS = [
  'ed25519',
  'ecdsa-p256-sha256',
  'ecdsa-p384-sha384',
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
  'hmac-sha256',
] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

/** Primitives: the registry algorithms plus the JOSE ones the registry does not name (RS384, RS512, PS256, PS384, ES512). */
export type Primitive =
  | SignatureAlgorithm
  | 'rsa-v1_5-sha384'
  | 'rsa-v1_5-sha512'
  | 'rsa-pss-sha256'
  | 'rsa-pss-sha384'
  | 'ecdsa-p521-sha512';

export type KeyType = 'RSA' | 'EC' | 'OKP' | 'oct';

export interface PrimitiveSpec {
  kty: KeyType;
  crv?: string;
  importParams: AlgorithmParams;
  signParams: AlgorithmParams;
  /** JOSE `alg` values that name this algorithm, preferred first. */
  jose: string[];
}

export const PRIMITIVES: Record<Primitive, PrimitiveSpec> = {
  ed25519: {
    kty: 'OKP',
    crv: 'Ed25519',
    importParams: { name: 'Ed25519' },
    signParams: { name: 'Ed25519' },
    jose: ['Ed25519', 'EdDSA'],
  },
  'ecdsa-p256-sha256': {
    kty: 'EC',
    crv: 'P-256',
    importParams: { name: 'ECDSA', namedCurve: 'P-256' },
    signParams: { name: 'ECDSA', hash: 'SHA-256' },
    jose: ['ES256'],
  },
  'ecdsa-p384-sha384': {
    kty: 'EC',
    crv: 'P-384',
    importParams: { name: 'ECDSA', namedCurve: 'P-384' },
    signParams: { name: 'ECDSA', hash: 'SHA-384' },
    jose: ['ES384'],
  },
  // RFC 9421 §3.3.1 fixes the salt at 64 bytes (some libraries use the maximum instead).
  'rsa-pss-sha512': {
    kty: 'RSA',
    importParams: { name: 'RSA-PSS', hash: 'SHA-512' },
    signParams: { name: 'RSA-PSS', saltLength: 64 },
    jose: ['PS512'],
  },
  'rsa-v1_5-sha256': {
    kty: 'RSA',
    importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    signParams: { name: 'RSASSA-PKCS1-v1_5' },
    jose: ['RS256'],
  },
  'rsa-v1_5-sha384': {
    kty: 'RSA',
    importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
    signParams: { name: 'RSASSA-PKCS1-v1_5' },
    jose: ['RS384'],
  },
  'rsa-v1_5-sha512': {
    kty: 'RSA',
    importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
    signParams: { name: 'RSASSA-PKCS1-v1_5' },
    jose: ['RS512'],
  },
  // JOSE's PS* algorithms use a salt as long as the hash (RFC 7518 §3.5).
  'rsa-pss-sha256': {
    kty: 'RSA',
    importParams: { name: 'RSA-PSS', hash: 'SHA-256' },
    signParams: { name: 'RSA-PSS', saltLength: 32 },
    jose: ['PS256'],
  },
  'rsa-pss-sha384': {
    kty: 'RSA',
    importParams: { name: 'RSA-PSS', hash: 'SHA-384' },
    signParams: { name: 'RSA-PSS', saltLength: 48 },
    jose: ['PS384'],
  },
  'ecdsa-p521-sha512': {
    kty: 'EC',
    crv: 'P-521',
    importParams: { name: 'ECDSA', namedCurve: 'P-521' },
    signParams: { name: 'ECDSA', hash: 'SHA-512' },
    jose: ['ES512'],
  },
  'hmac-sha256': {
    kty: 'oct',
    importParams: { name: 'HMAC', hash: 'SHA-256' },
    signParams: { name: 'HMAC' },
    jose: ['HS256'],
  },
};

export function isSignatureAlgorithm(value: unknown): value is SignatureAlgorithm {
  return typeof value === 'string' && (SIGNATURE_ALGORITHMS as readonly string[]).includes(value);
}

/** The RFC 9421 name for a JWK `alg`, or undefined when the registry has no counterpart (e.g. RS512). */
export function algorithmFromJose(joseAlg: string | undefined, crv?: string): SignatureAlgorithm | undefined {
  if (!joseAlg) return undefined;
  if (joseAlg === 'EdDSA') return crv === undefined || crv === 'Ed25519' ? 'ed25519' : undefined;
  return SIGNATURE_ALGORITHMS.find((a) => PRIMITIVES[a].jose.includes(joseAlg));
}

export function joseName(alg: Primitive): string {
  return PRIMITIVES[alg].jose[0]!;
}

const ALL_PRIMITIVES = Object.keys(PRIMITIVES) as Primitive[];

export function isPrimitive(value: unknown): value is Primitive {
  return typeof value === 'string' && (ALL_PRIMITIVES as string[]).includes(value);
}

/** The primitive a JWK `alg` names (any JOSE signature algorithm we implement), or undefined (none, HS384, ES256K…). */
export function primitiveFromJose(joseAlg: string | undefined, crv?: string): Primitive | undefined {
  if (!joseAlg) return undefined;
  if (joseAlg === 'EdDSA') return crv === undefined || crv === 'Ed25519' ? 'ed25519' : undefined;
  return ALL_PRIMITIVES.find((p) => PRIMITIVES[p].jose.includes(joseAlg));
}

/** Symmetric primitives (MACs): a verifier needs the shared secret, so OCM refuses them. */
export function isSymmetric(primitive: Primitive): boolean {
  return PRIMITIVES[primitive].kty === 'oct';
}
