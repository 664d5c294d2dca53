import { atLeast } from '../versions.ts';
import { SHARE_TYPES, includes } from '../vocabulary.ts';
import { checkAddressFields } from './addresses.ts';
import type { CheckContext } from './context.ts';
import { checkEncodedIdentifiers } from './encoded-identifiers.ts';
import { checkShareProtocol } from './share-protocol.ts';
import { isRecord, quote } from './util.ts';

/** Unix seconds around the year 5138: anything larger is surely milliseconds. */
const MAX_SECONDS = 1e11;

export function checkShare(ctx: CheckContext): void {
  const { doc } = ctx;
  checkAddressFields(ctx, ['shareWith', 'owner', 'sender'], 'share.address-invalid', 'share.address-scheme');
  if (typeof doc.shareType === 'string' && !includes(SHARE_TYPES, doc.shareType))
    ctx.report(
      'share.share-type-unknown',
      '/shareType',
      `shareType ${quote(doc.shareType)} is not "user" or "group" (or "federation" from OCM-MLS).`,
    );
  checkShareProtocol(ctx);
  checkEncodedIdentifiers(ctx);
  if (typeof doc.expiration === 'number') {
    if (doc.expiration > MAX_SECONDS)
      ctx.report(
        'share.expiration',
        '/expiration',
        `expiration ${doc.expiration} looks like milliseconds; the spec counts seconds since the epoch.`,
        { hint: `Send ${Math.floor(doc.expiration / 1000)}.` },
      );
    else if (doc.expiration === 0)
      ctx.report(
        'share.expiration',
        '/expiration',
        'expiration 0 is what some servers send for "no expiry"; read literally it is 1970, so a strict receiver sees the share as expired on arrival.',
        { severity: 'info', hint: 'Leave expiration out when the share does not expire.' },
      );
    else if (doc.expiration < Date.now() / 1000)
      ctx.report(
        'share.expiration',
        '/expiration',
        `expiration ${doc.expiration} is in the past (${new Date(doc.expiration * 1000).toISOString()}): the share is expired on arrival.`,
      );
  }
  if (isRecord(doc.encryption)) {
    if (!atLeast(ctx.version, '1.5'))
      ctx.report(
        'share.encryption-version',
        '/encryption',
        `"encryption" is a 1.5 field; a ${ctx.version} receiver ignores it and stores the data unreadable.`,
      );
    const scheme = doc.encryption.scheme;
    if (typeof scheme === 'string' && !isRecord(doc.encryption[scheme]))
      ctx.report(
        'share.encryption-scheme',
        '/encryption',
        `encryption.scheme is ${quote(scheme)} but there is no "${scheme}" object with the scheme's parameters.`,
        {
          hint:
            scheme === 'ocm-pgp' || scheme === 'ocm-gpg'
              ? `Add "${scheme}": {"fingerprints": [...]}. (The draft writes both "ocm-pgp" and "ocm-gpg".)`
              : undefined,
        },
      );
    else if (typeof scheme === 'string') checkSchemeObject(ctx, scheme, doc.encryption[scheme]);
  }
  if (typeof doc.code === 'string')
    ctx.report(
      'share.code-field',
      '/code',
      'A top-level "code" is the 1.2 code flow; since 1.3 the sharedSecret itself is the code exchanged at tokenEndPoint.',
    );
}

/**
 * What draft-07 ("Share Creation Notification", encryption) has each scheme object carry: one or more key
 * fingerprints for ocm-gpg (the registry spells it ocm-pgp), the HPKE cipher for ocm-mls.
 */
function checkSchemeObject(ctx: CheckContext, scheme: string, value: unknown): void {
  if (!isRecord(value)) return;
  const at = `/encryption/${scheme}`;
  if (scheme === 'ocm-pgp' || scheme === 'ocm-gpg') {
    const list = value.fingerprints;
    if (!Array.isArray(list) || list.length === 0 || list.some((f) => typeof f !== 'string' || f === ''))
      ctx.report(
        'share.encryption-scheme-fields',
        `${at}/fingerprints`,
        `${scheme} must carry "fingerprints": one or more fingerprints (strings) of the public keys the resource is encrypted to; got ${list === undefined ? 'none' : Array.isArray(list) ? (list.length ? 'a list with an empty or non-string entry' : 'an empty list') : `a ${typeof list}`}.`,
        { hint: `"${scheme}": {"fingerprints": ["0123456789ABCDEF…"]}` },
      );
  } else if (scheme === 'ocm-mls' && (typeof value.cipher !== 'string' || value.cipher === ''))
    ctx.report(
      'share.encryption-scheme-fields',
      `${at}/cipher`,
      `ocm-mls must carry "cipher": the encryption algorithm (RFC 9180 §7.3); got ${value.cipher === undefined ? 'none' : typeof value.cipher === 'string' ? 'an empty string' : `a ${typeof value.cipher}`}.`,
    );
}
