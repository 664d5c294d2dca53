import { describe, expect, it } from 'vitest';
import { verifyCavage } from './cavage/verify.ts';
import { diagnose } from './doctor.ts';
import { importKey } from './keys/import.ts';
import { generateKey } from './keys/export.ts';
import type { HttpRequestInput } from './message.ts';
import { signMessage } from './rfc9421/sign.ts';
import { verifyMessage } from './rfc9421/verify.ts';

const base: HttpRequestInput = {
  method: 'POST',
  url: 'https://example.org/ocm/shares',
  headers: [['Content-Length', '2']],
  body: '{}',
};
const GARBAGE = [
  '',
  ' ',
  '(',
  'sig1',
  'sig1=',
  'sig1=()',
  'sig1=("@method"',
  'sig1=("@method");created="x"',
  'sig1=("@method");created=1.5',
  'sig1=:@@@:',
  'sig1=("@method" 1);created=1',
  '\u00e9=()',
  'a=1,a=2',
  'sig1=:QUJD',
  'keyId="x",signature="%%%"',
];

describe('bad input is reported, never thrown', () => {
  it.each(GARBAGE)('Signature-Input / Signature %j', async (text) => {
    const key = await generateKey('ed25519', { kid: 'k' });
    const message = {
      ...base,
      headers: [...(base.headers as Array<[string, string]>), ['Signature-Input', text], ['Signature', text]] as Array<
        [string, string]
      >,
    };
    const outcome = await verifyMessage(message, { key });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems[0]?.message).toBeTruthy();
    const report = await diagnose(message, { key, pastedBase: text });
    expect(report.findings.length).toBeGreaterThan(0);
    const cavage = await verifyCavage(message, { key });
    expect(cavage.ok).toBe(false);
    expect(cavage.problems[0]?.message).toBeTruthy();
  });

  it.each([
    '{',
    '{"kty":"RSA"}',
    '{"kty":"EC","crv":"secp256k1","x":"a","y":"b"}',
    '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
    '-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----',
  ])('key %j', async (text) => {
    const r = await importKey(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message.length).toBeGreaterThan(10);
  });

  it('a bad URL or a non-private key fails signing with a reason', async () => {
    const key = await generateKey('ed25519', { kid: 'k' });
    expect(await signMessage({ ...base, url: 'not a url' }, { key, components: '"@authority"' })).toMatchObject({
      ok: false,
      error: { code: 'bad-message', where: 'url' },
    });
    const pub = await importKey(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: key.jwk.x }));
    expect(pub.ok && (await signMessage(base, { key: pub.value, components: '"@method"' }))).toMatchObject({
      ok: false,
      error: { code: 'bad-key' },
    });
  });

  it('the right signature checked with another key of the same type is a plain mismatch', async () => {
    const signer = await generateKey('ecdsa-p256-sha256', { kid: 'k' });
    const other = await generateKey('ecdsa-p256-sha256', { kid: 'k' });
    const signed = await signMessage(base, { key: signer, components: '"@method" "@target-uri"' });
    const outcome = await verifyMessage(signed.ok ? signed.value.message : base, { key: other });
    expect(outcome.problems.map((p) => p.code)).toEqual(['signature-mismatch']);
    const rsa = await generateKey('rsa-v1_5-sha256', { kid: 'k' });
    const wrongType = await verifyMessage(signed.ok ? signed.value.message : base, { key: rsa });
    expect(wrongType.problems.map((p) => p.code)).toEqual(['signature-mismatch']);
  });
});
