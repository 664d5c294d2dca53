import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { shareStatesSchema, trackedShareSchema, type TrackedShare } from '../contract/share-states.ts';
import { requestJson } from './http.ts';
import { queryKeys } from './query-keys.ts';

/** The state of each share and share request, and the notifications linked to it, as the server keeps them. */
export function shareStatesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.inbox.shares(),
    queryFn: ({ signal }) => requestJson('/api/inbox/shares', shareStatesSchema, { signal }),
  });
}

/**
 * Tells the server the console delivered SHARE_ACCEPTED / SHARE_DECLINED for a received share or request, or a
 * share answering a request (a Share Creation Notification).
 */
export async function recordAnswer(
  client: QueryClient,
  recordId: string,
  type: 'SHARE_ACCEPTED' | 'SHARE_DECLINED' | 'Share Creation Notification',
  /** For a share answering a request: its providerId, which the request is then linked to. */
  share?: string,
): Promise<TrackedShare> {
  const entry = await requestJson(`/api/inbox/${encodeURIComponent(recordId)}/answer`, trackedShareSchema, {
    method: 'POST',
    body: { type, ...(share ? { share } : {}) },
  });
  await client.invalidateQueries({ queryKey: queryKeys.inbox.shares() });
  return entry;
}

/** The entry of a received share or request, by its inbox record id. */
export function entryFor(states: TrackedShare[] | undefined, recordId: string): TrackedShare | undefined {
  return states?.find((s) => s.side !== 'sent' && s.key === recordId);
}

/** The entry a notification record was linked to, and what it did there. */
export function linkOf(
  states: TrackedShare[] | undefined,
  recordId: string,
): { entry: TrackedShare; event: TrackedShare['events'][number] } | undefined {
  for (const entry of states ?? []) {
    const event = entry.events.find((e) => e.recordId === recordId && e.by === 'peer');
    if (event) return { entry, event };
  }
  return undefined;
}
