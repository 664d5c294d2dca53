// Signature parameters keep the order the signer gives them: the order is part of the signed base
// (RFC 9421 §2.3; §4.3's example puts expires last, and Nextcloud's builder keeps insertion order).
import { createSignature, verifySignature, type RequestDescriptor, type Verifier } from 'http-message-sig';
import { describe, expect, it } from 'vitest';
import { OCM_RFC9421_PROFILE } from '../../protocol/signature-profile.ts';
import { importJwk } from '../keys/import.ts';
import { headerPairs, type HttpRequestInput } from '../message.ts';
import { DEFAULT_PARAM_ORDER, signMessage, signWithProfile } from '../rfc9421/sign.ts';
import { verifyMessage } from '../rfc9421/verify.ts';
import { subtle, type CryptoKeyLike } from '../webcrypto.ts';

const NOW = 1785060500;
const request: HttpRequestInput = { method: 'POST', url: 'https://r.example/ocm/shares', headers: [], body: '{}' };
const descriptor = (m: HttpRequestInput): RequestDescriptor => ({
  kind: 'request',
  method: m.method,
  targetUri: m.url,
  fields: headerPairs(m.headers).map(([name, value]) => ({ name, value })),
});

async function ed25519() {
  const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as {
    privateKey: CryptoKeyLike;
    publicKey: CryptoKeyLike;
  };
  const jwk = await subtle().exportKey('jwk', pair.privateKey);
  const key = importJwk({ ...jwk, kid: 'k1', alg: 'Ed25519' });
  if (!key.ok) throw new Error(key.error.message);
  const verifier: Verifier = {
    algorithm: 'ed25519',
    verify: (data, sig) =>
      subtle().verify({ name: 'Ed25519' }, pair.publicKey, new Uint8Array(sig), new Uint8Array(data)),
  };
  return { pair, key: key.value, verifier };
}

describe('signature parameter order', () => {
  it('the default order is written down, and is the OCM profile’s (the draft-07 appendix order)', () => {
    expect(DEFAULT_PARAM_ORDER).toEqual(['created', 'expires', 'keyid', 'nonce', 'alg', 'tag']);
    expect(OCM_RFC9421_PROFILE.paramOrder).toEqual(DEFAULT_PARAM_ORDER);
  });

  it('our signer writes the order asked for, and an independent verifier accepts it', async () => {
    const { key, verifier } = await ed25519();
    const signed = await signMessage(request, {
      key,
      components: '"@method" "@target-uri"',
      now: NOW,
      expires: NOW + 60,
      tag: 'ocm',
      paramOrder: ['created', 'keyid', 'tag', 'expires'],
    });
    if (!signed.ok) throw new Error(signed.error.message);
    expect(signed.value.signatureParams).toBe(
      `("@method" "@target-uri");created=${NOW};keyid="k1";tag="ocm";expires=${NOW + 60}`,
    );
    const verified = await verifySignature(descriptor(signed.value.message), {
      policy: { algorithms: ['ed25519'], requiredComponents: ['@method'], requiredParameters: [], now: NOW },
      resolveVerifier: () => verifier,
    });
    expect(Object.keys(verified.parameters)).toEqual(['created', 'keyid', 'tag', 'expires']);
  });

  it('without an order, the default; a profile passes its own', async () => {
    const { key } = await ed25519();
    const plain = await signMessage(request, { key, components: '"@method"', now: NOW, expires: NOW + 1, tag: 't' });
    expect(plain.ok && plain.value.signatureParams).toBe(
      `("@method");created=${NOW};expires=${NOW + 1};keyid="k1";tag="t"`,
    );
    const ocm = await signWithProfile(
      request,
      { ...OCM_RFC9421_PROFILE, paramOrder: ['tag', 'keyid', 'created'] },
      {
        key,
        now: NOW,
      },
    );
    expect(ocm.ok && ocm.value.signatureParams).toMatch(/;tag="ocm";keyid="k1";created=\d+$/);
  });

  it('a signature whose parameters come in another order verifies as received', async () => {
    const { pair, key } = await ed25519();
    const fields = await createSignature(descriptor(request), {
      components: ['@method', '@target-uri'],
      parameters: { expires: NOW + 60, tag: 'ocm', keyid: 'k1', created: NOW },
      signer: {
        algorithm: 'ed25519',
        sign: async (data) =>
          new Uint8Array(await subtle().sign({ name: 'Ed25519' }, pair.privateKey, new Uint8Array(data))),
      },
    });
    const message = {
      ...request,
      headers: [
        ['Signature-Input', fields.signatureInput],
        ['Signature', fields.signature],
      ] as Array<[string, string]>,
    };
    const outcome = await verifyMessage(message, { key, now: NOW });
    expect(outcome.problems).toEqual([]);
    expect(outcome.signatureBase?.split('\n').pop()).toBe(
      `"@signature-params": ("@method" "@target-uri");expires=${NOW + 60};tag="ocm";keyid="k1";created=${NOW}`,
    );
  });
});
