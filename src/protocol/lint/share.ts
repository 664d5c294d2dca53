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
  }
  if (typeof doc.code === 'string')
    ctx.report(
      'share.code-field',
      '/code',
      'A top-level "code" is the 1.2 code flow; since 1.3 the sharedSecret itself is the code exchanged at tokenEndPoint.',
    );
}
