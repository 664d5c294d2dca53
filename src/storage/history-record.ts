import * as z from 'zod/mini';
import { describeIssue } from '../contract/describe-issue.ts';
import { exchangeSchema } from '../contract/exchange.ts';
import { bodyFindingsSchema } from '../contract/finding.ts';

/**
 * One entry of the browser's history, format 2, as a schema: every record is checked against it when it is
 * read, whatever wrote it (this console, an older one, a HAR import, a hand edit in the browser's tools),
 * so the History page is never handed a field it cannot show.
 */
export const HISTORY_FORMAT = 2;

/** Every page a record can name, in the order the History page offers them as a filter. */
export const HISTORY_PAGES = [
  'compose',
  'token',
  'discover',
  'check',
  'interop',
  'keys',
  'webapp',
  'invites',
  'inbox',
  'history',
  'import',
  'other',
] as const;
export type HistoryPage = (typeof HISTORY_PAGES)[number];

export const historySourceSchema = z.object({
  /** The page the exchange was made from (or `history` for a replay, `import` for a HAR file). */
  page: z.enum(HISTORY_PAGES),
  /** The OCM message kind sent, when known (share, notification, token-request…). */
  kind: z.optional(z.string()),
  /** A deliberate fault the request carries, for negative tests. */
  fault: z.optional(z.string()),
  /** The record this one replays. */
  replayOf: z.optional(z.string()),
});
export type HistorySource = z.infer<typeof historySourceSchema>;

export const historyRecordSchema = z.object({
  format: z.literal(HISTORY_FORMAT),
  id: z.string(),
  savedAt: z.string(),
  exchange: exchangeSchema,
  source: historySourceSchema,
  findings: bodyFindingsSchema,
  pinned: z.boolean(),
});
export type HistoryRecord = z.infer<typeof historyRecordSchema>;

/**
 * A HAR entry whose exchange read but whose `_ocm` extras did not: kept as the file held it, with what
 * was wrong and where, so the History page can list it as unreadable and the user can delete it.
 */
export interface HeldBackImport {
  format: typeof HISTORY_FORMAT;
  id: string;
  savedAt: string;
  heldBack: { problem: string; method: string; url: string };
  harEntry: unknown;
}

const heldBackSchema = z.object({
  heldBack: z.object({ problem: z.string(), method: z.string(), url: z.string() }),
});

/** A stored record that cannot be shown: its key (to delete it by), and why. */
export interface UnreadableRecord {
  key: IDBValidKey;
  savedAt?: string;
  problem: string;
  /** The request's method and URL, when they could be read. */
  request?: { method: string; url: string };
}

/** Checks a format-2 record; what was wrong and where when it does not read. */
export function checkRecord(
  raw: unknown,
): HistoryRecord | { unreadable: string; request?: UnreadableRecord['request'] } {
  const held = z.safeParse(heldBackSchema, raw);
  if (held.success) {
    const { problem, method, url } = held.data.heldBack;
    return { unreadable: `from a HAR file: ${problem}`, request: { method, url } };
  }
  const parsed = z.safeParse(historyRecordSchema, raw);
  if (parsed.success) return parsed.data;
  const r = raw as { id?: unknown; exchange?: { request?: { method?: unknown; url?: unknown } } };
  const { method, url } = r.exchange?.request ?? {};
  return {
    unreadable: `record ${String(r.id)}: ${describeIssue(parsed.error.issues, raw)}`,
    ...(typeof method === 'string' && typeof url === 'string' ? { request: { method, url } } : {}),
  };
}
