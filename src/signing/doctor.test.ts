import { describe, expect, it } from 'vitest';
import { OCM_RFC9421_PROFILE } from '../protocol/signature-profile.ts';
import { diagnose, diffLines } from './doctor.ts';
import { generateKey } from './keys/export.ts';
import type { HttpRequestInput } from './message.ts';
import { signWithProfile } from './rfc9421/sign.ts';

const NOW = 1785060500;
const share: HttpRequestInput = {
  method: 'POST',
  url: 'https://receiver.example.org/ocm/shares',
  headers: [['Content-Type', 'application/json']],
  body: '{"a":1}',
};

async function signed(url = share.url) {
  const key = await generateKey('ed25519', { kid: 'k1' });
  const result = await signWithProfile({ ...share, url }, OCM_RFC9421_PROFILE, { key, now: NOW });
  if (!result.ok) throw new Error(result.error.message);
  return { key, result: result.value };
}

describe('signature doctor', () => {
  it('a verified message has no error findings', async () => {
    const { key, result } = await signed();
    const report = await diagnose(result.message, { key, profile: OCM_RFC9421_PROFILE, now: NOW });
    expect(report.ok).toBe(true);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each([
    ['a trailing slash', 'https://receiver.example.org/ocm/shares/', 'trailing slash'],
    ['a subfolder', 'https://receiver.example.org/index.php/ocm/shares', 'prefix'],
    ['http behind a TLS proxy', 'http://receiver.example.org/ocm/shares', 'scheme'],
  ])('finds the URL the signer signed when the receiver sees %s', async (_name, receivedUrl, words) => {
    const { key, result } = await signed();
    const received = { ...result.message, url: receivedUrl };
    const report = await diagnose(received, { key, profile: OCM_RFC9421_PROFILE, now: NOW });
    expect(report.ok).toBe(false);
    expect(report.signerUrl).toBe(share.url);
    expect(report.findings[0]?.code).toBe('url-differs');
    const pasted = result.signatureBase;
    const withPaste = await diagnose(received, { key, now: NOW, pastedBase: pasted });
    expect(withPaste.findings.find((f) => f.code === 'base-line-differs')?.message).toContain(words);
  });

  it('explains an @authority that differs in port or case against a pasted base', async () => {
    const { key, result } = await signed();
    const base = result.signatureBase.replace('https://receiver.example.org/', 'https://receiver.example.org:8443/');
    const report = await diagnose(result.message, {
      key,
      now: NOW,
      pastedBase: base.replace('"@target-uri"', '"@target-uri"'),
    });
    expect(report.findings.some((f) => f.code === 'base-line-differs')).toBe(true);
    expect(report.diff?.filter((l) => l.kind !== 'same').map((l) => l.kind)).toEqual(['theirs', 'ours']);
  });

  it('gives a fix for every error finding of a stale request checked by label against another tag', async () => {
    const { key, result } = await signed();
    const report = await diagnose(result.message, {
      key,
      label: result.label,
      profile: { ...OCM_RFC9421_PROFILE, tag: 'other' },
      now: NOW + 1000,
    });
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.code)).toEqual(['tag-missing', 'created-too-old']);
    expect(errors.every((f) => f.fix)).toBe(true);
    expect(errors[1]?.message).toContain('16 min 40 s before the verification time; the window is 300 s');
  });
});

describe('signature doctor, unsigned for the profile', () => {
  it('says that a request without the profile tag is unsigned for it, and what to do', async () => {
    const { key, result } = await signed();
    const report = await diagnose(result.message, {
      key,
      profile: { ...OCM_RFC9421_PROFILE, tag: 'other' },
      now: NOW,
    });
    expect(report.findings.map((f) => f.code)).toEqual(['not-tagged']);
    expect(report.findings[0]?.fix).toContain('must-use-http-sig');
  });
});

describe('signature doctor, keys', () => {
  it('points out a signature whose size does not fit the key it was checked with', async () => {
    const { result } = await signed();
    const rsa = await generateKey('rsa-v1_5-sha256', { kid: 'k1' });
    const report = await diagnose(result.message, { key: rsa, now: NOW });
    expect(report.findings.map((f) => f.code)).toEqual(['signature-mismatch', 'signature-length']);
    expect(report.findings[1]?.message).toContain('64 bytes, typical of ed25519 or ecdsa-p256-sha256');
  });
});

describe('line diff', () => {
  it('marks lines only in ours and only in theirs', () => {
    expect(diffLines('a\nb\nc', 'a\nx\nc\n')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'theirs', text: 'x' },
      { kind: 'ours', text: 'b' },
      { kind: 'same', text: 'c' },
    ]);
  });
});
