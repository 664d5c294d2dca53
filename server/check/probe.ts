import type { Exchange, RelayFailure, SigningRecord } from '../../src/contract/exchange.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import { exchangeRecord } from '../outbound/exchange-record.ts';

export interface Evidence {
  label: string;
  exchange?: Exchange;
  failure?: RelayFailure;
}

/** Sends one probe and keeps it as evidence, whatever happens. */
export async function probe(
  client: OutboundClient,
  label: string,
  req: { method: string; url: string; headers: [string, string][]; body?: Uint8Array; signing?: SigningRecord | null },
): Promise<Evidence> {
  const startedAt = new Date().toISOString();
  const sent = { method: req.method, url: req.url, headers: req.headers, ...(req.body ? { body: req.body } : {}) };
  const result = await client.send(sent);
  if (!result.ok) return { label, failure: result.failure };
  return { label, exchange: exchangeRecord(sent, result, { startedAt, signing: req.signing ?? null }) };
}

export function statusOf(e: Evidence): number | undefined {
  return e.exchange?.response.status;
}

export function jsonOf(e: Evidence): unknown {
  try {
    return e.exchange ? JSON.parse(e.exchange.response.body.data) : undefined;
  } catch {
    return undefined;
  }
}

export function seenOf(e: Evidence): string {
  if (e.failure) return `no answer: ${e.failure.message}`;
  const body = e.exchange!.response.body.data.slice(0, 160);
  return `${e.exchange!.response.status}${body ? ` ${body}` : ''}`;
}
