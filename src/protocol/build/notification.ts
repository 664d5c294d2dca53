import { MESSAGE_PATHS } from '../endpoints.ts';
import { atLeast } from '../versions.ts';
import { endpointUrl, identityDomain, targetFacts, type BuiltPayload, type ConsoleIdentity } from './target.ts';

export type NotificationIntent =
  | 'SHARE_ACCEPTED'
  | 'SHARE_DECLINED'
  | 'SHARE_UNSHARED'
  | 'SHARE_CHANGE_PERMISSION'
  | 'REQUEST_RESHARE'
  | 'USER_REMOVED';

export interface NotificationChoices {
  type: NotificationIntent;
  /** The share's providerId (for USER_REMOVED before 1.5: the user id from /invite-accepted). */
  providerId: string;
  /** The share's secret: how Nextcloud binds notifications before 1.5. */
  sharedSecret?: string;
  /** The recipient's id at the sender: how Reva binds notifications. */
  grantee?: string;
  resourceType?: string;
  shareType?: 'user' | 'group';
  message?: string;
  permissions?: string[];
  /** Third party for REQUEST_RESHARE; the removed user for USER_REMOVED (OCM address). */
  shareWith?: string;
}

/** A notification in the peer's version: the 1.5 envelope (senderDomain, notification.file) or the legacy one. */
export function buildNotification(
  discovery: unknown,
  identity: ConsoleIdentity,
  choices: NotificationChoices,
): BuiltPayload {
  const facts = targetFacts(discovery);
  const { version, dialect } = facts;
  const notes: string[] = [];
  const url = endpointUrl(facts, MESSAGE_PATHS.notification);
  const message = choices.message ? { message: choices.message } : {};
  if (atLeast(version, '1.5')) {
    const payload: Record<string, unknown> = { notificationType: choices.type, senderDomain: identityDomain(identity) };
    if (choices.type === 'USER_REMOVED') {
      payload.shareType = 'user';
      payload.notification = { ...message, user: { userId: choices.shareWith ?? choices.providerId } };
    } else {
      payload.resourceType = choices.resourceType ?? 'file';
      payload.shareType = choices.shareType ?? 'user';
      const file: Record<string, unknown> = { providerId: choices.providerId };
      if (choices.type === 'REQUEST_RESHARE') file.shareWith = choices.shareWith ?? '';
      if (choices.permissions && (choices.type === 'SHARE_CHANGE_PERMISSION' || choices.type === 'REQUEST_RESHARE'))
        file.permissions = choices.permissions;
      payload.notification = { ...message, file };
    }
    return { kind: 'notification', payload, version, dialect, url, notes };
  }
  // Before 1.5 the permission change was RESHARE_CHANGE_PERMISSION; Reva already used the new name.
  const type =
    choices.type === 'SHARE_CHANGE_PERMISSION' && dialect !== 'reva' ? 'RESHARE_CHANGE_PERMISSION' : choices.type;
  if (type !== choices.type) notes.push(`Sent ${type}: the ${version} name of the permission-change notification.`);
  const notification: Record<string, unknown> = { ...message };
  if (dialect === 'reva') notification.grantee = choices.grantee ?? '';
  else if (choices.sharedSecret) notification.sharedSecret = choices.sharedSecret;
  if (dialect === 'reva') notes.push('Reva finds the share by notification.grantee.');
  else if (choices.sharedSecret) notes.push('notification.sharedSecret included: Nextcloud answers 400 without it.');
  if (choices.type === 'REQUEST_RESHARE' && choices.shareWith) notification.shareWith = choices.shareWith;
  const payload = {
    notificationType: type,
    resourceType: choices.resourceType ?? (choices.type === 'USER_REMOVED' ? 'user' : 'file'),
    providerId: choices.providerId,
    notification,
  };
  return { kind: 'notification', payload, version, dialect, url, notes };
}
