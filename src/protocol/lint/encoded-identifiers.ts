import { parseOcmAddress } from '../address.ts';
import { base64ToText } from '../encoding.ts';
import type { CheckContext } from './context.ts';
import { checkHttpUrl, isRecord, quote } from './util.ts';

/** Shorter than base64 of the shortest "a@b.c": not worth decoding. */
const MIN_LENGTH = 8;
const PRINTABLE = /^[\x20-\x7e\u00a0-\uffff]+$/;

/**
 * What an identifier decodes to when it is base64 (or base64url) of an OCM address or a URL; null for
 * ordinary ids and for strings that merely decode to bytes (binary, control characters, no address).
 */
export function decodedIdentifier(value: string): { text: string; is: 'an OCM address' | 'a URL' } | null {
  if (value.length < MIN_LENGTH) return null;
  const text = base64ToText(value, 'base64') ?? base64ToText(value, 'base64url');
  if (text === null || !PRINTABLE.test(text) || /\s/.test(text)) return null;
  if (/^https?:\/\//i.test(text)) return checkHttpUrl(text).ok ? { text, is: 'a URL' } : null;
  const address = parseOcmAddress(text);
  // A host with a dot, a port or brackets: one label after an "@" is too easily chance.
  if (address.ok && (/[.:[]/.test(address.address.host) || address.address.port !== undefined))
    return { text, is: 'an OCM address' };
  return null;
}

const OPAQUE = ['providerId', 'resourceId'] as const;
const ADDRESSES = ['owner', 'sender', 'shareWith'] as const;

/**
 * Some servers put base64 of "user@host" or of a URL where a share carries an identifier. The note says
 * what it decodes to; the spec treats these values as opaque, so a receiver keeps them as sent.
 */
export function checkEncodedIdentifiers(ctx: CheckContext): void {
  const { doc } = ctx;
  const note = (path: string, field: string, value: string, part: string) => {
    const decoded = decodedIdentifier(value);
    if (!decoded) return;
    ctx.report(
      'share.identifier-encoded',
      path,
      `${part} ${quote(value)} is base64 of ${decoded.is}, ${quote(decoded.text)}. Some servers encode ${field} this way; the spec treats it as opaque, so a receiver keeps it exactly as sent and does not decode it or rely on what it says.`,
    );
  };
  for (const field of OPAQUE) if (typeof doc[field] === 'string') note(`/${field}`, field, doc[field], `"${field}"`);
  if (isRecord(doc.encryption) && typeof doc.encryption.resourceId === 'string')
    note('/encryption/resourceId', 'resourceId', doc.encryption.resourceId, '"encryption.resourceId"');
  for (const field of ADDRESSES) {
    const value = doc[field];
    if (typeof value !== 'string') continue;
    const at = value.lastIndexOf('@');
    if (at > 0) note(`/${field}`, `the identifier in ${field}`, value.slice(0, at), `The identifier of "${field}",`);
    else note(`/${field}`, field, value, `"${field}"`);
  }
}
