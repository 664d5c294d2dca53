// Acting on a share the console received (draft "Share Acceptance Notification" / Notifications): where the
// answer goes and what it carries, read from the share itself.
import { addressAuthority, parseOcmAddress } from './address.ts';
import type { NotificationChoices } from './build/notification.ts';

export type ShareReplyType = 'SHARE_ACCEPTED' | 'SHARE_DECLINED';

export type ShareReply =
  { ok: true; senderAuthority: string; choices: NotificationChoices } | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The share's secret wherever its version keeps it: protocol.webdav / webapp (multi), or the legacy options. */
export function sharedSecretOf(share: Record<string, unknown>): string | undefined {
  const p = share.protocol;
  if (!isObject(p)) return undefined;
  for (const entry of [p.webdav, p.webapp, p.options])
    if (isObject(entry) && typeof entry.sharedSecret === 'string') return entry.sharedSecret;
  return undefined;
}

/**
 * The notification that accepts or declines a received share: sent to the server of its `sender` (or, lacking
 * one, its `owner`), naming the share by its `providerId`; the share's secret is passed on for the legacy shape
 * (Nextcloud answers 400 to a SHARE_ACCEPTED without it). The builder shapes it for the sender's version.
 */
export function replyToShare(share: unknown, type: ShareReplyType, message?: string): ShareReply {
  if (!isObject(share)) return { ok: false, problem: 'The share is not a JSON object.' };
  const from = typeof share.sender === 'string' ? share.sender : typeof share.owner === 'string' ? share.owner : '';
  if (!from) return { ok: false, problem: 'The share names no sender or owner: there is no one to answer.' };
  const address = parseOcmAddress(from);
  if (!address.ok) return { ok: false, problem: `The sender "${from}" is not an OCM address (${address.error}).` };
  if (typeof share.providerId !== 'string' && typeof share.providerId !== 'number')
    return { ok: false, problem: 'The share has no providerId: a notification could not say which share it is about.' };
  const secret = sharedSecretOf(share);
  const choices: NotificationChoices = {
    type,
    providerId: String(share.providerId),
    ...(secret ? { sharedSecret: secret } : {}),
    ...(typeof share.resourceType === 'string' ? { resourceType: share.resourceType } : {}),
    ...(share.shareType === 'user' || share.shareType === 'group' ? { shareType: share.shareType } : {}),
    ...(message ? { message } : {}),
  };
  return { ok: true, senderAuthority: addressAuthority(address.address), choices };
}
