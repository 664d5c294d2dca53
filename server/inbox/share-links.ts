import type { InboundRecord } from '../../src/contract/inbound.ts';
import type { TrackedShare } from '../../src/contract/share-states.ts';
import {
  addressAuthority,
  applyNotice,
  noticeAnswer,
  parseOcmAddress,
  readNotice,
  SHARE_CREATED,
  type ShareNotice,
} from '../../src/protocol/index.ts';
import type { ShareStateStore } from './share-states.ts';
import type { InboxStore } from './store.ts';
import type { SpecAnswer } from './spec-response.ts';

export interface ShareLinkDeps {
  states: ShareStateStore;
  inbox: InboxStore;
  /** A share the console sent, by its id (its providerId), if it knows it. */
  sentShare?: (id: string) => { name: string } | undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonOf(record: InboundRecord): Record<string, unknown> | undefined {
  if (record.body.encoding !== 'utf8') return undefined;
  try {
    const doc: unknown = JSON.parse(record.body.data);
    return isObject(doc) ? doc : undefined;
  } catch {
    return undefined;
  }
}

const accepted = (r: InboundRecord) => !!r.response && r.response.status >= 200 && r.response.status < 300;

/** host[:port] of the server that sent a share: its `sender`, or lacking one its `owner`. */
function senderOf(share: Record<string, unknown>): string | undefined {
  const from = typeof share.sender === 'string' ? share.sender : typeof share.owner === 'string' ? share.owner : '';
  const address = parseOcmAddress(from);
  return address.ok ? addressAuthority(address.address).toLowerCase() : undefined;
}

/** host[:port] of a share's receiver, from its OCM address. */
function receiverOf(to: string | undefined): string | undefined {
  const address = parseOcmAddress(to ?? '');
  return address.ok ? addressAuthority(address.address).toLowerCase() : undefined;
}

/** A -07 senderDomain is an FQDN: it matches the share's sender with or without the port. */
function sameServer(from: string | undefined, senderDomain: string | undefined): boolean {
  if (!senderDomain || !from) return true;
  const domain = senderDomain.toLowerCase();
  return from === domain || from.replace(/:\d+$/, '') === domain.replace(/:\d+$/, '');
}

/** The tracked entry for a received share record (a new, pending one if none yet). */
export function trackReceived(deps: ShareLinkDeps, record: InboundRecord): TrackedShare | undefined {
  const known = deps.states.get('received', record.id);
  if (known) return known;
  const share = record.endpoint === 'shares' ? jsonOf(record) : undefined;
  if (!share || !accepted(record)) return undefined;
  const providerId =
    typeof share.providerId === 'string' || typeof share.providerId === 'number' ? share.providerId : '';
  const from = senderOf(share);
  return {
    side: 'received',
    key: record.id,
    ...(providerId !== '' ? { providerId: String(providerId) } : {}),
    ...(from ? { from } : {}),
    ...(typeof share.name === 'string' ? { name: share.name } : {}),
    status: 'pending',
    events: [],
  };
}

/**
 * The share a sender→receiver notification names: one the console accepted earlier, with that providerId, sent
 * by the server the notification says it comes from. Tracked shares first, then the shares in the inbox.
 */
function findReceived(deps: ShareLinkDeps, notice: ShareNotice): TrackedShare | undefined {
  const tracked = deps.states
    .receivedByProviderId(notice.providerId)
    .find((t) => sameServer(t.from, notice.senderDomain));
  if (tracked) return tracked;
  for (const record of deps.inbox.list(5_000)) {
    const entry = trackReceived(deps, record);
    if (entry?.providerId === notice.providerId && sameServer(entry.from, notice.senderDomain)) return entry;
  }
  return undefined;
}

/**
 * Links a notification that arrived to the share it is about, updates that share's state, and says what to
 * answer. undefined leaves the answer to the spec default: notifications not about one share, and receiver→sender
 * ones about a share the console did not send (neither its own nor one sent by hand through its relay) or
 * that come from another server than the share's receiver.
 */
export function linkNotification(
  deps: ShareLinkDeps,
  doc: unknown,
  recordId: string,
  at: string,
): SpecAnswer | undefined {
  const reading = readNotice(doc);
  if (reading.about === 'other') return undefined;
  if ('problem' in reading) return noticeAnswer({ problem: reading.problem });
  const { notice } = reading;
  let entry: TrackedShare | undefined;
  if (notice.direction === 'to-receiver') entry = findReceived(deps, notice);
  else {
    // A share the console sent: its own (it knows the id) or one sent by hand through the relay (tracked then).
    const known = deps.states.get('sent', notice.providerId);
    const sent = known ? undefined : deps.sentShare?.(notice.providerId);
    if (!known && !sent) return undefined;
    entry = known ?? {
      side: 'sent',
      key: notice.providerId,
      providerId: notice.providerId,
      how: 'console',
      name: sent!.name,
      status: 'pending',
      events: [],
    };
    // The receiver of a share is the one who answers about it.
    if (!sameServer(receiverOf(entry.to), notice.senderDomain)) return undefined;
  }
  if (!entry) return noticeAnswer({ outcome: 'unknown', field: notice.providerIdField });
  const applied = applyNotice(entry, {
    recordId,
    type: notice.type,
    at,
    by: 'peer',
    ...(notice.permissions ? { permissions: notice.permissions } : {}),
    ...(notice.shareWith ? { shareWith: notice.shareWith } : {}),
  });
  if (applied.outcome !== 'gone') deps.states.put({ ...entry, ...applied.track });
  return noticeAnswer({ outcome: applied.outcome, field: notice.providerIdField });
}

export type LocalAnswer = { ok: true; entry: TrackedShare } | { ok: false; status: 400 | 404; message: string };

/**
 * Records the console's own answer to a received share (SHARE_ACCEPTED / SHARE_DECLINED it delivered to the
 * sender) or to a share request (SHARE_DECLINED delivered to the requester).
 */
export function recordLocalAnswer(
  deps: ShareLinkDeps,
  recordId: string,
  type: string,
  at: string,
  /** For a share answering a request: its providerId, to link the request to it. */
  answeredBy?: string,
): LocalAnswer {
  const record = deps.inbox.get(recordId);
  if (!record) return { ok: false, status: 404, message: `No received message ${recordId}.` };
  if (type !== 'SHARE_ACCEPTED' && type !== 'SHARE_DECLINED' && type !== SHARE_CREATED)
    return {
      ok: false,
      status: 400,
      message: `The console answers with SHARE_ACCEPTED, SHARE_DECLINED or a ${SHARE_CREATED}, not ${type}.`,
    };
  const request =
    (record.endpoint === 'request-share' || record.endpoint === 'notifications') &&
    jsonOf(record) !== undefined &&
    (record.endpoint === 'request-share' || jsonOf(record)?.notificationType === 'REQUEST_SHARE');
  const entry: TrackedShare | undefined = request
    ? (deps.states.get('request', recordId) ?? { side: 'request', key: recordId, status: 'pending', events: [] })
    : trackReceived(deps, record);
  if (!entry) return { ok: false, status: 400, message: `${recordId} is not a share the console accepted on arrival.` };
  if (request && type === 'SHARE_ACCEPTED')
    return {
      ok: false,
      status: 400,
      message: `A request for a share is answered by a ${SHARE_CREATED}, or SHARE_DECLINED.`,
    };
  if (!request && type === SHARE_CREATED)
    return { ok: false, status: 400, message: 'A received share is answered by SHARE_ACCEPTED or SHARE_DECLINED.' };
  const applied = applyNotice(entry, { recordId, type, at, by: 'console' });
  const next = { ...entry, ...applied.track, ...(request && answeredBy ? { answeredBy } : {}) };
  if (applied.outcome !== 'gone') deps.states.put(next);
  return { ok: true, entry: next };
}
