import {
  constants,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { SignatureEngine } from '../../src/signing/index.ts';

type Material = Parameters<NonNullable<SignatureEngine['sign']>>[0];
type Primitive = Parameters<NonNullable<SignatureEngine['sign']>>[1];

// How each RFC 9421 primitive maps onto Node's one-shot crypto.sign/verify.
const NODE: Partial<Record<Primitive, { hash: string | null; options?: object }>> = {
  ed25519: { hash: null },
  'ecdsa-p256-sha256': { hash: 'sha256', options: { dsaEncoding: 'ieee-p1363' } },
  'ecdsa-p384-sha384': { hash: 'sha384', options: { dsaEncoding: 'ieee-p1363' } },
  'rsa-pss-sha512': { hash: 'sha512', options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 } },
  'rsa-v1_5-sha256': { hash: 'sha256', options: { padding: constants.RSA_PKCS1_PADDING } },
  'rsa-v1_5-sha384': { hash: 'sha384', options: { padding: constants.RSA_PKCS1_PADDING } },
  'rsa-v1_5-sha512': { hash: 'sha512', options: { padding: constants.RSA_PKCS1_PADDING } },
  'rsa-pss-sha256': { hash: 'sha256', options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } },
  'rsa-pss-sha384': { hash: 'sha384', options: { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 } },
  'ecdsa-p521-sha512': { hash: 'sha512', options: { dsaEncoding: 'ieee-p1363' } },
};

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];
const keys = new WeakMap<Material, { private?: KeyObject; public?: KeyObject }>();

function keyObject(material: Material, use: 'private' | 'public'): KeyObject {
  let entry = keys.get(material);
  if (!entry) keys.set(material, (entry = {}));
  const cached = entry[use];
  if (cached) return cached;
  const jwk = { ...material.jwk } as Record<string, unknown>;
  for (const member of ['alg', 'key_ops', 'ext', 'kid', 'use']) delete jwk[member];
  if (use === 'public') for (const member of PRIVATE_MEMBERS) delete jwk[member];
  const created =
    use === 'private'
      ? createPrivateKey({ key: jwk as never, format: 'jwk' })
      : createPublicKey({ key: jwk as never, format: 'jwk' });
  entry[use] = created;
  return created;
}

/**
 * Node's synchronous crypto as the signing core's engine: the same algorithms and parameters (RSA-PSS
 * salt 64, raw r||s ECDSA signatures) as the WebCrypto path, checked against it in tests.
 */
export const nodeSignatureEngine: SignatureEngine = {
  sign(material, primitive, data) {
    if (primitive === 'hmac-sha256')
      return new Uint8Array(
        createHmac('sha256', Buffer.from(String(material.jwk.k), 'base64url'))
          .update(data)
          .digest(),
      );
    const spec = NODE[primitive];
    if (!spec || material.type !== 'private') return undefined;
    return new Uint8Array(sign(spec.hash, data, { key: keyObject(material, 'private'), ...spec.options }));
  },
  verify(material, primitive, data, signature) {
    if (primitive === 'hmac-sha256') {
      const expected = createHmac('sha256', Buffer.from(String(material.jwk.k), 'base64url'))
        .update(data)
        .digest();
      return expected.length === signature.length && timingSafeEqual(expected, signature);
    }
    const spec = NODE[primitive];
    if (!spec) return undefined;
    return verify(spec.hash, data, { key: keyObject(material, 'public'), ...spec.options }, signature);
  },
  digest(algorithm, data) {
    return new Uint8Array(
      createHash(algorithm === 'SHA-256' ? 'sha256' : 'sha512')
        .update(data)
        .digest(),
    );
  },
};
