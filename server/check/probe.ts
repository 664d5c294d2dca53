import { randomUUID } from 'node:crypto';
import type { Exchange, RelayFailure, SigningRecord } from '../../src/contract/exchange.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import { responseRecord } from '../routes/relay.ts';
import { storeBody } from '../stored-body.ts';

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
  const result = await client.send({
    method: req.method,
    url: req.url,
    headers: req.headers,
    ...(req.body ? { body: req.body } : {}),
  });
  if (!result.ok) return { label, failure: result.failure };
  return {
    label,
    exchange: {
      id: randomUUID(),
      startedAt,
      request: {
        method: req.method,
        url: req.url,
        headers: req.headers,
        ...(req.body?.byteLength ? { body: storeBody(req.body) } : {}),
      },
      response: responseRecord(result.response),
      timing: result.timing,
      signing: req.signing ?? null,
      insecureTls: false,
      notes: [],
    },
  };
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
