import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import {
  createContentDigest,
  generateKey,
  importJwk,
  installSignatureEngine,
  signMessage,
  verifyMessage,
  type GenerateKind,
  type HttpRequestInput,
} from '../../src/signing/index.ts';
import { nodeSignatureEngine } from './node-engine.ts';

const request: HttpRequestInput = {
  method: 'POST',
  url: 'https://r.example/ocm/shares',
  headers: [['Content-Length', '2']],
  body: '{}',
};
const ALGS: GenerateKind[] = [
  'ed25519',
  'ecdsa-p256-sha256',
  'ecdsa-p384-sha384',
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
  'hmac-sha256',
];
const sign = (key: Awaited<ReturnType<typeof generateKey>>) =>
  signMessage(request, { key, components: '"@method" "@target-uri" "content-length"', created: 1, keyid: 'k' });

afterEach(() => installSignatureEngine(undefined));

describe("Node's crypto as the signing engine", () => {
  it.each(ALGS)('%s: what it signs WebCrypto verifies, and what WebCrypto signs it verifies', async (alg) => {
    const key = await generateKey(alg);
    installSignatureEngine(nodeSignatureEngine);
    const byNode = await sign(key);
    if (!byNode.ok) throw new Error(byNode.error.message);
    installSignatureEngine(undefined);
    expect((await verifyMessage(byNode.value.message, { key, now: 1 })).ok).toBe(true);

    const byWebCrypto = await sign(key);
    if (!byWebCrypto.ok) throw new Error(byWebCrypto.error.message);
    installSignatureEngine(nodeSignatureEngine);
    expect((await verifyMessage(byWebCrypto.value.message, { key, now: 1 })).ok).toBe(true);
    // And a tampered message still fails.
    const tampered = { ...byWebCrypto.value.message, method: 'PUT' };
    expect((await verifyMessage(tampered, { key, now: 1 })).ok).toBe(false);
  });

  it.each([
    ['RS384', { type: 'rsa', options: { modulusLength: 2048 } }],
    ['RS512', { type: 'rsa', options: { modulusLength: 2048 } }],
    ['PS256', { type: 'rsa', options: { modulusLength: 2048 } }],
    ['PS384', { type: 'rsa', options: { modulusLength: 2048 } }],
    ['ES512', { type: 'ec', options: { namedCurve: 'P-521' } }],
  ] as const)('%s (a JOSE algorithm without an RFC 9421 name) agrees with WebCrypto', async (alg, spec) => {
    const pair = generateKeyPairSync(spec.type as 'rsa', spec.options as { modulusLength: number });
    const jwk = { ...pair.privateKey.export({ format: 'jwk' }), kid: 'k', alg };
    const imported = importJwk(jwk);
    if (!imported.ok) throw new Error(imported.error.message);
    const key = imported.value;
    installSignatureEngine(nodeSignatureEngine);
    const byNode = await sign(key);
    if (!byNode.ok) throw new Error(byNode.error.message);
    installSignatureEngine(undefined);
    expect((await verifyMessage(byNode.value.message, { key, now: 1 })).ok).toBe(true);
    const byWebCrypto = await sign(key);
    if (!byWebCrypto.ok) throw new Error(byWebCrypto.error.message);
    installSignatureEngine(nodeSignatureEngine);
    expect((await verifyMessage(byWebCrypto.value.message, { key, now: 1 })).ok).toBe(true);
    expect((await verifyMessage({ ...byWebCrypto.value.message, method: 'PUT' }, { key, now: 1 })).ok).toBe(false);
  });

  it('computes the same Content-Digest', async () => {
    const webcrypto = await createContentDigest('{"hello": "world"}', ['sha-256', 'sha-512']);
    installSignatureEngine(nodeSignatureEngine);
    expect(await createContentDigest('{"hello": "world"}', ['sha-256', 'sha-512'])).toBe(webcrypto);
    expect(webcrypto).toContain('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
  });
});
