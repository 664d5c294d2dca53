// Cross-checks with http-message-sig (Cloudflare), an independent implementation that also runs in the
// browser: we sign and it verifies, it signs and we verify. Its built-in WebCrypto providers cover
// ed25519 and rsa-pss-sha512; for the other algorithms it takes a small signer/verifier object.
import {
  createSignature,
  verifySignature,
  webcrypto,
  type RequestDescriptor,
  type Signer,
  type Verifier,
} from 'http-message-sig';
import { describe, expect, it } from 'vitest';
import { PRIMITIVES, type SignatureAlgorithm } from '../algorithms.ts';
import { generateKey } from '../keys/export.ts';
import { importSecret } from '../keys/import.ts';
import { cryptoKeyFor, type KeyMaterial } from '../keys/material.ts';
import { subtle } from '../webcrypto.ts';
import { headerPairs, type HttpRequestInput } from '../message.ts';
import { signMessage } from '../rfc9421/sign.ts';
import { verifyMessage } from '../rfc9421/verify.ts';

const NOW = 1785060500;
const request: HttpRequestInput = {
  method: 'POST',
  url: 'https://receiver.example.org/ocm/shares?x=1',
  headers: [
    ['Content-Type', 'application/json'],
    ['Content-Digest', 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:'],
    ['Content-Length', '18'],
  ],
  body: '{"hello": "world"}',
};
const FIELDS = [
  '@method',
  '@target-uri',
  '@authority',
  '@path',
  '@query',
  'content-digest',
  'content-length',
  'content-type',
];

function descriptor(message: HttpRequestInput): RequestDescriptor {
  return {
    kind: 'request',
    method: message.method,
    targetUri: message.url,
    fields: headerPairs(message.headers).map(([name, value]) => ({ name, value })),
  };
}

type WebCryptoKey = Parameters<typeof webcrypto.signer>[0];

const ALGS: SignatureAlgorithm[] = [
  'ed25519',
  'ecdsa-p256-sha256',
  'ecdsa-p384-sha384',
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
  'hmac-sha256',
];

async function keyFor(alg: SignatureAlgorithm): Promise<KeyMaterial> {
  return alg === 'hmac-sha256' ? importSecret(new Uint8Array(32).fill(7), 'k1') : generateKey(alg, { kid: 'k1' });
}

// Their providers for ed25519 and rsa-pss-sha512; a plain WebCrypto object for the rest.
async function theirSigner(key: KeyMaterial, alg: SignatureAlgorithm): Promise<Signer> {
  const cryptoKey = await cryptoKeyFor(key, alg, 'sign');
  if (alg === 'ed25519' || alg === 'rsa-pss-sha512') return webcrypto.signer(cryptoKey as unknown as WebCryptoKey);
  return {
    algorithm: alg,
    sign: async (data) =>
      new Uint8Array(await subtle().sign(PRIMITIVES[alg].signParams, cryptoKey, new Uint8Array(data))),
  };
}

async function theirVerifier(key: KeyMaterial, alg: SignatureAlgorithm): Promise<Verifier> {
  const cryptoKey = await cryptoKeyFor(key, alg, 'verify');
  if (alg === 'ed25519' || alg === 'rsa-pss-sha512') return webcrypto.verifier(cryptoKey as unknown as WebCryptoKey);
  return {
    algorithm: alg,
    verify: (data, sig) =>
      subtle().verify(PRIMITIVES[alg].signParams, cryptoKey, new Uint8Array(sig), new Uint8Array(data)),
  };
}

describe('interop with http-message-sig', () => {
  it.each(ALGS)('%s: signed by us, verified by them', async (alg) => {
    const key = await keyFor(alg);
    const signed = await signMessage(request, {
      key,
      alg,
      components: FIELDS.map((f) => JSON.stringify(f)).join(' '),
      created: NOW,
      includeAlg: true,
    });
    if (!signed.ok) throw new Error(signed.error.message);
    const verifier = await theirVerifier(key, alg);
    const verified = await verifySignature(descriptor(signed.value.message), {
      policy: {
        algorithms: [alg],
        requiredComponents: FIELDS,
        requiredParameters: ['created', 'keyid'],
        maxAge: 300,
        now: NOW + 1,
      },
      resolveVerifier: () => verifier,
    });
    expect(verified.label).toBe('sig1');
    expect(verified.algorithm).toBe(alg);
  });

  it.each(ALGS)('%s: signed by them, verified by us', async (alg) => {
    const key = await keyFor(alg);
    const fields = await createSignature(descriptor(request), {
      label: 'sig1',
      components: FIELDS,
      parameters: { created: NOW, keyid: 'k1', alg },
      signer: await theirSigner(key, alg),
    });
    const message = {
      ...request,
      headers: [
        ...headerPairs(request.headers),
        ['Signature-Input', fields.signatureInput],
        ['Signature', fields.signature],
      ] as Array<[string, string]>,
    };
    const outcome = await verifyMessage(message, { key, now: NOW });
    expect(outcome.problems).toEqual([]);
    expect(outcome.alg).toBe(alg);
  });
});
