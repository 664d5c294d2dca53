import type { TrackedShare } from '../../src/contract/share-states.ts';
import { exchangeKindOfUrl, SHARE_CREATED } from '../../src/protocol/index.ts';
import { recordLocalAnswer, type ShareLinkDeps } from './share-links.ts';
import type { SendShareResult } from '../sharing/send-share.ts';

export interface SentShare {
  providerId: string;
  /** The receiver's OCM address (the share's shareWith). */
  to?: string;
  name?: string;
  how: 'console' | 'hand';
  at: string;
}

/**
 * Tracks a share the console sent and its receiver took (2xx), so that SHARE_ACCEPTED, SHARE_DECLINED and the
 * other receiver→sender notifications naming its providerId are linked to it. What was already linked stays.
 */
export function recordSent(deps: Pick<ShareLinkDeps, 'states'>, share: SentShare): TrackedShare {
  const known = deps.states.get('sent', share.providerId);
  const entry: TrackedShare = {
    ...(known ?? { side: 'sent', key: share.providerId, status: 'pending', events: [] }),
    providerId: share.providerId,
    // A console share sent again by hand is still the console's: it holds its secret.
    how: known?.how === 'console' ? 'console' : share.how,
    ...(share.to ? { to: share.to } : {}),
    ...(share.name ? { name: share.name } : {}),
    sentAt: share.at,
  };
  deps.states.put(entry);
  return entry;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A request the relay delivered: when it was a share creation (by the path it went to, as src/protocol tells)
 * and the receiver answered 2xx, the share is tracked as sent by hand. Anything else is left alone.
 */
export function noteRelayed(
  deps: ShareLinkDeps,
  relayed: { url: string; body: Uint8Array; status: number; at: string },
): TrackedShare | undefined {
  if (exchangeKindOfUrl(relayed.url) !== 'share' || relayed.status < 200 || relayed.status >= 300) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(relayed.body));
  } catch {
    return undefined;
  }
  if (!isObject(doc)) return undefined;
  const providerId =
    typeof doc.providerId === 'string' && doc.providerId !== ''
      ? doc.providerId
      : typeof doc.providerId === 'number'
        ? String(doc.providerId)
        : undefined;
  if (!providerId) return undefined;
  return recordSent(deps, {
    providerId,
    ...(typeof doc.shareWith === 'string' ? { to: doc.shareWith } : {}),
    ...(typeof doc.name === 'string' ? { name: doc.name } : {}),
    how: deps.sentShare?.(providerId) ? 'console' : 'hand',
    at: relayed.at,
  });
}

/**
 * A console share its receiver took (2xx) is tracked as sent; when it answers a request for a share, the
 * request is marked shared (the draft's Share Creation Notification) and linked to it. What it says of the
 * request, for the page; undefined when no request was named.
 */
export function trackSentShare(
  deps: ShareLinkDeps,
  result: SendShareResult,
  request: string | undefined,
): { request: string; ok: boolean; message?: string } | undefined {
  const status = result.exchange?.response.status;
  const delivered = !!result.share && status !== undefined && status >= 200 && status < 300;
  const at = new Date().toISOString();
  if (delivered)
    recordSent(deps, {
      providerId: result.share!.id,
      to: result.share!.shareWith,
      name: result.share!.name,
      how: 'console',
      at,
    });
  if (!request) return undefined;
  if (!delivered) return { request, ok: false, message: 'The share was not delivered: the request stays unanswered.' };
  const done = recordLocalAnswer(deps, request, SHARE_CREATED, at, result.share!.id);
  return done.ok ? { request, ok: true } : { request, ok: false, message: done.message };
}
