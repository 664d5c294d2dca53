import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Exchange } from '../contract/exchange.ts';
import type { Finding } from '../contract/finding.ts';
import type { Kind } from '../protocol/index.ts';
import {
  explainStorageError,
  HISTORY_FORMAT,
  HistoryStore,
  type HistoryPage,
  type HistoryProblem,
  type HistoryRecord,
  type HistorySource,
  type UnreadableRecord,
} from '../storage/history-store.ts';
import { queryKeys } from './query-keys.ts';

/**
 * The browser's history of exchanges: every exchange the console makes for the user is recorded here
 * (the relay client, the discovery fetch and the check call `recordExchanges`). Recording never gets in
 * the way of the page that made the exchange: when IndexedDB is unavailable or full, the problem is kept
 * and shown on the History page, and the console goes on without history.
 */
let opening: Promise<HistoryStore> | undefined;
let problem: HistoryProblem | undefined;
const listeners = new Set<() => void>();

export function historyStore(): Promise<HistoryStore> {
  opening ??= HistoryStore.open().catch((err: unknown) => {
    problem = explainStorageError(err);
    opening = undefined;
    throw problem;
  });
  return opening;
}

/** Called when a record is added elsewhere (another page of this tab): the History page reloads. */
export function onHistoryChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const changed = () => listeners.forEach((l) => l());

const PAGE_OF_PATH: Record<string, HistoryPage> = {
  compose: 'compose',
  token: 'token',
  discover: 'discover',
  check: 'check',
  interop: 'interop',
  keys: 'keys',
  webapp: 'webapp',
  invites: 'invites',
  inbox: 'inbox',
  history: 'history',
};

/** The page the user is on: what produced an exchange when the caller does not say. */
function currentPage(): HistoryPage {
  const first = globalThis.location?.pathname.split('/')[1] ?? '';
  return PAGE_OF_PATH[first] ?? 'other';
}

function bodyText(body: Exchange['request']['body']): string | undefined {
  return body && body.encoding === 'utf8' && body.data.trim() ? body.data : undefined;
}

/** Lint findings of both bodies, judged by the protocol core (loaded only when something is recorded). */
async function findingsOf(exchange: Exchange, kind: string | undefined) {
  const { bodyKindsOf, lintText } = await import('../protocol/index.ts');
  // Without a kind the linter guesses what the document is (a request to some other path).
  const lintBody = (text: string | undefined, asKind: Kind | undefined): Finding[] => {
    if (!text) return [];
    try {
      const result = lintText(text, asKind ? { kind: asKind } : {});
      return result.kind ? result.findings.map((f) => ({ ...f })) : [];
    } catch {
      return [];
    }
  };
  const kinds = bodyKindsOf(kind, exchange.response.status);
  return {
    request: lintBody(bodyText(exchange.request.body), kinds.request),
    response: kinds.response ? lintBody(bodyText(exchange.response.body), kinds.response) : [],
  };
}

/**
 * Records exchanges; failures are kept for the History page, never thrown at the caller. The records are
 * written at once with their message kind (a reload right after sending must not lose them), then completed
 * with the lint findings.
 */
export async function recordExchanges(exchanges: readonly Exchange[], source: Partial<HistorySource> = {}) {
  if (exchanges.length === 0) return;
  try {
    const page = source.page ?? currentPage();
    const savedAt = new Date().toISOString();
    // The message kind is in the first write: a page reloaded right after sending keeps "share", not only
    // "signed" (the protocol core is already loaded wherever a message is made, so this does not wait).
    const { exchangeKindOfUrl } = await import('../protocol/index.ts');
    const kindOf = (exchange: Exchange) => source.kind ?? exchangeKindOfUrl(exchange.request.url);
    const records: HistoryRecord[] = exchanges.map((exchange) => ({
      format: HISTORY_FORMAT,
      id: exchange.id,
      savedAt,
      exchange,
      source: {
        ...source,
        ...(kindOf(exchange) ? { kind: kindOf(exchange) } : {}),
        page,
        // A deliberate fault in the signature is named in history, wherever the exchange was made.
        ...(source.fault || exchange.signing?.fault ? { fault: source.fault ?? exchange.signing?.fault } : {}),
      },
      findings: { request: [], response: [] },
      pinned: false,
    }));
    const store = await historyStore();
    await store.putMany(records);
    problem = undefined;
    changed();
    const completed: HistoryRecord[] = [];
    for (const record of records)
      completed.push({ ...record, findings: await findingsOf(record.exchange, record.source.kind) });
    await store.putMany(completed);
    changed();
  } catch (err) {
    problem = (err as HistoryProblem).kind ? (err as HistoryProblem) : explainStorageError(err);
    changed();
  }
}

export interface HistoryList {
  records: HistoryRecord[];
  unreadable: number;
  /** Stored records that cannot be shown, each with why: listed so each can be deleted. */
  broken: UnreadableRecord[];
  problem?: HistoryProblem;
}

/** How many of the newest records the first screen reads before the whole history is in. */
export const FIRST_SCREEN = 200;

/** The newest records and the total, read first so a long history shows at once. */
export function historyRecentQueryOptions() {
  return queryOptions({
    queryKey: [...queryKeys.history(), 'recent'] as const,
    queryFn: async (): Promise<{ records: HistoryRecord[]; total: number } | null> => {
      try {
        return await (await historyStore()).recent(FIRST_SCREEN);
      } catch {
        return null; // the full read says what is wrong
      }
    },
    staleTime: 0,
  });
}

/** Refreshes every history query (after a change made here or on another page). */
export function invalidateHistory(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: queryKeys.history() });
}

export function historyQueryOptions() {
  return queryOptions({
    queryKey: [...queryKeys.history(), 'all'] as const,
    queryFn: async (): Promise<HistoryList> => {
      try {
        const list = await (await historyStore()).list();
        return problem ? { ...list, problem } : list;
      } catch (err) {
        return {
          records: [],
          unreadable: 0,
          broken: [],
          problem: (err as HistoryProblem).kind ? (err as HistoryProblem) : explainStorageError(err),
        };
      }
    },
    staleTime: 0,
  });
}

/** Pin, unpin, delete, clear (undo puts the records back) and import: each refreshes the list. */
export function historyMutationOptions(client: QueryClient) {
  const done = () => invalidateHistory(client);
  return {
    pin: mutationOptions({
      mutationFn: async ({ record, pinned }: { record: HistoryRecord; pinned: boolean }) =>
        (await historyStore()).put({ ...record, pinned }),
      onSettled: done,
    }),
    remove: mutationOptions({
      mutationFn: async (ids: IDBValidKey[]) => (await historyStore()).delete(ids),
      onSettled: done,
    }),
    clear: mutationOptions({
      mutationFn: async () => (await historyStore()).clear(),
      onSettled: done,
    }),
    restore: mutationOptions({
      mutationFn: async (records: HistoryRecord[]) => (await historyStore()).putMany(records),
      onSettled: done,
    }),
  };
}
