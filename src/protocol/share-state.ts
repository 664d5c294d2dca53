// What a notification about a share does to that share (draft-07 "Notifications": "Share Acceptance and
// Updating"), and how a receiving server answers it. Pure: the server keeps the states, these are the rules.

export type ShareStatus = 'pending' | 'accepted' | 'declined' | 'unshared';

/** Who sends a share-scoped notification, and so which share its providerId names. */
export type NoticeDirection =
  /** From the share's sender to its receiver: names a share the console received. */
  | 'to-receiver'
  /** From a share's receiver back to its sender: names a share the console sent. */
  | 'to-sender';

/**
 * The share-scoped notification types, draft-07 and earlier: RESHARE_UNDO and RESHARE_CHANGE_PERMISSION are the
 * pre-07 names Nextcloud still sends (-07 dropped the first and renamed the second SHARE_CHANGE_PERMISSION).
 */
export const SHARE_NOTICES: Readonly<Record<string, NoticeDirection>> = {
  SHARE_UNSHARED: 'to-receiver',
  SHARE_CHANGE_PERMISSION: 'to-receiver',
  RESHARE_UNDO: 'to-receiver',
  RESHARE_CHANGE_PERMISSION: 'to-receiver',
  SHARE_ACCEPTED: 'to-sender',
  SHARE_DECLINED: 'to-sender',
  REQUEST_RESHARE: 'to-sender',
};

export interface ShareNotice {
  type: string;
  direction: NoticeDirection;
  providerId: string;
  /** Where the providerId was found: `notification.file.providerId` (-07) or the legacy top-level field. */
  providerIdField: 'notification.file.providerId' | 'providerId';
  /** New permissions, for a permission change. */
  permissions?: string[];
  /** The third party a REQUEST_RESHARE asks to share with. */
  shareWith?: string;
  /** The sending server's FQDN (-07 senderDomain), to check the share is theirs. */
  senderDomain?: string;
}

export type NoticeReading =
  | { about: 'share'; notice: ShareNotice }
  | { about: 'share'; problem: { name: string; message: 'REQUIRED' } }
  /** Not about one share (REQUEST_SHARE, USER_REMOVED, vendor types…): nothing to link. */
  | { about: 'other' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

/** Reads which share a notification is about: -07 notification.file.providerId, else the deprecated top-level one. */
export function readNotice(doc: unknown): NoticeReading {
  if (!isObject(doc) || typeof doc.notificationType !== 'string') return { about: 'other' };
  const direction = SHARE_NOTICES[doc.notificationType];
  if (!direction) return { about: 'other' };
  const note = isObject(doc.notification) ? doc.notification : {};
  const file = isObject(note.file) ? note.file : undefined;
  const fromFile = idOf(file?.providerId);
  const legacy = idOf(doc.providerId);
  const providerId = fromFile ?? legacy;
  if (!providerId)
    return {
      about: 'share',
      problem: { name: file ? 'notification.file.providerId' : 'providerId', message: 'REQUIRED' },
    };
  const rawPermissions = Array.isArray(file?.permissions)
    ? file.permissions
    : Array.isArray(note.permissions)
      ? note.permissions
      : undefined;
  const permissions = rawPermissions?.filter((p): p is string => typeof p === 'string');
  return {
    about: 'share',
    notice: {
      type: doc.notificationType,
      direction,
      providerId,
      providerIdField: fromFile ? 'notification.file.providerId' : 'providerId',
      ...(permissions ? { permissions } : {}),
      ...(typeof (file?.shareWith ?? note.shareWith) === 'string'
        ? { shareWith: String(file?.shareWith ?? note.shareWith) }
        : {}),
      ...(typeof doc.senderDomain === 'string' && doc.senderDomain ? { senderDomain: doc.senderDomain } : {}),
    },
  };
}

/** One thing that happened to a share: a notification received, or the console's own accept/decline. */
export interface ShareEvent {
  /** The inbox record of the notification, or of the share when the console itself answered. */
  recordId: string;
  type: string;
  at: string;
  by: 'peer' | 'console';
  /** applied: the state moved (or was confirmed); duplicate: a repeat of the last change, nothing moved. */
  outcome: 'applied' | 'duplicate';
  status: ShareStatus;
  permissions?: string[];
  /** For REQUEST_RESHARE: who the share was asked for. */
  shareWith?: string;
}

export interface ShareTrack {
  status: ShareStatus;
  permissions?: string[];
  events: ShareEvent[];
}

export type NoticeOutcome = 'applied' | 'duplicate' | 'gone';

/**
 * The console's own answer to a request for a share when its owner agrees: the draft's "Share Creation
 * Notification" to the requester. Recorded on the request under that name (it is not a notification type).
 */
export const SHARE_CREATED = 'Share Creation Notification';

const NEXT_STATUS: Readonly<Record<string, ShareStatus>> = {
  [SHARE_CREATED]: 'accepted',
  SHARE_ACCEPTED: 'accepted',
  SHARE_DECLINED: 'declined',
  SHARE_UNSHARED: 'unshared',
  RESHARE_UNDO: 'unshared',
};

const PERMISSION_CHANGES = new Set(['SHARE_CHANGE_PERMISSION', 'RESHARE_CHANGE_PERMISSION']);

const sameList = (a?: string[], b?: string[]) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A notification applied to a share's state. A repeat of the last change (same type, same permissions, same
 * third party) is a duplicate: it is recorded, the state does not move, and the answer is the one the first got. A share that
 * was unshared is gone: a later, different notification about it changes nothing ("gone"), as a receiver that
 * deleted the share would find nothing. SHARE_ACCEPTED then SHARE_UNSHARED reads as a decline in the draft;
 * the state says unshared, which is what the user sees happened.
 */
export function applyNotice(
  track: ShareTrack,
  event: {
    recordId: string;
    type: string;
    at: string;
    by: 'peer' | 'console';
    permissions?: string[];
    shareWith?: string;
  },
): { track: ShareTrack; outcome: NoticeOutcome } {
  const last = [...track.events].reverse().find((e) => e.outcome === 'applied');
  const repeats =
    last?.type === event.type && sameList(last.permissions, event.permissions) && last.shareWith === event.shareWith;
  if (repeats) {
    const repeat: ShareEvent = { ...event, outcome: 'duplicate', status: track.status };
    if (!event.permissions) delete repeat.permissions;
    if (!event.shareWith) delete repeat.shareWith;
    return { track: { ...track, events: [...track.events, repeat] }, outcome: 'duplicate' };
  }
  if (track.status === 'unshared') return { track, outcome: 'gone' };
  const status = NEXT_STATUS[event.type] ?? track.status;
  const permissions = PERMISSION_CHANGES.has(event.type) && event.permissions ? event.permissions : track.permissions;
  const applied: ShareEvent = { ...event, outcome: 'applied', status };
  if (!event.permissions) delete applied.permissions;
  if (!event.shareWith) delete applied.shareWith;
  return {
    track: { status, ...(permissions ? { permissions } : {}), events: [...track.events, applied] },
    outcome: 'applied',
  };
}

export interface NoticeAnswer {
  status: number;
  body: unknown;
}

/**
 * What the console answers to a share-scoped notification. Draft-07 defines no status for a notification
 * about a share the receiver does not know; its API description lists 400 for invalid parameters, and
 * Nextcloud answers 400 (message plus an empty validationErrors) when it finds no share. The console answers
 * 400 with the field named, in the shape of its other validation errors. A duplicate gets the first answer.
 */
export function noticeAnswer(
  result: { outcome: NoticeOutcome | 'unknown'; field: string } | { problem: { name: string; message: string } },
): NoticeAnswer {
  if ('problem' in result)
    return { status: 400, body: { message: 'INVALID_PARAMETERS', validationErrors: [result.problem] } };
  if (result.outcome === 'unknown')
    return {
      status: 400,
      body: { message: 'SHARE_NOT_FOUND', validationErrors: [{ name: result.field, message: 'NOT_FOUND' }] },
    };
  if (result.outcome === 'gone')
    return {
      status: 400,
      body: { message: 'SHARE_NOT_FOUND', validationErrors: [{ name: result.field, message: 'UNSHARED' }] },
    };
  return { status: 201, body: {} };
}
