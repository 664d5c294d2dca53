import { randomUUID } from 'node:crypto';
import type { Exchange, SigningRecord } from '../../src/contract/exchange.ts';
import { storeBody } from '../stored-body.ts';
import type { OutboundResponse, OutboundResult } from './http-client.ts';

/** The response part of an exchange: the body stored as the browser is shown it, with its size and cut. */
function responseRecord(res: OutboundResponse): Exchange['response'] {
  return {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
    body: storeBody(res.body, res.size, res.truncated),
    ...(res.decoded ? { decoded: res.decoded } : {}),
  };
}

export interface SentRequest {
  method: string;
  url: string;
  /** The headers exactly as sent (signature included). */
  headers: [string, string][];
  body?: Uint8Array;
}

/**
 * The one way an `Exchange` is made: the request as it went over the wire, what came back, the timing,
 * and the signing that was done. An empty body is not recorded.
 */
export function exchangeRecord(
  request: SentRequest,
  result: Extract<OutboundResult, { ok: true }>,
  extra: {
    startedAt: string;
    id?: string;
    signing?: SigningRecord | null;
    insecureTls?: boolean;
    notes?: string[];
  },
): Exchange {
  return {
    id: extra.id ?? randomUUID(),
    startedAt: extra.startedAt,
    request: {
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.body?.byteLength ? { body: storeBody(request.body) } : {}),
    },
    response: responseRecord(result.response),
    timing: result.timing,
    signing: extra.signing ?? null,
    insecureTls: extra.insecureTls ?? false,
    notes: extra.notes ?? [],
  };
}
