// Draft-07 "Verification Requirements": the OCM signature is the one with tag="ocm", whatever its label;
// a request with none is unsigned for OCM (its other signatures are named, never checked as OCM's), and two
// tagged signatures make the whole message unacceptable. Signatures made by http-message-sig.
import { createSignature, type RequestDescriptor } from 'http-message-sig';
import { describe, expect, it } from 'vitest';
import { OCM_RFC9421_PROFILE } from '../../protocol/signature-profile.ts';
import { parseJwks } from '../keys/jwks.ts';
import { headerPairs, type HttpRequestInput } from '../message.ts';
import { verifyMessage } from '../rfc9421/verify.ts';
import { subtle, type CryptoKeyLike } from '../webcrypto.ts';

const NOW = 1785060500;
const KID = 'sender.example.org#key1';
const share: HttpRequestInput = {
  method: 'POST',
  url: 'https://receiver.example.org/ocm/shares',
  headers: [
    ['Content-Digest', 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:'],
    ['Content-Length', '18'],
  ],
  body: '{"hello": "world"}',
};
const COMPONENTS = ['@method', '@target-uri', 'content-digest', 'content-length'];

async function ed25519() {
  const pair = (await subtle().generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as {
    privateKey: CryptoKeyLike;
    publicKey: CryptoKeyLike;
  };
  const jwk = await subtle().exportKey('jwk', pair.publicKey);
  const jwks = parseJwks({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: KID, alg: 'Ed25519' }] });
  if (!jwks.ok) throw new Error(jwks.error.message);
  return { ...pair, jwks: jwks.value };
}

type Key = Awaited<ReturnType<typeof ed25519>>;

/** Adds one signature by http-message-sig to the message. */
async function addSignature(
  message: HttpRequestInput,
  key: Key,
  label: string,
  parameters: Record<string, string | number>,
): Promise<HttpRequestInput> {
  const descriptor: RequestDescriptor = {
    kind: 'request',
    method: message.method,
    targetUri: message.url,
    fields: headerPairs(message.headers).map(([name, value]) => ({ name, value })),
  };
  const fields = await createSignature(descriptor, {
    label,
    components: COMPONENTS,
    parameters: { created: NOW, keyid: KID, ...parameters },
    signer: {
      algorithm: 'ed25519',
      sign: async (data) =>
        new Uint8Array(await subtle().sign({ name: 'Ed25519' }, key.privateKey, new Uint8Array(data))),
    },
  });
  return {
    ...message,
    headers: [
      ...headerPairs(message.headers),
      ['Signature-Input', fields.signatureInput],
      ['Signature', fields.signature],
    ],
  };
}

const verify = (message: HttpRequestInput, key: Key) =>
  verifyMessage(message, { jwks: key.jwks, profile: OCM_RFC9421_PROFILE, now: NOW + 1 });

describe('draft-07: the OCM signature is found by tag="ocm"', () => {
  it('a request whose only signature lacks tag="ocm" is unsigned for OCM, and the signature is named', async () => {
    const key = await ed25519();
    const outcome = await verify(await addSignature(share, key, 'sig1', {}), key);
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toEqual(['not-tagged']);
    expect(outcome.unsigned).toEqual({ others: [{ label: 'sig1' }] });
    expect(outcome.problems[0]?.message).toContain('"sig1" (no tag)');
    // Nothing was checked: no base, no algorithm.
    expect(outcome.signatureBase).toBeUndefined();
  });

  it('a request with no RFC 9421 signature at all is unsigned for OCM too', async () => {
    const key = await ed25519();
    const outcome = await verify(share, key);
    expect(outcome.problems.map((p) => p.code)).toEqual(['no-signature']);
    expect(outcome.unsigned).toEqual({ others: [] });
  });

  it('names the near misses deployed signers make: the label "ocm" without the tag, or tag="OCM"', async () => {
    const key = await ed25519();
    const labelled = await verify(await addSignature(share, key, 'ocm', {}), key);
    expect(labelled.problems[0]?.message).toContain('a label "ocm" does not mark the signature');
    const upper = await verify(await addSignature(share, key, 'sig1', { tag: 'OCM' }), key);
    expect(upper.problems[0]?.message).toContain('"OCM" is not "ocm"');
    const unrelated = await verify(await addSignature(share, key, 'sig1', { tag: 'edge' }), key);
    expect(unrelated.problems[0]?.message).not.toContain('does not mark');
  });

  it('another application’s tag is named too', async () => {
    const key = await ed25519();
    const outcome = await verify(await addSignature(share, key, 'proxy', { tag: 'edge-proxy' }), key);
    expect(outcome.unsigned).toEqual({ others: [{ label: 'proxy', tag: 'edge-proxy' }] });
    expect(outcome.problems[0]?.message).toContain('"proxy" (tag="edge-proxy")');
  });

  it('a tagged signature beside a proxy signature is the one checked, whatever its label', async () => {
    const key = await ed25519();
    const proxied = await addSignature(await addSignature(share, key, 'zzz', { tag: 'ocm' }), key, 'sig1', {
      tag: 'proxy',
    });
    const outcome = await verify(proxied, key);
    expect(outcome.problems).toEqual([]);
    expect(outcome).toMatchObject({ ok: true, label: 'zzz' });
    expect(outcome.unsigned).toBeUndefined();
  });

  it('two tagged signatures refuse the message', async () => {
    const key = await ed25519();
    const twice = await addSignature(await addSignature(share, key, 'a', { tag: 'ocm' }), key, 'b', { tag: 'ocm' });
    const outcome = await verify(twice, key);
    expect(outcome.problems.map((p) => p.code)).toEqual(['several-tagged-signatures']);
  });

  it('without the OCM profile, an untagged signature is an ordinary RFC 9421 signature', async () => {
    const key = await ed25519();
    const outcome = await verifyMessage(await addSignature(share, key, 'sig1', {}), { jwks: key.jwks, now: NOW + 1 });
    expect(outcome.problems).toEqual([]);
    expect(outcome.unsigned).toBeUndefined();
  });
});
