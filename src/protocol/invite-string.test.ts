import { describe, expect, it } from 'vitest';
import { decodeInviteString, encodeInviteString } from './invite-string.ts';
import { acceptDialogLink, parseInviteLink, wayfLink } from './links.ts';

const SPEC_TOKEN = 'a55a966e-15c1-4cb9-a39d-4e4c54399baf';
const SPEC_STRING = 'YTU1YTk2NmUtMTVjMS00Y2I5LWEzOWQtNGU0YzU0Mzk5YmFmQGNsb3VkLmV4YW1wbGUub3Jn';

describe('invite strings', () => {
  it('encodes the spec example exactly (base64url, no padding)', () => {
    expect(encodeInviteString(SPEC_TOKEN, 'cloud.example.org')).toBe(SPEC_STRING);
  });
  it('decodes the spec example', () => {
    expect(decodeInviteString(SPEC_STRING)).toEqual({
      ok: true,
      token: SPEC_TOKEN,
      providerDomain: 'cloud.example.org',
      encoding: 'base64url',
      notes: [],
    });
  });
  it('round-trips non-ASCII and characters that differ between base64 and base64url', () => {
    const token = 'tök?>>~';
    const s = encodeInviteString(token, 'cloud.example.org');
    expect(s).not.toMatch(/[+/=]/);
    expect(decodeInviteString(s)).toMatchObject({ ok: true, token, providerDomain: 'cloud.example.org' });
  });
  it('accepts standard base64 with a scheme (ownCloud Web quick tokens), noting both', () => {
    const s = btoa('tok?>>@https://ocis.example.org');
    expect(s).toMatch(/[+/]/);
    const r = decodeInviteString(s);
    expect(r).toMatchObject({ ok: true, token: 'tok?>>', providerDomain: 'ocis.example.org', encoding: 'base64' });
    if (r.ok) expect(r.notes).toHaveLength(2);
  });
  it('accepts a raw token@fqdn (as OpenCloud once displayed it)', () => {
    expect(decodeInviteString(`${SPEC_TOKEN}@cloud.example.org`)).toMatchObject({
      ok: true,
      token: SPEC_TOKEN,
      encoding: 'raw',
    });
  });
  it('rejects what is none of these', () => {
    expect(decodeInviteString('')).toMatchObject({ ok: false });
    expect(decodeInviteString('not an invite')).toMatchObject({ ok: false });
  });
});

describe('invite links', () => {
  it('builds a WAYF link and the accept-dialog redirect', () => {
    expect(wayfLink('https://sender.example.org', 'zi5kooKu3ivohr9a')).toBe(
      'https://sender.example.org/wayf?token=zi5kooKu3ivohr9a',
    );
    expect(
      acceptDialogLink(
        'receiver.example.org',
        '/index.php/apps/sciencemesh/accept',
        'zi5kooKu3ivohr9a',
        'cloud.example.org',
      ),
    ).toBe(
      'https://receiver.example.org/index.php/apps/sciencemesh/accept?token=zi5kooKu3ivohr9a&providerDomain=cloud.example.org',
    );
  });
  it('takes an absolute inviteAcceptDialog as published by some servers', () => {
    expect(acceptDialogLink('https://r.example.org', 'https://accounts.example.org/accept', 't', 'c.example.org')).toBe(
      'https://accounts.example.org/accept?token=t&providerDomain=c.example.org',
    );
  });
  it('reads links back', () => {
    expect(parseInviteLink('https://r.example.org/accept?token=t&providerDomain=c.example.org')).toEqual({
      token: 't',
      providerDomain: 'c.example.org',
      origin: 'https://r.example.org',
    });
    expect(parseInviteLink('https://r.example.org/accept')).toBeNull();
    expect(parseInviteLink('not a url')).toBeNull();
  });
});
