import { calculateJwkThumbprint } from 'jose';
import { joseName, PRIMITIVES, type SignatureAlgorithm } from '../algorithms.ts';
import { subtle } from '../bytes.ts';
import { fail, ok, type Result, errorText } from '../result.ts';
import { writePem } from './pem.ts';
import type { AlgorithmParams } from '../webcrypto.ts';
import { defaultAlgorithm, materialFromJwk, publicJwkMembers, type JwkObject, type KeyMaterial } from './material.ts';

export type GenerateKind =
  'ed25519' | 'ecdsa-p256-sha256' | 'ecdsa-p384-sha384' | 'rsa-pss-sha512' | 'rsa-v1_5-sha256' | 'hmac-sha256';

/**
 * Generates a key for an RFC 9421 algorithm (RSA keys are 2048 bits). The key's `kid` is its RFC 7638
 * thumbprint unless one is given.
 */
export async function generateKey(alg: GenerateKind, options: { kid?: string } = {}): Promise<KeyMaterial> {
  const spec = PRIMITIVES[alg];
  let params: AlgorithmParams = spec.importParams;
  if (spec.kty === 'RSA')
    params = { ...spec.importParams, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
  const generated = await subtle().generateKey(params, true, ['sign', 'verify']);
  const privateKey = 'privateKey' in generated ? generated.privateKey : generated;
  const jwk = await subtle().exportKey('jwk', privateKey);
  const material = materialFromJwk(jwk, 'generated') as KeyMaterial;
  material.alg = alg;
  material.primitive = alg;
  material.joseAlg = joseName(alg);
  material.kid = options.kid ?? (await thumbprint(material));
  return material;
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of the public key; suitable as a kid. */
export function thumbprint(material: KeyMaterial): Promise<string> {
  return calculateJwkThumbprint(publicJwkMembers(material) as Parameters<typeof calculateJwkThumbprint>[0], 'sha256');
}

/** The public JWK to publish: key members plus kid and alg (JOSE name), never private members. */
export function exportPublicJwk(
  material: KeyMaterial,
  options: { kid?: string; alg?: SignatureAlgorithm } = {},
): JwkObject {
  const out: JwkObject = publicJwkMembers(material);
  if (material.type === 'secret') delete out.k;
  const kid = options.kid ?? material.kid;
  if (kid !== undefined) out.kid = kid;
  const alg = options.alg ?? defaultAlgorithm(material);
  const jose = material.joseAlg && !options.alg ? material.joseAlg : alg ? joseName(alg) : undefined;
  if (jose) out.alg = jose;
  return out;
}

/** The private JWK (with kid and alg), e.g. to store a key. */
export function exportPrivateJwk(material: KeyMaterial): JwkObject {
  const out: JwkObject = { ...material.jwk };
  if (material.kid !== undefined) out.kid = material.kid;
  const alg = defaultAlgorithm(material);
  if (material.joseAlg || alg) out.alg = material.joseAlg ?? joseName(alg!);
  return out;
}

/** A JWK Set document ({"keys": [...]}) of public keys. */
export function toJwks(materials: KeyMaterial[]): { keys: JwkObject[] } {
  return { keys: materials.map((m) => exportPublicJwk(m)) };
}

// A generic import for exporting: the algorithm does not change the DER, only what WebCrypto allows.
function exportParams(material: KeyMaterial): AlgorithmParams {
  if (material.kty === 'RSA') return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  if (material.kty === 'EC') return { name: 'ECDSA', namedCurve: material.crv! };
  return { name: 'Ed25519' };
}

/** The private key as PKCS#8 PEM ("PRIVATE KEY"). RSA-PSS keys are written with the rsaEncryption OID. */
export async function exportPkcs8Pem(material: KeyMaterial): Promise<Result<string>> {
  if (material.type !== 'private')
    return fail('bad-key', `cannot export a ${material.type} key as a private PKCS#8 key`);
  try {
    const key = await subtle().importKey('jwk', stripJwk(material.jwk), exportParams(material), true, ['sign']);
    return ok(writePem('PRIVATE KEY', new Uint8Array(await subtle().exportKey('pkcs8', key))));
  } catch (error) {
    return fail('bad-key', `could not export the key as PKCS#8: ${errorText(error)}`);
  }
}

/** The public key as SPKI PEM ("PUBLIC KEY"), as Nextcloud's discovery `publicKeyPem` carries it. */
export async function exportSpkiPem(material: KeyMaterial): Promise<Result<string>> {
  if (material.type === 'secret') return fail('bad-key', 'an HMAC secret has no public key');
  try {
    const key = await subtle().importKey('jwk', publicJwkMembers(material), exportParams(material), true, ['verify']);
    return ok(writePem('PUBLIC KEY', new Uint8Array(await subtle().exportKey('spki', key))));
  } catch (error) {
    return fail('bad-key', `could not export the public key as SPKI: ${errorText(error)}`);
  }
}

/** The public half of a private key, as key material of its own. */
export function publicKeyOf(material: KeyMaterial): KeyMaterial {
  if (material.type !== 'private') return material;
  return { ...material, type: 'public', jwk: publicJwkMembers(material), source: `public part of ${material.source}` };
}

function stripJwk(jwk: JwkObject): JwkObject {
  const out = { ...jwk };
  delete out.alg;
  delete out.key_ops;
  delete out.ext;
  delete out.kid;
  return out;
}
