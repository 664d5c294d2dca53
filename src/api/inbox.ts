import { mutationOptions, queryOptions, skipToken, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { safeParse } from 'zod/mini';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import {
  inboundListSchema,
  inboundRecordSchema,
  inboxInfoSchema,
  inboxPoliciesSchema,
  type InboundEndpoint,
  type InboundRecord,
  type InboxPolicy,
} from '../contract/inbound.ts';
import { requestJson } from './http.ts';
import { queryKeys } from './query-keys.ts';

export interface InboxRecords {
  records: InboundRecord[];
  total: number;
  /** Where the next (older) page starts, when there is one: `?before=<next>`. */
  next?: number;
}

/** Records a "load older" asks for at once. */
const OLDER_PAGE = 50;

/**
 * The records are filled only by the SSE stream (useInboxStream): its first event is a `reset` with
 * the current list, so a separate GET could only race with it and overwrite newer data.
 */
export function inboxRecordsQueryOptions() {
  return queryOptions<InboxRecords>({
    queryKey: queryKeys.inbox.records(),
    queryFn: skipToken,
    staleTime: Infinity,
  });
}

/** One read of the list, for callers outside the live page (exports, tests). */
export function fetchInboxRecords(signal?: AbortSignal): Promise<InboxRecords> {
  return requestJson('/api/inbox', inboundListSchema, { signal });
}

/** The list read once, outside the live stream (the Token page picks received shares from it). */
export function inboxSnapshotQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.inbox.snapshot(),
    queryFn: ({ signal }) => fetchInboxRecords(signal),
  });
}

/**
 * One received message whole. Lists carry records with large parts cut (`abridged`); the detail view reads
 * the whole record here.
 */
export function inboxRecordQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.inbox.record(id),
    queryFn: ({ signal }) => requestJson(`/api/inbox/${encodeURIComponent(id)}`, inboundRecordSchema, { signal }),
  });
}

/** Appends the next older page of the list to the live records, skipping any it already holds. */
export function loadOlderInboxMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: (before: number) => requestJson(`/api/inbox?limit=${OLDER_PAGE}&before=${before}`, inboundListSchema),
    onSuccess: (page) =>
      client.setQueryData<InboxRecords>(queryKeys.inbox.records(), (old) => {
        const have = new Set(old?.records.map((r) => r.id));
        const records = [...(old?.records ?? []), ...page.records.filter((r) => !have.has(r.id))];
        return { records, total: page.total, ...(page.next !== undefined ? { next: page.next } : {}) };
      }),
  });
}

export function inboxInfoQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.inbox.info(),
    queryFn: ({ signal }) => requestJson('/api/inbox/info', inboxInfoSchema, { signal }),
  });
}

export function setInboxPolicyMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: ({ endpoint, policy }: { endpoint: InboundEndpoint; policy: InboxPolicy }) =>
      requestJson(`/api/inbox/policy/${endpoint}`, inboxPoliciesSchema, { method: 'PUT', body: policy }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.inbox.info() }),
  });
}

export function clearInboxMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: () => requestJson('/api/inbox', z.object({ cleared: z.boolean() }), { method: 'DELETE' }),
    onSuccess: () => {
      client.setQueryData<InboxRecords>(queryKeys.inbox.records(), { records: [], total: 0 });
      // Unreadable lines are set aside in another file when the inbox is cleared: the info says where.
      return client.invalidateQueries({ queryKey: queryKeys.inbox.info() });
    },
  });
}

/** Newest first; a record seen again (received → done) replaces its earlier version in place. */
export function upsertRecord(list: InboxRecords | undefined, record: InboundRecord): InboxRecords {
  const records = list?.records ?? [];
  const next = list?.next !== undefined ? { next: list.next } : {};
  const at = records.findIndex((r) => r.id === record.id);
  if (at !== -1)
    return { records: records.map((r, i) => (i === at ? record : r)), total: list?.total ?? records.length, ...next };
  return { records: [record, ...records], total: (list?.total ?? records.length) + 1, ...next };
}

export type StreamState = 'connecting' | 'live' | 'reconnecting';

const resetSchema = z.object({
  records: z.array(inboundRecordSchema),
  total: z.number(),
  next: z.optional(z.number()),
});

/**
 * Keeps the inbox records in the query cache live from /api/events. EventSource reconnects by
 * itself and sends Last-Event-ID, so the server replays what was missed (or sends a fresh `reset`).
 */
export function useInboxStream(): { state: StreamState; error?: string } {
  const client = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  const [error, setError] = useState<string>();
  useEffect(() => {
    const source = new EventSource('/api/events');
    /** Parses one event's data; an unreadable event is reported, never silently dropped. */
    const read = <T>(e: Event, schema: $ZodType<T>): T | undefined => {
      let value: unknown;
      try {
        value = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        setError(`The server sent a ${e.type} event that is not JSON.`);
        return undefined;
      }
      const parsed = safeParse(schema, value);
      if (parsed.success) return parsed.data;
      setError(
        `The server sent a ${e.type} event of an unexpected shape (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}).`,
      );
      return undefined;
    };
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    source.addEventListener('reset', (e) => {
      const data = read(e, resetSchema);
      if (data) client.setQueryData<InboxRecords>(queryKeys.inbox.records(), data);
    });
    source.addEventListener('inbound', (e) => {
      const record = read(e, inboundRecordSchema);
      if (record) client.setQueryData<InboxRecords>(queryKeys.inbox.records(), (old) => upsertRecord(old, record));
      // A whole record read earlier (received) is out of date once it is answered.
      if (record) void client.invalidateQueries({ queryKey: queryKeys.inbox.record(record.id) });
      // A notification may have moved a share's state: read the states again once it is answered.
      if (record?.stage !== 'received') void client.invalidateQueries({ queryKey: queryKeys.inbox.shares() });
    });
    return () => source.close();
  }, [client]);
  return { state, error };
}
