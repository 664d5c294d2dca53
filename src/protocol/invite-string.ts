import { base64ToText, textToBase64Url } from './encoding.ts';

/** The canonical invite string: base64url(token "@" providerFQDN), no padding. */
export function encodeInviteString(token: string, providerDomain: string): string {
  return textToBase64Url(`${token}@${providerDomain}`);
}

export type InviteEncoding = 'base64url' | 'base64' | 'raw';

export type InviteDecodeResult =
  | { ok: true; token: string; providerDomain: string; encoding: InviteEncoding; notes: string[] }
  | { ok: false; error: string };

const PRINTABLE = /^[\x21-\x7e\u00a0-\uffff]+$/;

function split(text: string, encoding: InviteEncoding): InviteDecodeResult | null {
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1 || !PRINTABLE.test(text)) return null;
  const notes: string[] = [];
  let domain = text.slice(at + 1);
  const scheme = /^https?:\/\//i.exec(domain);
  if (scheme) {
    notes.push('the provider part carries a URL scheme (ownCloud Web quick tokens do this); it was removed');
    domain = domain.slice(scheme[0].length);
  }
  domain = domain.replace(/\/+$/, '');
  if (encoding !== 'base64url')
    notes.push(
      encoding === 'base64'
        ? 'standard base64 (the spec says base64url since PR #383)'
        : 'not encoded at all (the spec says base64url)',
    );
  return { ok: true, token: text.slice(0, at), providerDomain: domain, encoding, notes };
}

/** Decodes an invite string: base64url first (canonical), then standard base64, then raw token@fqdn. */
export function decodeInviteString(input: string): InviteDecodeResult {
  const text = input.trim();
  if (!text) return { ok: false, error: 'the invite string is empty' };
  for (const alphabet of ['base64url', 'base64'] as const) {
    const decoded = base64ToText(text, alphabet);
    const result = decoded === null ? null : split(decoded, alphabet);
    if (result) return result;
  }
  return (
    split(text, 'raw') ?? { ok: false, error: 'neither base64url, base64 nor plain text of the form token@provider' }
  );
}
