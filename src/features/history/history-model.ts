import { redact } from '../../lib/redact.ts';
import type { HistoryRecord } from '../../storage/history-store.ts';

/** What the History page filters by; empty strings mean "any". */
export interface HistoryFilter {
  search: string;
  host: string;
  page: string;
  status: '' | '2xx' | '3xx' | '4xx' | '5xx';
  signed: '' | 'signed' | 'unsigned';
}

export const NO_FILTER: HistoryFilter = { search: '', host: '', page: '', status: '', signed: '' };

export function hostOf(record: HistoryRecord): string {
  try {
    return new URL(record.exchange.request.url).host;
  } catch {
    return '';
  }
}

/** Text a search matches: URL, status, method, page, kind and both bodies (as stored, secrets included). */
function haystack(record: HistoryRecord): string {
  const { request, response } = record.exchange;
  return [
    request.method,
    request.url,
    String(response.status),
    record.source.page,
    record.source.kind ?? '',
    record.source.fault ?? '',
    request.body?.encoding === 'utf8' ? request.body.data : '',
    response.body.encoding === 'utf8' ? response.body.data : '',
  ]
    .join('\n')
    .toLowerCase();
}

export function filterRecords(records: readonly HistoryRecord[], filter: HistoryFilter): HistoryRecord[] {
  const words = filter.search.toLowerCase().split(/\s+/).filter(Boolean);
  return records.filter((record) => {
    if (filter.host && hostOf(record) !== filter.host) return false;
    if (filter.page && record.source.page !== filter.page) return false;
    if (filter.status && `${Math.floor(record.exchange.response.status / 100)}xx` !== filter.status) return false;
    if (filter.signed === 'signed' && !record.exchange.signing) return false;
    if (filter.signed === 'unsigned' && record.exchange.signing) return false;
    if (words.length) {
      const text = haystack(record);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}

export type HistoryRow = { type: 'day'; day: string } | { type: 'record'; record: HistoryRecord };

/** Records (newest first) with a heading row before each day's first one, pinned records on top. */
export function rowsByDay(records: readonly HistoryRecord[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const pinned = records.filter((r) => r.pinned);
  if (pinned.length) {
    rows.push({ type: 'day', day: 'Pinned' });
    for (const record of pinned) rows.push({ type: 'record', record });
  }
  let day = '';
  for (const record of records) {
    if (record.pinned) continue;
    const d = record.savedAt.slice(0, 10);
    if (d !== day) {
      day = d;
      rows.push({ type: 'day', day: d });
    }
    rows.push({ type: 'record', record });
  }
  return rows;
}

/** The URL as the list shows it: a token in the query string is masked. */
export function shownUrl(record: HistoryRecord): string {
  return redact(record.exchange.request.url);
}
