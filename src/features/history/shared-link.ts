import { safeParse } from 'zod/mini';
import { exchangeSchema, type Exchange } from '../../contract/exchange.ts';
import { fragmentOf, readFragment } from '../../lib/fragment.ts';
import { redact } from '../../lib/redact.ts';
import type { HistoryRecord } from '../../storage/history-store.ts';

export interface SharedExchange {
  exchange: Exchange;
  page?: string;
  kind?: string;
}

/** A link to one exchange, redacted, carried in the fragment: whoever opens it sees it read-only. */
export function exchangeLink(origin: string, record: HistoryRecord): string {
  const shared: SharedExchange = {
    exchange: redact(record.exchange),
    page: record.source.page,
    ...(record.source.kind ? { kind: record.source.kind } : {}),
  };
  return `${origin}/history${fragmentOf('exchange', shared)}`;
}

/** The exchange a link carries; undefined when there is none, a reason when it is broken. */
export function sharedFromHash(hash: string): SharedExchange | { broken: string } | undefined {
  const value = readFragment(hash, 'exchange');
  if (value === undefined) return hash.includes('exchange=') ? { broken: 'the link is cut or damaged' } : undefined;
  const v = value as { exchange?: unknown; page?: unknown; kind?: unknown };
  const exchange = safeParse(exchangeSchema, v.exchange);
  if (!exchange.success) {
    const issue = exchange.error.issues[0];
    return { broken: `its exchange is not readable at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` };
  }
  return {
    exchange: exchange.data,
    ...(typeof v.page === 'string' ? { page: v.page } : {}),
    ...(typeof v.kind === 'string' ? { kind: v.kind } : {}),
  };
}
