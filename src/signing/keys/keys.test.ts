import { describe, expect, it } from 'vitest';
import {
  generateKey,
  exportPkcs8Pem,
  exportSpkiPem,
  exportPublicJwk,
  exportPrivateJwk,
  thumbprint,
  toJwks,
  publicKeyOf,
} from './export.ts';
import { importKey, importPem, importJwk } from './import.ts';
import { parseJwks, findKey } from './jwks.ts';
import * as K from '../__fixtures__/rfc9421-keys.ts';
import { defaultAlgorithm } from './material.ts';
import { writePem } from './pem.ts';
import { subtle, type CryptoKeyLike } from '../webcrypto.ts';

describe('key import', () => {
  it('reads EC P-521 keys (ES512) from PKCS#8 and SPKI PEM, and from a JWK naming ES512', async () => {
    const pair = (await subtle().generateKey({ name: 'ECDSA', namedCurve: 'P-521' }, true, ['sign', 'verify'])) as {
      privateKey: CryptoKeyLike;
      publicKey: CryptoKeyLike;
    };
    const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
    const spki = new Uint8Array(await subtle().exportKey('spki', pair.publicKey));
    for (const [text, type] of [
      [writePem('PRIVATE KEY', pkcs8), 'private'],
      [writePem('PUBLIC KEY', spki), 'public'],
    ] as const) {
      const r = await importKey(text);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value).toMatchObject({ kty: 'EC', crv: 'P-521', type });
      expect(defaultAlgorithm(r.value)).toBe('ecdsa-p521-sha512');
    }
    const jwk = importJwk({ ...(await subtle().exportKey('jwk', pair.publicKey)), alg: 'ES512', kid: 'k' });
    expect(jwk.ok && jwk.value.primitive).toBe('ecdsa-p521-sha512');
    expect(jwk.ok && jwk.value.alg).toBeUndefined();
  });

  it.each([
    ['PKCS#1 RSA PRIVATE KEY', K.TEST_KEY_RSA_PRIVATE, 'RSA', 'private', undefined],
    ['PKCS#1 RSA PUBLIC KEY', K.TEST_KEY_RSA_PUBLIC, 'RSA', 'public', undefined],
    ['PKCS#8 with the RSA-PSS OID', K.TEST_KEY_RSA_PSS_PRIVATE, 'RSA', 'private', 'rsa-pss-sha512'],
    ['SEC1 EC PRIVATE KEY', K.TEST_KEY_ECC_P256_PRIVATE, 'EC', 'private', undefined],
    ['SPKI EC', K.TEST_KEY_ECC_P256_PUBLIC, 'EC', 'public', undefined],
    ['PKCS#8 Ed25519', K.TEST_KEY_ED25519_PRIVATE, 'OKP', 'private', undefined],
  ])('reads %s', async (_name, text, kty, type, alg) => {
    const r = await importKey(text);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ kty, type });
    expect(r.value.alg).toBe(alg);
  });

  it('the SEC1 and JWK forms of test-key-ecc-p256 are the same key', async () => {
    const pem = await importPem(K.TEST_KEY_ECC_P256_PRIVATE);
    const jwk = importJwk(K.TEST_KEY_ECC_P256_JWK);
    expect(pem.ok && jwk.ok && (await thumbprint(pem.value)) === (await thumbprint(jwk.value))).toBe(true);
  });

  it.each([
    ['not a key', 'hello', 'neither a JWK'],
    ['a cut-off PEM', K.TEST_KEY_ED25519_PRIVATE.slice(0, 60), 'no matching END line'],
    ['broken base64', K.TEST_KEY_ED25519_PRIVATE.replace('MC4CAQAw', 'MC4C!QAw'), 'base64'],
    ['a certificate', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----', 'certificate'],
    ['a JWKS given as a JWK', '{"keys":[]}', 'JWK Set'],
    ['a JWK without x', '{"kty":"OKP","crv":"Ed25519"}', 'lacks "x"'],
    ['truncated DER', '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2Vw\n-----END PRIVATE KEY-----', 'PRIVATE KEY'],
  ])('refuses %s with a message naming the problem', async (_name, text, words) => {
    const r = await importKey(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain(words);
  });
});

describe('key generation and export', () => {
  it.each(['ed25519', 'ecdsa-p256-sha256', 'rsa-v1_5-sha256'] as const)(
    '%s: PEM and JWK exports round-trip to the same thumbprint, used as kid',
    async (alg) => {
      const key = await generateKey(alg);
      const kid = await thumbprint(key);
      expect(key.kid).toBe(kid);
      expect(kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const pkcs8 = await exportPkcs8Pem(key);
      const spki = await exportSpkiPem(key);
      expect(pkcs8.ok && pkcs8.value.startsWith('-----BEGIN PRIVATE KEY-----')).toBe(true);
      const back = await importKey(pkcs8.ok ? pkcs8.value : '');
      const pub = await importKey(spki.ok ? spki.value : '');
      expect(back.ok && (await thumbprint(back.value))).toBe(kid);
      expect(pub.ok && (await thumbprint(pub.value))).toBe(kid);
      const jwk = exportPublicJwk(key);
      expect(jwk).not.toHaveProperty('d');
      expect(jwk.kid).toBe(kid);
      const stored = importJwk(exportPrivateJwk(key));
      expect(stored.ok && stored.value.alg).toBe(alg);
      expect(publicKeyOf(key).type).toBe('public');
    },
  );

  it('writes the JOSE alg names OCM expects in a JWKS and finds keys by kid', async () => {
    const ed = await generateKey('ed25519', { kid: 'sender.example.org#key1' });
    const ec = await generateKey('ecdsa-p256-sha256');
    const jwks = toJwks([ed, ec]);
    expect(jwks.keys.map((k) => k.alg)).toEqual(['Ed25519', 'ES256']);
    const parsed = parseJwks(JSON.stringify(jwks));
    expect(parsed.ok && findKey(parsed.value, 'sender.example.org#key1')?.alg).toBe('ed25519');
  });

  it('RFC 7638 thumbprint of the RFC 9421 Ed25519 test key', async () => {
    const r = importJwk(K.TEST_KEY_ED25519_JWK);
    // RFC 7638 §3: SHA-256 over {"crv","kty","x"} in lexicographic order.
    const json = `{"crv":"Ed25519","kty":"OKP","x":"${K.TEST_KEY_ED25519_JWK.x}"}`;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json)));
    const expected = btoa(String.fromCharCode(...digest))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(r.ok && (await thumbprint(r.value))).toBe(expected);
  });
});
