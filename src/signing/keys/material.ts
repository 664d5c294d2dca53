import {
  algorithmFromJose,
  primitiveFromJose,
  PRIMITIVES,
  type KeyType,
  type Primitive,
  type SignatureAlgorithm,
} from '../algorithms.ts';
import { subtle } from '../bytes.ts';
import type { CryptoKeyLike, JwkObject } from '../webcrypto.ts';

export type { JwkObject };

/**
 * A key as the signing core holds it: a JWK plus what we know about it. WebCrypto binds a CryptoKey to
 * one algorithm, so the JWK is kept and imported once per algorithm on first use (then cached).
 */
export interface KeyMaterial {
  type: 'private' | 'public' | 'secret';
  kty: KeyType;
  /** Curve for EC and OKP keys. */
  crv?: string;
  /** The key as a JWK, private members included for private keys; no `alg`, `key_ops` or `ext`. */
  jwk: JwkObject;
  kid?: string;
  /** The algorithm the key declares: a JWK `alg`, or rsa-pss-sha512 for a PKCS#8 with the RSA-PSS OID. */
  alg?: SignatureAlgorithm;
  /** The JWK `alg` as given, also when RFC 9421 has no name for it (e.g. RS512). */
  joseAlg?: string;
  /**
   * The primitive the key declares (its JWK `alg`, or the RSA-PSS OID), also when RFC 9421 has no name
   * for it: RS512 → rsa-v1_5-sha512. Undefined when the key declares nothing or an algorithm we lack.
   */
  primitive?: Primitive;
  /** How the key was read, for messages (e.g. 'PKCS#1 RSA PRIVATE KEY PEM'). */
  source: string;
}

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

/** The public half as a JWK with only the key members (no kid/alg), or the secret for oct keys. */
export function publicJwkMembers(material: KeyMaterial): JwkObject {
  const out: JwkObject = {};
  for (const [k, v] of Object.entries(material.jwk)) {
    if (material.type !== 'secret' && PRIVATE_MEMBERS.includes(k)) continue;
    if (['alg', 'key_ops', 'ext', 'use', 'kid'].includes(k)) continue;
    out[k] = v;
  }
  return out;
}

export function keyTypeMatches(material: KeyMaterial, primitive: Primitive): boolean {
  const spec = PRIMITIVES[primitive];
  return spec.kty === material.kty && (spec.crv === undefined || spec.crv === material.crv);
}

/** Describes a key in a few words for messages: "an EC P-256 private key". */
export function describeKey(material: KeyMaterial): string {
  const kind =
    material.kty === 'OKP'
      ? (material.crv ?? 'OKP')
      : material.kty === 'EC'
        ? `EC ${material.crv}`
        : material.kty === 'oct'
          ? 'HMAC'
          : 'RSA';
  return `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind} ${material.type} key`;
}

/** The algorithm a key implies when none is requested: its declared alg, else its type. */
export function defaultAlgorithm(material: KeyMaterial): Primitive | undefined {
  if (material.primitive) return material.primitive;
  if (material.alg) return material.alg;
  return typeAlgorithm(material);
}

/** The algorithm a key's type suggests, whatever it declares (RSA: rsa-v1_5-sha256). */
export function typeAlgorithm(material: KeyMaterial): Primitive | undefined {
  switch (material.kty) {
    case 'OKP':
      return material.crv === 'Ed25519' ? 'ed25519' : undefined;
    case 'EC':
      return material.crv === 'P-256'
        ? 'ecdsa-p256-sha256'
        : material.crv === 'P-384'
          ? 'ecdsa-p384-sha384'
          : material.crv === 'P-521'
            ? 'ecdsa-p521-sha512'
            : undefined;
    case 'RSA':
      return 'rsa-v1_5-sha256';
    case 'oct':
      return 'hmac-sha256';
  }
}

const cache = new WeakMap<KeyMaterial, Map<string, Promise<CryptoKeyLike>>>();

/** The WebCrypto key for one primitive and use; imported once per key, primitive and use. */
export function cryptoKeyFor(
  material: KeyMaterial,
  primitive: Primitive,
  use: 'sign' | 'verify',
): Promise<CryptoKeyLike> {
  let perKey = cache.get(material);
  if (!perKey) cache.set(material, (perKey = new Map()));
  const id = `${primitive}/${use}`;
  let key = perKey.get(id);
  if (!key) {
    const spec = PRIMITIVES[primitive];
    const jwk = use === 'sign' || material.type === 'secret' ? { ...material.jwk } : publicJwkMembers(material);
    delete jwk.alg;
    delete jwk.key_ops;
    delete jwk.ext;
    delete jwk.kid;
    key = subtle().importKey('jwk', jwk, spec.importParams, false, [use]);
    key.catch(() => perKey.delete(id));
    perKey.set(id, key);
  }
  return key;
}

/** Builds key material from a JWK object (public, private or oct). Throws a message for bad input. */
export function materialFromJwk(input: JwkObject, source = 'JWK'): KeyMaterial | string {
  const kty = input.kty;
  if (kty !== 'RSA' && kty !== 'EC' && kty !== 'OKP' && kty !== 'oct')
    return `JWK "kty" must be RSA, EC, OKP or oct (got ${JSON.stringify(kty)})`;
  const need: Record<KeyType, string[]> = { RSA: ['n', 'e'], EC: ['crv', 'x', 'y'], OKP: ['crv', 'x'], oct: ['k'] };
  const missing = need[kty].filter((m) => typeof input[m] !== 'string');
  if (missing.length) return `JWK of kty ${kty} lacks ${missing.map((m) => `"${m}"`).join(', ')}`;
  if (kty === 'OKP' && input.crv !== 'Ed25519')
    return `OKP curve ${JSON.stringify(input.crv)} is not supported (only Ed25519)`;
  if (kty === 'EC' && input.crv !== 'P-256' && input.crv !== 'P-384' && input.crv !== 'P-521')
    return `EC curve ${JSON.stringify(input.crv)} is not supported (P-256, P-384 or P-521)`;
  const jwk: JwkObject = { ...input };
  delete jwk.alg;
  delete jwk.key_ops;
  delete jwk.ext;
  delete jwk.use;
  delete jwk.kid;
  const type = kty === 'oct' ? 'secret' : typeof input.d === 'string' ? 'private' : 'public';
  const material: KeyMaterial = { type, kty, jwk, source };
  if (typeof input.crv === 'string') material.crv = input.crv;
  if (typeof input.kid === 'string') material.kid = input.kid;
  if (typeof input.alg === 'string') {
    material.joseAlg = input.alg;
    const alg = algorithmFromJose(input.alg, material.crv);
    if (alg) material.alg = alg;
    const primitive = primitiveFromJose(input.alg, material.crv);
    if (primitive) material.primitive = primitive;
  }
  return material;
}
