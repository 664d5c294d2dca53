import { describe, expect, it } from 'vitest';
import { OCM_RFC9421_PROFILE } from '../../protocol/signature-profile.ts';
import { generateKey, toJwks } from '../keys/export.ts';
import { parseJwks } from '../keys/jwks.ts';
import { importSecret } from '../keys/import.ts';
import type { HttpRequestInput } from '../message.ts';
import { signMessage, signWithProfile } from './sign.ts';
import { verifyMessage } from './verify.ts';

const share: HttpRequestInput = {
  method: 'POST',
  url: 'https://receiver.example.org/ocm/shares',
  headers: [['Content-Type', 'application/json']],
  body: '{"shareWith":"alice@receiver.example.org","name":"spec.yaml"}',
};
const NOW = 1785060500;

async function signedShare() {
  const key = await generateKey('ed25519', { kid: 'sender.example.org#key1' });
  const signed = await signWithProfile(share, OCM_RFC9421_PROFILE, { key, now: NOW });
  if (!signed.ok) throw new Error(signed.error.message);
  const jwks = parseJwks(toJwks([key]));
  if (!jwks.ok) throw new Error(jwks.error.message);
  return { key, signed: signed.value, jwks: jwks.value };
}

describe('the OCM profile (draft -07 §5.1)', () => {
  it('adds Content-Digest and Content-Length, covers the four components with created, keyid and tag="ocm"', async () => {
    const { signed } = await signedShare();
    expect(signed.headers.map(([n]) => n)).toEqual([
      'Content-Digest',
      'Content-Length',
      'Signature-Input',
      'Signature',
    ]);
    expect(signed.signatureInput).toBe(
      'sig1=("@method" "@target-uri" "content-digest" "content-length");created=1785060500;keyid="sender.example.org#key1";tag="ocm"',
    );
    expect(signed.signatureBase.split('\n').slice(0, 2)).toEqual([
      '"@method": POST',
      '"@target-uri": https://receiver.example.org/ocm/shares',
    ]);
    expect(signed.signatureBase).toContain('"content-length": 61');
  });

  it('verifies with the JWK Set, choosing the signature by its tag', async () => {
    const { signed, jwks } = await signedShare();
    const outcome = await verifyMessage(signed.message, { jwks, profile: OCM_RFC9421_PROFILE, now: NOW + 5 });
    expect(outcome.problems).toEqual([]);
    expect(outcome).toMatchObject({ ok: true, label: 'sig1', keyid: 'sender.example.org#key1', alg: 'ed25519' });
  });

  it.each([
    ['a changed body', (m: HttpRequestInput) => ({ ...m, body: `${m.body} ` }), ['digest-mismatch']],
    ['a stale created', (m: HttpRequestInput) => m, ['created-too-old'], NOW + 301],
    ['a created in the future', (m: HttpRequestInput) => m, ['created-in-future'], NOW - 120],
    [
      'another host',
      (m: HttpRequestInput) => ({ ...m, url: 'https://receiver.example.org:8443/ocm/shares' }),
      ['signature-mismatch'],
    ],
  ])('reports %s', async (_name, change, codes, now = NOW) => {
    const { signed, jwks } = await signedShare();
    const outcome = await verifyMessage(change(signed.message), { jwks, profile: OCM_RFC9421_PROFILE, now });
    expect(outcome.problems.map((p) => p.code)).toEqual(codes);
  });

  it('reports a keyid that is not a kid in the JWKS, pointing at the near miss', async () => {
    const { signed, key } = await signedShare();
    const other = { ...key, kid: 'https://sender.example.org#key1' };
    const jwks = parseJwks(toJwks([other]));
    const outcome = await verifyMessage(signed.message, {
      jwks: jwks.ok ? jwks.value : { keys: [], skipped: [] },
      profile: OCM_RFC9421_PROFILE,
      now: NOW,
    });
    expect(outcome.problems[0]?.code).toBe('keyid-not-found');
    expect(outcome.problems[0]?.message).toContain('close match: "https://sender.example.org#key1"');
  });

  it('checked by its label, a signature reports a missing tag, missing components and a missing created', async () => {
    const key = await generateKey('ecdsa-p256-sha256', { kid: 'k1' });
    const signed = await signMessage(share, { key, components: '"@method" "@target-uri"', created: null });
    if (!signed.ok) throw new Error(signed.error.message);
    const outcome = await verifyMessage(signed.value.message, {
      key,
      label: 'sig1',
      profile: OCM_RFC9421_PROFILE,
      now: NOW,
    });
    expect(outcome.problems.map((p) => p.code)).toEqual([
      'tag-missing',
      'profile-component-missing',
      'profile-component-missing',
      'param-missing',
    ]);
  });

  it('reports an alg parameter that disagrees with the key', async () => {
    const key = await generateKey('ed25519', { kid: 'k1' });
    const signed = await signMessage(share, {
      key,
      components: '"@method"',
      alg: 'ed25519',
      includeAlg: true,
      now: NOW,
    });
    if (!signed.ok) throw new Error(signed.error.message);
    const headers = (signed.value.message.headers as Array<[string, string]>).map(([n, v]): [string, string] => [
      n,
      v.replace('alg="ed25519"', 'alg="ecdsa-p256-sha256"'),
    ]);
    const outcome = await verifyMessage({ ...share, headers }, { key, now: NOW });
    expect(outcome.problems.map((p) => p.code)).toEqual(['alg-mismatch']);
  });

  it('refuses to sign with HMAC, which OCM forbids', async () => {
    const signed = await signWithProfile(share, OCM_RFC9421_PROFILE, {
      key: importSecret(new Uint8Array(32), 'k'),
      now: NOW,
    });
    expect(signed).toMatchObject({ ok: false, error: { code: 'alg-mismatch' } });
  });

  it('garbage Signature-Input and a truncated Signature are errors that say where', async () => {
    const bad = await verifyMessage({
      ...share,
      headers: [
        ['Signature-Input', 'sig1=("@method";created=1'],
        ['Signature', 'sig1=:abc:'],
      ],
    });
    expect(bad.problems[0]).toMatchObject({ code: 'bad-signature-input', where: 'Signature-Input' });
    const { signed, jwks } = await signedShare();
    const cut = (signed.message.headers as Array<[string, string]>).map(([n, v]): [string, string] => [
      n,
      n === 'Signature' ? v.slice(0, 30) : v,
    ]);
    const outcome = await verifyMessage({ ...signed.message, headers: cut }, { jwks, now: NOW });
    expect(outcome.problems[0]).toMatchObject({ code: 'bad-signature-header', where: 'Signature' });
  });
});
