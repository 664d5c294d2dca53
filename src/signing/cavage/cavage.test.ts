import { describe, expect, it } from 'vitest';
import { importPem } from '../keys/import.ts';
import { generateKey } from '../keys/export.ts';
import type { KeyMaterial } from '../keys/material.ts';
import { withHeaders, type HttpRequestInput } from '../message.ts';
import {
  C1_DEFAULT,
  C2_BASIC,
  C3_ALL_HEADERS,
  CAVAGE_PRIVATE_KEY,
  CAVAGE_PUBLIC_KEY,
  CAVAGE_REQUEST,
} from '../__fixtures__/cavage.ts';
import { NEXTCLOUD_CAVAGE_PROFILE, OCM_STUB_CAVAGE_PROFILE } from '../../protocol/signature-profile.ts';
import { signCavage, signCavageWithProfile } from './sign.ts';
import { verifyCavage } from './verify.ts';
import { signingString } from './signing-string.ts';

async function pem(text: string): Promise<KeyMaterial> {
  const r = await importPem(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const signed = (header: string): HttpRequestInput => withHeaders(CAVAGE_REQUEST, [['Signature', header]]);
const NOW = Date.parse('Sun, 05 Jan 2014 21:31:40 GMT') / 1000;

describe('draft-cavage-12 Appendix C', () => {
  it.each([
    ['C.2 Basic Test', C2_BASIC],
    ['C.3 All Headers Test', C3_ALL_HEADERS],
  ])('%s: builds the signing string and reproduces the signature exactly', async (_name, vector) => {
    const result = await signCavage(CAVAGE_REQUEST, {
      key: await pem(CAVAGE_PRIVATE_KEY),
      keyId: 'Test',
      algorithm: 'rsa-sha256',
      headers: vector.headers,
    });
    expect(result.ok && result.value.signingString).toBe(vector.signingString);
    expect(result.ok && result.value.value).toBe(vector.header);
  });

  it.each([
    ['C.1 Default Test', C1_DEFAULT.header],
    ['C.2 Basic Test', C2_BASIC.header],
    ['C.3 All Headers Test', C3_ALL_HEADERS.header],
  ])('%s: the published signature verifies with the public key', async (_name, header) => {
    const outcome = await verifyCavage(signed(header), { key: await pem(CAVAGE_PUBLIC_KEY), now: NOW });
    expect(outcome.problems).toEqual([]);
    expect(outcome.ok).toBe(true);
    expect(outcome.nonStandard).toBeUndefined();
  });

  it('C.1 without a headers list signs the date only', async () => {
    const outcome = await verifyCavage(signed(C1_DEFAULT.header), { key: await pem(CAVAGE_PUBLIC_KEY), now: NOW });
    expect(outcome.signingString).toBe(C1_DEFAULT.signingString);
  });

  it('also reads the signature from Authorization: Signature', async () => {
    const request = withHeaders(CAVAGE_REQUEST, [['Authorization', `Signature ${C2_BASIC.header}`]]);
    expect((await verifyCavage(request, { key: await pem(CAVAGE_PUBLIC_KEY), now: NOW })).ok).toBe(true);
  });

  it('a changed Digest fails with the computed and received values', async () => {
    const tampered = { ...signed(C3_ALL_HEADERS.header), body: '{"hello": "World"}' };
    const outcome = await verifyCavage(tampered, { key: await pem(CAVAGE_PUBLIC_KEY), now: NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems[0]?.code).toBe('digest-mismatch');
    expect(outcome.problems[0]?.message).toContain('received X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=');
  });
});

describe('non-standard cavage variants are recognised and named', () => {
  it('algorithm="sha256" verifies and is flagged', async () => {
    const outcome = await verifyCavage(signed(C2_BASIC.header.replace('rsa-sha256', 'sha256')), {
      key: await pem(CAVAGE_PUBLIC_KEY),
      now: NOW,
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.nonStandard).toContain('algorithm="sha256"');
  });

  it('an upper-case method in (request-target) verifies and is flagged', async () => {
    const key = await pem(CAVAGE_PRIVATE_KEY);
    const text = signingString(CAVAGE_REQUEST, C2_BASIC.headers, {}, { upperMethod: true });
    expect(text.ok && text.value.startsWith('(request-target): POST /foo')).toBe(true);
    const { signBytes } = await import('../crypto.ts');
    const { utf8, toBase64 } = await import('../bytes.ts');
    const sig = await signBytes(key, 'rsa-v1_5-sha256', utf8(text.ok ? text.value : ''));
    const header = `keyId="Test",algorithm="rsa-sha256",headers="(request-target) host date",signature="${sig.ok ? toBase64(sig.value) : ''}"`;
    const outcome = await verifyCavage(signed(header), { key: await pem(CAVAGE_PUBLIC_KEY), now: NOW });
    expect(outcome.ok).toBe(true);
    expect(outcome.nonStandard).toContain('upper-case method');
  });

  it('a signing string that starts with (request-target) not listed in headers verifies and is flagged', async () => {
    const key = await pem(CAVAGE_PRIVATE_KEY);
    const { signBytes } = await import('../crypto.ts');
    const { utf8, toBase64 } = await import('../bytes.ts');
    const sig = await signBytes(key, 'rsa-v1_5-sha256', utf8(C2_BASIC.signingString));
    const header = `keyId="Test",algorithm="rsa-sha256",headers="host date",signature="${sig.ok ? toBase64(sig.value) : ''}"`;
    const outcome = await verifyCavage(signed(header), { key: await pem(CAVAGE_PUBLIC_KEY), now: NOW });
    expect(outcome.ok).toBe(true);
    expect(outcome.nonStandard).toContain('Nextcloud');
    expect(outcome.signingString).toBe(C2_BASIC.signingString);
  });

  it('a truncated signature is a clear error, not a crash', async () => {
    const outcome = await verifyCavage(signed(C2_BASIC.header.replace(/signature="(.{20}).*"/, 'signature="$1x"')), {
      key: await pem(CAVAGE_PUBLIC_KEY),
      now: NOW,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toEqual(['bad-base64']);
  });

  it('garbage in the Signature header names where it stops making sense', async () => {
    const outcome = await verifyCavage(signed('keyId="Test",algorithm=rsa-sha256,signature="abc"'), {
      key: await pem(CAVAGE_PUBLIC_KEY),
    });
    expect(outcome.problems[0]?.code).toBe('bad-signature-header');
    expect(outcome.problems[0]?.where).toMatch(/character \d+/);
  });
});

describe("Nextcloud's cavage profile", () => {
  it('adds Date, Digest, Host and Content-Length, signs the five headers and verifies', async () => {
    const key = await generateKey('rsa-v1_5-sha256');
    const request: HttpRequestInput = {
      method: 'POST',
      url: 'https://receiver.example.org/ocm/shares',
      headers: { 'Content-Type': 'application/json' },
      body: '{"shareWith":"alice@receiver.example.org"}',
    };
    const result = await signCavageWithProfile(request, NEXTCLOUD_CAVAGE_PROFILE, {
      key,
      keyId: 'https://sender.example.org/ocm#signature',
      now: 1785060500,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.headers.map(([n]) => n)).toEqual(['Content-Length', 'Date', 'Digest', 'Host', 'Signature']);
    expect(result.value.value).toMatch(
      /^keyId="https:\/\/sender.example.org\/ocm#signature",algorithm="rsa-sha256",headers="\(request-target\) content-length date digest host",signature="/,
    );
    expect(result.value.signingString.split('\n')[0]).toBe('(request-target): post /ocm/shares');
    const outcome = await verifyCavage(result.value.message, {
      key,
      profile: NEXTCLOUD_CAVAGE_PROFILE,
      now: 1785060500 + 10,
    });
    expect(outcome.ok).toBe(true);
    const late = await verifyCavage(result.value.message, {
      key,
      profile: NEXTCLOUD_CAVAGE_PROFILE,
      now: 1785060500 + 400,
    });
    expect(late.problems.map((p) => p.code)).toEqual(['date-too-old']);
  });
});

describe("the OCM-stub's draft-cavage variant", () => {
  const body = '{"shareWith":"einstein@localhost"}';
  const request: HttpRequestInput = {
    method: 'POST',
    url: 'https://localhost/ocm/shares',
    headers: [['Content-Type', 'application/json']],
    body: new TextEncoder().encode(body),
  };
  const now = Math.floor(Date.now() / 1000);

  it('signs the header values without names, with the bare host as keyId', async () => {
    const key = await pem(CAVAGE_PRIVATE_KEY);
    const result = await signCavageWithProfile(request, OCM_STUB_CAVAGE_PROFILE, { key, keyId: 'localhost:8443', now });
    if (!result.ok) throw new Error(result.error.message);
    const lines = result.value.signingString.split('\n');
    expect(lines[0]).toBe('post /ocm/shares');
    expect(lines[1]).toBe(String(body.length));
    expect(lines[2]).toBe('localhost');
    expect(lines[3]).toBe(new Date(now * 1000).toUTCString());
    expect(lines[4]).toMatch(/^SHA-256=[A-Za-z0-9+/]+=*$/);
    // The stub's parser: keyId, algorithm, headers, signature, in that order, no spaces.
    expect(result.value.value).toMatch(
      /^keyId="localhost:8443",algorithm="rsa-sha256",headers="[^"]*",signature="[^"]+"$/,
    );
  });

  it('verifies what the stub sends and names each departure from draft-cavage-12', async () => {
    const key = await pem(CAVAGE_PRIVATE_KEY);
    const made = await signCavageWithProfile(request, OCM_STUB_CAVAGE_PROFILE, { key, keyId: 'localhost', now });
    if (!made.ok) throw new Error(made.error.message);
    // Rewrite the header as the stub writes it: `headers="request-target,content-length,host,date,digest"`.
    const signature = /signature="([^"]+)"/.exec(made.value.value)![1]!;
    const stubHeader = `keyId="localhost",algorithm="rsa-sha256",headers="request-target,content-length,host,date,digest",signature="${signature}"`;
    const message = withHeaders(
      request,
      made.value.headers.filter(([n]) => n !== 'Signature').concat([['Signature', stubHeader]]),
    );
    const outcome = await verifyCavage(message, { key: await pem(CAVAGE_PUBLIC_KEY), now });
    expect(outcome.ok).toBe(true);
    expect(outcome.headers).toEqual(['(request-target)', 'content-length', 'host', 'date', 'digest']);
    expect(outcome.nonStandard).toMatch(/separated by commas/);
    expect(outcome.nonStandard).toMatch(/without parentheses/);
    expect(outcome.nonStandard).toMatch(/values alone.*OCM-stub/);
    expect(outcome.signingString!.startsWith('post /ocm/shares\n')).toBe(true);
  });
});
