import { parseOcmAddress } from '../address.ts';
import { atLeast } from '../versions.ts';
import { childPointer } from '../json/pointer.ts';
import {
  NOTIFICATION_TYPES_15,
  NOTIFICATION_TYPES_LEGACY,
  VENDOR_NOTIFICATION_TYPES,
  WEBDAV_PERMISSIONS,
  includes,
} from '../vocabulary.ts';
import type { CheckContext } from './context.ts';
import { isRecord, quote } from './util.ts';

const MOVED: Record<string, { legacy?: string; current?: string }> = {
  RESHARE_UNDO: { legacy: 'RESHARE_UNDO' },
  RESHARE_CHANGE_PERMISSION: { current: 'SHARE_CHANGE_PERMISSION' },
  SHARE_CHANGE_PERMISSION: { legacy: 'RESHARE_CHANGE_PERMISSION' },
};

/** Fields of notification.file / .group that draft-07 types as plain strings (not addresses). */
const IDENTIFIERS = ['providerId', 'shareId', 'groupId'];

const RESOURCE_SCOPE = [
  'SHARE_ACCEPTED',
  'SHARE_DECLINED',
  'SHARE_UNSHARED',
  'SHARE_CHANGE_PERMISSION',
  'REQUEST_RESHARE',
  'REQUEST_SHARE',
];

export function checkNotification(ctx: CheckContext): void {
  const { doc, version } = ctx;
  const type = typeof doc.notificationType === 'string' ? doc.notificationType : undefined;
  const current = atLeast(version, '1.5');
  const registry: readonly string[] = current ? NOTIFICATION_TYPES_15 : NOTIFICATION_TYPES_LEGACY;
  if (type && !registry.includes(type)) {
    const vendor = VENDOR_NOTIFICATION_TYPES[type];
    const other: readonly string[] = current ? NOTIFICATION_TYPES_LEGACY : NOTIFICATION_TYPES_15;
    if (vendor)
      ctx.report(
        'notification.type-vendor',
        '/notificationType',
        `${type} is a ${vendor} type, outside the OCM registry; other servers will answer 400 or 501.`,
      );
    else if (other.includes(type)) {
      const moved = MOVED[type];
      const detail = current
        ? moved?.current
          ? `it was renamed ${moved.current} in 1.5`
          : 'draft -07 dropped it from the registry'
        : type === 'SHARE_CHANGE_PERMISSION'
          ? 'before 1.5 the registry names it RESHARE_CHANGE_PERMISSION (ownCloud Reva already sent this name; Nextcloud expects the old one)'
          : 'it was added in 1.5';
      ctx.report(
        'notification.type-version',
        '/notificationType',
        `${type} is not a ${version} notification type: ${detail}.`,
      );
    } else
      ctx.report(
        'notification.type-unknown',
        '/notificationType',
        `${quote(type)} is not in the OCM notification registry (${registry.join(', ')}).`,
      );
  }
  if (current) checkCurrent(ctx, type);
  else checkLegacy(ctx);
  const n = isRecord(doc.notification) ? doc.notification : undefined;
  if (n && 'sharedSecret' in n)
    ctx.report(
      'notification.vendor-binding',
      '/notification/sharedSecret',
      'notification.sharedSecret is how Nextcloud finds the share (it answers 400 without it); Reva uses "grantee", draft -07 uses notification.file.providerId. Secrets in notifications are discouraged when token exchange is in use.',
    );
  if (n && 'grantee' in n)
    ctx.report(
      'notification.vendor-binding',
      '/notification/grantee',
      'notification.grantee is how ownCloud Reva finds the share (it requires it); Nextcloud uses sharedSecret, draft -07 uses notification.file.providerId.',
    );
}

function checkLegacy(ctx: CheckContext): void {
  const { doc, version } = ctx;
  if (doc.providerId === undefined)
    ctx.report(
      'notification.provider-id',
      '/providerId',
      `providerId is required in a ${version} notification (copied from the share it is about).`,
      { hint: 'Add "providerId": "<the share\'s providerId>".' },
    );
  if (doc.resourceType === undefined)
    ctx.report(
      'notification.resource-type-missing',
      '/resourceType',
      'resourceType is missing; spec.yaml up to 1.4 requires it (NewNotification), draft-07 ("Notifications") has a notification about a share carry the share\'s resourceType, and Nextcloud and Reva send it.',
      { hint: 'Add "resourceType": "file" (or the share\'s resource type).' },
    );
}

function checkCurrent(ctx: CheckContext, type: string | undefined): void {
  const { doc } = ctx;
  if (doc.senderDomain === undefined)
    ctx.report(
      'notification.sender-domain',
      '/senderDomain',
      'senderDomain is required since 1.5: the receiver uses it to find your keys and to check the share is yours.',
      { hint: 'Add "senderDomain": "<your FQDN>".' },
    );
  if (doc.resourceType === undefined && doc.shareType === undefined)
    ctx.report(
      'notification.resource-or-share-type',
      '',
      'At least one of resourceType and shareType must be present.',
    );
  if (typeof doc.providerId === 'string')
    ctx.report(
      'notification.provider-id-deprecated',
      '/providerId',
      'Top-level providerId is deprecated in 1.5; it moved to notification.file.providerId (keep both while peers are older).',
    );
  if (!type) return;
  const n = isRecord(doc.notification) ? doc.notification : undefined;
  const need = (object: 'file' | 'user' | 'group', fields: string[]) => {
    const inner = n && isRecord(n[object]) ? n[object] : undefined;
    for (const field of fields) {
      const value = inner?.[field];
      if (value === undefined)
        ctx.report(
          'notification.payload',
          `/notification/${object}/${field}`,
          `${type} needs notification.${object}.${field} in 1.5.`,
        );
      // Addresses and permissions have their own checks; the identifiers are strings in draft-07.
      else if (IDENTIFIERS.includes(field) && typeof value !== 'string')
        ctx.report(
          'notification.payload',
          `/notification/${object}/${field}`,
          `notification.${object}.${field} of ${type} is a string in draft-07; got ${value === null ? 'null' : typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : `the ${typeof value} ${quote(value)}`}.`,
          typeof value === 'number' ? { hint: `Send "${value}".` } : {},
        );
    }
  };
  // Resource-scope types are about one share and name its resourceType; recipient-scope ones omit it.
  if (RESOURCE_SCOPE.includes(type) && doc.resourceType === undefined)
    ctx.report(
      'notification.resource-type-required',
      '/resourceType',
      `${type} is about a share: draft-07 ("Notifications") has it carry the share's resourceType.`,
      { hint: 'Add "resourceType": "file" (or the share\'s resource type).' },
    );
  if ((type === 'USER_REMOVED' || type === 'GROUP_REMOVED') && doc.resourceType !== undefined)
    ctx.report(
      'notification.resource-type-omitted',
      '/resourceType',
      `${type} is about a ${type === 'USER_REMOVED' ? 'user' : 'group'}, not a share: draft-07 has resourceType omitted (older spec.yaml used "resourceType": "user").`,
      { hint: `Remove resourceType and send "shareType": "${type === 'USER_REMOVED' ? 'user' : 'group'}".` },
    );
  const address = (object: 'file' | 'user', field: string) => {
    const inner = n && isRecord(n[object]) ? n[object] : undefined;
    const value = inner?.[field];
    if (value === undefined) return;
    const parsed = typeof value === 'string' ? parseOcmAddress(value) : undefined;
    if (parsed?.ok) return;
    ctx.report(
      'notification.address',
      `/notification/${object}/${field}`,
      `notification.${object}.${field} of ${type} is an OCM address; got ${quote(value)}${parsed && !parsed.ok ? ` (${parsed.error})` : ''}.`,
      { hint: 'An OCM address is identifier@host[:port], e.g. "marie@cloud.example.org".' },
    );
  };
  if (['SHARE_ACCEPTED', 'SHARE_DECLINED', 'SHARE_UNSHARED', 'SHARE_CHANGE_PERMISSION'].includes(type))
    need('file', ['providerId']);
  else if (type === 'REQUEST_RESHARE') {
    need('file', ['providerId', 'shareWith']);
    address('file', 'shareWith');
  } else if (type === 'REQUEST_SHARE') {
    need('file', ['owner', 'shareWith', 'shareId', 'permissions']);
    address('file', 'owner');
    address('file', 'shareWith');
    const permissions = n && isRecord(n.file) ? n.file.permissions : undefined;
    if (permissions !== undefined && (!Array.isArray(permissions) || permissions.length === 0))
      ctx.report(
        'notification.payload',
        '/notification/file/permissions',
        `REQUEST_SHARE's notification.file.permissions is the non-empty list of permissions asked for (e.g. ["read"]); got ${quote(permissions)}.`,
      );
    if (doc.shareType !== undefined)
      ctx.report(
        'notification.share-type-forbidden',
        '/shareType',
        'REQUEST_SHARE must not carry shareType: no share exists yet.',
      );
  } else if (type === 'USER_REMOVED') {
    need('user', ['userId']);
    address('user', 'userId');
  } else if (type === 'GROUP_REMOVED') need('group', ['groupId']);
  checkPermissions(ctx, type, n);
}

/**
 * notification.file.permissions (SHARE_CHANGE_PERMISSION, REQUEST_RESHARE, REQUEST_SHARE): draft-07 has its
 * values match the webdav permissions of a share, so a receiver can apply them.
 */
function checkPermissions(ctx: CheckContext, type: string, n: Record<string, unknown> | undefined): void {
  const list = n && isRecord(n.file) ? n.file.permissions : undefined;
  if (!Array.isArray(list)) return;
  const at = '/notification/file/permissions';
  list.forEach((value, i) => {
    if (typeof value === 'string' && includes(WEBDAV_PERMISSIONS, value)) return;
    ctx.report(
      'notification.permissions-unknown',
      childPointer(at, i),
      `${type}'s permission ${typeof value === 'string' ? quote(value.slice(0, 40)) : `(a ${value === null ? 'null' : typeof value})`} is not one of ${WEBDAV_PERMISSIONS.map((p) => `"${p}"`).join(', ')} (the webdav permissions of a share).`,
    );
  });
}
