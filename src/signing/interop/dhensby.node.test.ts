// Cross-checks with http-message-signatures (dhensby), an independent Node-only implementation: we sign
// and it verifies, it signs and we verify, for every algorithm it supports.
import { createPrivateKey, createPublicKey, sign as nodeSign, constants } from 'node:crypto';
import { createSigner, createVerifier, httpbis, cavage } from 'http-message-signatures';
import { describe, expect, it } from 'vitest';
import { generateKey, exportPkcs8Pem, exportSpkiPem } from '../keys/export.ts';
import { importSecret, importPem } from '../keys/import.ts';
import type { KeyMaterial } from '../keys/material.ts';
import { headerPairs, type HttpRequestInput } from '../message.ts';
import { signMessage } from '../rfc9421/sign.ts';
import { verifyMessage } from '../rfc9421/verify.ts';
import { signCavage } from '../cavage/sign.ts';
import { verifyCavage } from '../cavage/verify.ts';
import type { SignatureAlgorithm } from '../algorithms.ts';

const NOW = 1785060500;
const request: HttpRequestInput = {
  method: 'POST',
  url: 'https://receiver.example.org/ocm/shares?x=1&y=two',
  headers: [
    ['Host', 'receiver.example.org'],
    ['Content-Type', 'application/json'],
    ['Content-Digest', 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:'],
    ['Content-Length', '18'],
    // Inside the freshness window of the verification time.
    ['Date', new Date(NOW * 1000).toUTCString()],
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
const COMPONENTS = FIELDS.map((f) => JSON.stringify(f)).join(' ');

function asTheirs(message: HttpRequestInput) {
  const headers: Record<string, string> = {};
  for (const [n, v] of headerPairs(message.headers))
    headers[n.toLowerCase()] = headers[n.toLowerCase()] ? `${headers[n.toLowerCase()]}, ${v}` : v;
  return { method: message.method, url: message.url, headers };
}

async function keysFor(alg: SignatureAlgorithm): Promise<{
  ours: KeyMaterial;
  theirsPrivate: Parameters<typeof createSigner>[0];
  theirsPublic: Parameters<typeof createVerifier>[0];
}> {
  if (alg === 'hmac-sha256') {
    const secret = new Uint8Array(32).map((_, i) => i * 7);
    return { ours: importSecret(secret, 'k1'), theirsPrivate: Buffer.from(secret), theirsPublic: Buffer.from(secret) };
  }
  const ours = await generateKey(alg, { kid: 'k1' });
  const pkcs8 = await exportPkcs8Pem(ours);
  const spki = await exportSpkiPem(ours);
  if (!pkcs8.ok || !spki.ok) throw new Error('export failed');
  return { ours, theirsPrivate: createPrivateKey(pkcs8.value), theirsPublic: createPublicKey(spki.value) };
}

const ALGS: SignatureAlgorithm[] = [
  'ed25519',
  'ecdsa-p256-sha256',
  'ecdsa-p384-sha384',
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
  'hmac-sha256',
];

describe('interop with http-message-signatures (RFC 9421)', () => {
  it.each(ALGS)('%s: signed by us, verified by them', async (alg) => {
    const { ours, theirsPublic } = await keysFor(alg);
    const signed = await signMessage(request, {
      key: ours,
      alg,
      components: COMPONENTS,
      created: NOW,
      includeAlg: true,
    });
    if (!signed.ok) throw new Error(signed.error.message);
    const result = await httpbis.verifyMessage(
      {
        keyLookup: async () => ({ id: 'k1', algs: [alg], verify: createVerifier(theirsPublic, alg) }),
        notAfter: NOW + 10,
        tolerance: 60,
      },
      asTheirs(signed.value.message),
    );
    expect(result).toBe(true);
  });

  it.each(ALGS.filter((a) => a !== 'rsa-pss-sha512'))('%s: signed by them, verified by us', async (alg) => {
    const { ours, theirsPrivate } = await keysFor(alg);
    const signed = await httpbis.signMessage(
      {
        key: createSigner(theirsPrivate, alg, 'k1'),
        fields: FIELDS,
        params: ['created', 'keyid', 'alg'],
        paramValues: { created: new Date(NOW * 1000) },
        name: 'sig1',
      },
      asTheirs(request),
    );
    const outcome = await verifyMessage(
      { ...request, headers: signed.headers as Record<string, string> },
      { key: ours, now: NOW },
    );
    expect(outcome.problems).toEqual([]);
    expect(outcome.alg).toBe(alg);
  });

  it('rsa-pss-sha512: their built-in signer uses the maximum salt length, which RFC 9421 §3.3.1 rules out; a 64-byte salt verifies', async () => {
    const { ours, theirsPrivate } = await keysFor('rsa-pss-sha512');
    const theirs = await httpbis.signMessage(
      {
        key: createSigner(theirsPrivate, 'rsa-pss-sha512', 'k1'),
        fields: FIELDS,
        params: ['created', 'keyid', 'alg'],
        paramValues: { created: new Date(NOW * 1000) },
      },
      asTheirs(request),
    );
    const rejected = await verifyMessage(
      { ...request, headers: theirs.headers as Record<string, string> },
      { key: ours, now: NOW },
    );
    expect(rejected.problems.map((p) => p.code)).toEqual(['signature-mismatch']);
    const salt64 = {
      id: 'k1',
      alg: 'rsa-pss-sha512',
      sign: async (data: Buffer) =>
        nodeSign('sha512', data, {
          key: theirsPrivate as never,
          padding: constants.RSA_PKCS1_PSS_PADDING,
          saltLength: 64,
        }),
    };
    const fixed = await httpbis.signMessage(
      {
        key: salt64,
        fields: FIELDS,
        params: ['created', 'keyid', 'alg'],
        paramValues: { created: new Date(NOW * 1000) },
      },
      asTheirs(request),
    );
    expect(
      (await verifyMessage({ ...request, headers: fixed.headers as Record<string, string> }, { key: ours, now: NOW }))
        .ok,
    ).toBe(true);
  });

  it('@query-param values agree', async () => {
    const { ours, theirsPrivate } = await keysFor('ed25519');
    const q = {
      ...request,
      url: 'https://receiver.example.org/p?var=this%20is%20a%20big%0Avalue&bar=with+plus+whitespace',
    };
    const theirs = await httpbis.signMessage(
      {
        key: createSigner(theirsPrivate, 'ed25519', 'k1'),
        fields: ['@query-param;name="var"', '@query-param;name="bar"'],
        params: ['created', 'keyid'],
        paramValues: { created: new Date(NOW * 1000) },
      },
      asTheirs(q),
    );
    const outcome = await verifyMessage(
      { ...q, headers: theirs.headers as Record<string, string> },
      { key: ours, now: NOW },
    );
    expect(outcome.lines?.map((l) => l.value)).toEqual(['this%20is%20a%20big%0Avalue', 'with%20plus%20whitespace']);
    expect(outcome.ok).toBe(true);
  });
});

describe('interop with http-message-signatures (draft-cavage)', () => {
  it('rsa-sha256: each verifies the other', async () => {
    const key = await generateKey('rsa-v1_5-sha256', { kid: 'https://sender.example.org/ocm#signature' });
    const pem = await exportPkcs8Pem(key);
    const spki = await exportSpkiPem(key);
    if (!pem.ok || !spki.ok) throw new Error('export failed');
    const headers = ['(request-target)', 'host', 'date', 'digest', 'content-length'];
    const withDigest: HttpRequestInput = {
      ...request,
      headers: [...headerPairs(request.headers), ['Digest', 'SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=']],
    };
    const ours = await signCavage(withDigest, { key, keyId: 'k', headers });
    if (!ours.ok) throw new Error(ours.error.message);
    const verified = await cavage.verifyMessage(
      {
        keyLookup: async () => ({
          id: 'k',
          algs: ['rsa-v1_5-sha256'],
          verify: createVerifier(createPublicKey(spki.value), 'rsa-v1_5-sha256'),
        }),
      },
      asTheirs(ours.value.message),
    );
    expect(verified).toBe(true);
    // This library names pseudo-headers @request-target when signing, and writes (request-target).
    const theirs = await cavage.signMessage(
      {
        key: createSigner(createPrivateKey(pem.value), 'rsa-v1_5-sha256', 'k'),
        fields: headers.map((h) => h.replace('(request-target)', '@request-target')),
        params: ['keyid', 'alg'],
        paramValues: {},
      },
      asTheirs(withDigest),
    );
    const back = await importPem(spki.value);
    const outcome = await verifyCavage(
      { ...withDigest, headers: theirs.headers as Record<string, string> },
      { key: back.ok ? back.value : key, now: NOW },
    );
    expect(outcome.problems).toEqual([]);
  });

  it.each([
    ['hmac-sha256', 'hmac-sha256', undefined],
    ['ecdsa-p256-sha256', 'ecdsa-sha256', undefined],
    ['ed25519', 'ed25519', 'algorithm="ed25519" is not a draft-cavage name'],
  ] as const)('%s: signed by them (algorithm="%s"), verified by us', async (alg, written, nonStandard) => {
    const { ours, theirsPrivate } = await keysFor(alg);
    const headers = ['@request-target', 'host', 'date'];
    const theirs = await cavage.signMessage(
      { key: createSigner(theirsPrivate, alg, 'k'), fields: headers, params: ['keyid', 'alg'], paramValues: {} },
      asTheirs(request),
    );
    const signatureHeader = Object.entries(theirs.headers).find(([n]) => n.toLowerCase() === 'signature')?.[1];
    expect(String(signatureHeader)).toContain(`algorithm="${written}"`);
    const outcome = await verifyCavage(
      { ...request, headers: theirs.headers as Record<string, string> },
      { key: ours, now: NOW },
    );
    expect(outcome.problems).toEqual([]);
    if (nonStandard) expect(outcome.nonStandard).toContain(nonStandard);
    else expect(outcome.nonStandard).toBeUndefined();
  });

  it.each([
    ['hmac-sha256', 'hmac-sha256'],
    ['ecdsa-p256-sha256', 'ecdsa-sha256'],
  ] as const)('%s: signed by us (algorithm="%s"), verified by them', async (alg, written) => {
    const { ours, theirsPublic } = await keysFor(alg);
    const signed = await signCavage(request, { key: ours, keyId: 'k', algorithm: written });
    if (!signed.ok) throw new Error(signed.error.message);
    const verified = await cavage.verifyMessage(
      { keyLookup: async () => ({ id: 'k', algs: [alg], verify: createVerifier(theirsPublic, alg) }) },
      asTheirs(signed.value.message),
    );
    expect(verified).toBe(true);
  });
});
