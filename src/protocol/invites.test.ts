import { describe, expect, it } from 'vitest';
import { textToBase64, textToBase64Url } from './encoding.ts';
import { encodeInviteString } from './invite-string.ts';
import {
  answerInviteAccepted,
  explainInviteAnswer,
  inviteExpiry,
  inviteState,
  readInvite,
  type SentInvite,
} from './invites.ts';
import { acceptDialogLink, wayfLink } from './links.ts';

const NOW = new Date('2026-01-10T12:00:00Z');
const invite = (over: Partial<SentInvite> = {}): SentInvite => ({
  token: 'tok-1',
  user: 'alice',
  createdAt: '2026-01-10T11:00:00Z',
  expiresAt: '2026-01-11T11:00:00Z',
  ...over,
});
const body = {
  recipientProvider: 'receiver.example.org',
  token: 'tok-1',
  userID: 'u-51',
  email: 'richard@example.org',
  name: 'Richard Feynman',
};
const sender = () => ({ userID: 'alice', email: 'alice@console.example', name: 'Alice' });

describe('invite tokens', () => {
  it('is open until it expires, accepted once accepted (even past expiry)', () => {
    expect(inviteState(invite(), NOW)).toBe('open');
    expect(inviteState(invite({ expiresAt: '2026-01-10T12:00:00Z' }), NOW)).toBe('expired');
    const accepted = { at: '', userID: 'x', email: '', name: '', recipientProvider: 'r' };
    expect(inviteState(invite({ expiresAt: '2026-01-01T00:00:00Z', accepted }), NOW)).toBe('accepted');
  });
  it('expires after 7 days by default, clamped between a minute and a year', () => {
    expect(inviteExpiry(NOW)).toBe('2026-01-17T12:00:00.000Z');
    expect(inviteExpiry(NOW, 1)).toBe('2026-01-10T12:01:00.000Z');
    expect(inviteExpiry(NOW, 10 * 365 * 24 * 3600)).toBe('2027-01-10T12:00:00.000Z');
  });
});

describe('answering POST /invite-accepted as the invite sender', () => {
  const find = (t: string) => (t === 'tok-1' ? invite() : undefined);
  it('answers 200 with the sender identity and records who accepted', () => {
    const a = answerInviteAccepted(body, find, sender, NOW);
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ userID: 'alice', email: 'alice@console.example', name: 'Alice' });
    expect(a.accepted).toMatchObject({ userID: 'u-51', recipientProvider: 'receiver.example.org' });
  });
  it('takes userId (the Nextcloud spelling) for userID', () => {
    const { userID: _u, ...rest } = body;
    expect(answerInviteAccepted({ ...rest, userId: 'nc' }, find, sender, NOW).accepted?.userID).toBe('nc');
  });
  it('answers 400 with validationErrors when required fields are missing', () => {
    const a = answerInviteAccepted({ token: 'tok-1' }, find, sender, NOW);
    expect(a.status).toBe(400);
    expect(a.body).toMatchObject({
      validationErrors: expect.arrayContaining([{ name: 'userID', message: 'REQUIRED' }]),
    });
    expect(answerInviteAccepted([], find, sender, NOW).status).toBe(400);
  });
  it('answers 400 for an unknown or expired token and 409 for an accepted one', () => {
    expect(answerInviteAccepted({ ...body, token: 'nope' }, find, sender, NOW)).toMatchObject({
      status: 400,
      body: { message: 'TOKEN_INVALID_OR_UNKNOWN' },
    });
    const expired = () => invite({ expiresAt: '2026-01-01T00:00:00Z' });
    expect(answerInviteAccepted(body, expired, sender, NOW)).toMatchObject({
      status: 400,
      body: { message: 'TOKEN_EXPIRED' },
    });
    const accepted = () => invite({ accepted: { at: '', userID: 'x', email: '', name: '', recipientProvider: 'r' } });
    expect(answerInviteAccepted(body, accepted, sender, NOW).status).toBe(409);
  });
});

describe('reading a pasted invite', () => {
  it('reads the canonical string with no notes', () => {
    expect(readInvite(encodeInviteString('tok@with@ats', 'cloud.example.org'))).toEqual({
      ok: true,
      token: 'tok@with@ats',
      providerDomain: 'cloud.example.org',
      form: 'invite-string',
      notes: [],
    });
  });
  it('names padding, standard base64 and a URL in place of the FQDN', () => {
    const padded = textToBase64('ab@cloud.example.org');
    expect(padded).toMatch(/=$/);
    const r = readInvite(padded);
    expect(r.ok && r.notes.join(' ')).toMatch(/padding/);
    const url = readInvite(textToBase64Url('tok@https://cloud.example.org/index.php'));
    expect(url).toMatchObject({ ok: true, providerDomain: 'cloud.example.org' });
    expect(url.ok && url.notes.join(' ')).toMatch(/scheme.*URL, not an FQDN/);
  });
  it('keeps IDN hosts as given', () => {
    expect(readInvite(encodeInviteString('t', 'bücher.example'))).toMatchObject({
      ok: true,
      providerDomain: 'bücher.example',
    });
  });
  it('names a wrong separator and a string that is not base64url', () => {
    const colon = readInvite(textToBase64Url('tok:cloud.example.org'));
    expect(colon).toMatchObject({ ok: false, problems: [expect.stringMatching(/":" instead of "@"/)] });
    const garbage = readInvite('not*base64!');
    expect(garbage.ok).toBe(false);
    expect(!garbage.ok && garbage.problems[0]).toMatch(/not base64url: "\*" at position 4/);
  });
  it('reads WAYF and accept-dialog links', () => {
    expect(readInvite(wayfLink('https://console.example:8443', 'tk'))).toMatchObject({
      ok: true,
      token: 'tk',
      providerDomain: 'console.example:8443',
      form: 'wayf-link',
    });
    expect(readInvite(acceptDialogLink('https://r.example', '/accept', 'tk', 'sender.example'))).toMatchObject({
      providerDomain: 'sender.example',
      form: 'accept-link',
    });
    expect(readInvite('https://x.example/wayf')).toMatchObject({ ok: false });
  });
});

describe('the WAYF redirect', () => {
  it('resolves a path dialog against the receiver origin and keeps an absolute one', () => {
    expect(acceptDialogLink('https://r.example', '/apps/ocm/accept', 'a b', 'me.example:8443')).toBe(
      'https://r.example/apps/ocm/accept?token=a+b&providerDomain=me.example%3A8443',
    );
    expect(acceptDialogLink('r.example', 'https://other.example/accept?x=1', 't', 'me')).toBe(
      'https://other.example/accept?x=1&token=t&providerDomain=me',
    );
  });
});

describe('explaining the answer', () => {
  it('names the sender on 200 and each defined error', () => {
    expect(explainInviteAnswer(200, { userID: 'u', email: 'e', name: 'N' }).detail).toMatch(/name "N"/);
    expect(explainInviteAnswer(200, {}).tone).toBe('error');
    expect(explainInviteAnswer(400, {}).title).toMatch(/400/);
    expect(explainInviteAnswer(403, {}).title).toMatch(/not trusted/);
    expect(explainInviteAnswer(409, {}).title).toMatch(/already accepted/);
  });
});
