import { fail, ok, jsonInput, type Result, errorText } from '../result.ts';
import { subtle } from '../bytes.ts';
import {
  children,
  OID,
  oidToString,
  readTlv,
  wrapEcPrivateKey,
  wrapRsaPrivateKey,
  wrapRsaPublicKey,
  type Tlv,
} from './der.ts';
import { readPem } from './pem.ts';
import { materialFromJwk, type JwkObject, type KeyMaterial } from './material.ts';
import type { SignatureAlgorithm } from '../algorithms.ts';
import type { AlgorithmParams } from '../webcrypto.ts';

interface Classified {
  format: 'pkcs8' | 'spki';
  der: Uint8Array<ArrayBuffer>;
  params: AlgorithmParams;
  kty: 'RSA' | 'EC' | 'OKP';
  crv?: string;
  alg?: SignatureAlgorithm;
}

const RSA_IMPORT: AlgorithmParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
const RSA_PSS_NOTE = 'rsa-pss-sha512';

/** Reads the AlgorithmIdentifier of a PKCS#8 or SPKI and rewrites what WebCrypto refuses. */
function classify(format: 'pkcs8' | 'spki', der: Uint8Array<ArrayBuffer>, label: string): Classified | string {
  const top = readTlv(der, 0);
  const parts = top && top.tag === 0x30 ? children(der, top) : null;
  const algIdx = format === 'pkcs8' ? 1 : 0;
  const algId = parts?.[algIdx];
  const algParts = algId && algId.tag === 0x30 ? children(der, algId) : null;
  const oidTlv = algParts?.[0];
  if (!parts || !algParts || !oidTlv || oidTlv.tag !== 0x06)
    return `"${label}" is not a well-formed ${format === 'pkcs8' ? 'PKCS#8' : 'SPKI'} structure`;
  const oid = oidToString(der, oidTlv);
  switch (oid) {
    case OID.rsaEncryption:
      return { format, der, params: RSA_IMPORT, kty: 'RSA' };
    case OID.rsassaPss: {
      // WebCrypto only takes rsaEncryption: re-wrap the same key bits with that OID.
      const inner = parts[algIdx + 1]!;
      const rewrapped =
        format === 'pkcs8'
          ? wrapRsaPrivateKey(der.subarray(inner.start, inner.end))
          : wrapRsaPublicKey(der.subarray(inner.start + 1, inner.end));
      return { format, der: rewrapped, params: RSA_IMPORT, kty: 'RSA', alg: RSA_PSS_NOTE };
    }
    case OID.ecPublicKey: {
      const curveTlv = algParts[1];
      const curve = curveTlv && curveTlv.tag === 0x06 ? oidToString(der, curveTlv) : '';
      const crv = curve === OID.p256 ? 'P-256' : curve === OID.p384 ? 'P-384' : curve === OID.p521 ? 'P-521' : null;
      if (!crv) return `EC key on curve ${curve || '(none)'} is not supported (P-256, P-384 or P-521)`;
      return { format, der, params: { name: 'ECDSA', namedCurve: crv }, kty: 'EC', crv };
    }
    case OID.ed25519:
      return { format, der, params: { name: 'Ed25519' }, kty: 'OKP', crv: 'Ed25519' };
    default:
      return `key algorithm OID ${oid} is not supported (RSA, EC P-256/P-384/P-521 or Ed25519)`;
  }
}

function sec1ToPkcs8(der: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> | string {
  const top = readTlv(der, 0);
  const parts = top && top.tag === 0x30 ? children(der, top) : null;
  const params = parts?.find((p: Tlv) => p.tag === 0xa0);
  if (!parts || !params)
    return 'the EC PRIVATE KEY does not name its curve (no parameters field); export it as PKCS#8 instead';
  const curveOid = readTlv(der, params.start);
  if (!curveOid || curveOid.tag !== 0x06) return 'the EC PRIVATE KEY curve parameter is not an OID';
  return wrapEcPrivateKey(der, der.subarray(curveOid.header, curveOid.end));
}

async function toMaterial(c: Classified, source: string): Promise<Result<KeyMaterial>> {
  try {
    const key = await subtle().importKey(c.format as 'pkcs8', c.der, c.params, true, [
      c.format === 'pkcs8' ? 'sign' : 'verify',
    ]);
    const jwk = await subtle().exportKey('jwk', key);
    // WebCrypto writes the import algorithm (e.g. RS256) into the JWK: that is ours, not the key's.
    delete jwk.alg;
    const material = materialFromJwk(jwk, source);
    if (typeof material === 'string') return fail('bad-key', material, source);
    if (c.alg) {
      material.alg = c.alg;
      material.primitive = c.alg;
    }
    return ok(material);
  } catch (error) {
    return fail('bad-key', `the ${source} could not be imported: ${errorText(error)}`, source);
  }
}

/** Imports a key from PEM text (PKCS#8, PKCS#1, SEC1, SPKI, RSA PUBLIC KEY). */
export async function importPem(text: string): Promise<Result<KeyMaterial>> {
  const pem = readPem(text);
  if (typeof pem === 'string') return fail('bad-key', pem, 'PEM');
  const source = `${pem.label} PEM`;
  let classified: Classified | string;
  switch (pem.label) {
    case 'PRIVATE KEY':
      classified = classify('pkcs8', pem.der, pem.label);
      break;
    case 'PUBLIC KEY':
      classified = classify('spki', pem.der, pem.label);
      break;
    case 'RSA PRIVATE KEY':
      classified = { format: 'pkcs8', der: wrapRsaPrivateKey(pem.der), params: RSA_IMPORT, kty: 'RSA' };
      break;
    case 'RSA PUBLIC KEY':
      classified = { format: 'spki', der: wrapRsaPublicKey(pem.der), params: RSA_IMPORT, kty: 'RSA' };
      break;
    case 'EC PRIVATE KEY': {
      const pkcs8 = sec1ToPkcs8(pem.der);
      classified = typeof pkcs8 === 'string' ? pkcs8 : classify('pkcs8', pkcs8, pem.label);
      break;
    }
    case 'ENCRYPTED PRIVATE KEY':
      return fail(
        'bad-key',
        'encrypted private keys are not supported: decrypt it first (openssl pkey -in key.pem)',
        source,
      );
    case 'CERTIFICATE':
      return fail(
        'bad-key',
        'this is a certificate, not a key: extract the public key (openssl x509 -pubkey -noout)',
        source,
      );
    default:
      return fail('bad-key', `PEM type "${pem.label}" is not a supported key`, source);
  }
  if (typeof classified === 'string') return fail('bad-key', classified, source);
  return toMaterial(classified, source);
}

/** Imports a JWK given as an object or JSON text. */
export function importJwk(input: string | object): Result<KeyMaterial> {
  const parsed = jsonInput(input, 'JWK');
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('bad-key', 'a JWK must be a JSON object', 'JWK');
  if ('keys' in value)
    return fail(
      'bad-key',
      'this is a JWK Set ({"keys": [...]}), not a single JWK: pick one key or pass it as a JWKS',
      'JWK',
    );
  const material = materialFromJwk(value as JwkObject);
  return typeof material === 'string' ? fail('bad-key', material, 'JWK') : ok(material);
}

/** Imports a key from text: JWK JSON or PEM. */
export async function importKey(text: string): Promise<Result<KeyMaterial>> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return importJwk(trimmed);
  if (trimmed.includes('-----BEGIN')) return importPem(trimmed);
  return fail('bad-key', 'the key is neither a JWK (JSON object) nor PEM (-----BEGIN ...-----)', 'key');
}

/** Imports raw secret bytes (e.g. RFC 9421's base64-decoded test-shared-secret) as an HMAC key. */
export function importSecret(secret: Uint8Array, kid?: string): KeyMaterial {
  let k = '';
  for (let i = 0; i < secret.length; i++) k += String.fromCharCode(secret[i]!);
  const jwk: JwkObject = { kty: 'oct', k: btoa(k).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '') };
  return {
    type: 'secret',
    kty: 'oct',
    jwk,
    source: 'raw secret',
    alg: 'hmac-sha256',
    primitive: 'hmac-sha256',
    ...(kid === undefined ? {} : { kid }),
  };
}
