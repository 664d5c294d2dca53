import type { CheckEvidence } from '../../src/contract/check.ts';
import type { SigningRecord } from '../../src/contract/exchange.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import { exchangeRecord } from '../outbound/exchange-record.ts';

/** Sends one probe and keeps it as evidence, whatever happens. */
export async function probe(
  client: OutboundClient,
  label: string,
  req: { method: string; url: string; headers: [string, string][]; body?: Uint8Array; signing?: SigningRecord | null },
): Promise<CheckEvidence> {
  const startedAt = new Date().toISOString();
  const sent = { method: req.method, url: req.url, headers: req.headers, ...(req.body ? { body: req.body } : {}) };
  const result = await client.send(sent);
  if (!result.ok) return { label, failure: result.failure };
  return { label, exchange: exchangeRecord(sent, result, { startedAt, signing: req.signing ?? null }) };
}
