import { describe, expect, it } from 'vitest';
import { jwkProblems, jwkSetKeys, legacyPublicKey } from './key-rules.ts';

const PEM = '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----';

describe('legacyPublicKey', () => {
  it("reads Nextcloud's {keyId, publicKeyPem}", () => {
    expect(legacyPublicKey({ publicKey: { keyId: 'https://c.example/ocm#signature', publicKeyPem: PEM } })).toEqual({
      pem: PEM,
      keyId: 'https://c.example/ocm#signature',
    });
  });
  it('reads a bare PEM string, which some servers publish', () => {
    expect(legacyPublicKey({ publicKey: PEM })).toEqual({ pem: PEM });
  });
  it('finds nothing where there is no PEM', () => {
    expect(legacyPublicKey({})).toBeUndefined();
    expect(legacyPublicKey({ publicKey: '' })).toBeUndefined();
    expect(legacyPublicKey({ publicKey: { keyId: 'x' } })).toBeUndefined();
    expect(legacyPublicKey({ publicKey: { publicKeyPem: 42 } })).toBeUndefined();
    expect(legacyPublicKey(null)).toBeUndefined();
  });
});

describe('JWK Set rules', () => {
  it('reads the keys of a JWK Set only', () => {
    expect(jwkSetKeys({ keys: [{ kid: 'a' }] })).toEqual([{ kid: 'a' }]);
    expect(jwkSetKeys({ keys: {} })).toBeUndefined();
    expect(jwkSetKeys([{ kid: 'a' }])).toBeUndefined();
  });
  it('asks kid and alg of every key and refuses symmetric keys', () => {
    expect(jwkProblems({ kty: 'OKP', crv: 'Ed25519', kid: 'k1', alg: 'EdDSA' })).toEqual([]);
    expect(jwkProblems({ kty: 'RSA' })).toEqual(['no kid', 'no alg']);
    expect(jwkProblems({ kty: 'oct', kid: 'k', alg: 'HS256' })).toEqual(['a symmetric key (forbidden)']);
    expect(jwkProblems('not a key')).toEqual(['no kid', 'no alg']);
  });
});
