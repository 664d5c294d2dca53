import { mutationOptions } from '@tanstack/react-query';
import { safeParse } from 'zod/mini';
import {
  discoverResultSchema,
  relayResultSchema,
  type DiscoverResult,
  type RelayRequest,
  type RelayResult,
} from '../contract/exchange.ts';
import { ApiError, requestJson } from './http.ts';
import { recordExchanges } from './history.ts';
import { reportUnauthorized } from './session.ts';
import type { HistorySource } from '../storage/history-store.ts';

/**
 * Sends a request through the console's relay. The target goes in `x-relay-target` as well (the relay
 * refuses calls without it, which keeps other web pages from using it). A transport failure is a
 * result, like an answer; only a broken relay is an error.
 */
export async function sendViaRelay(
  request: RelayRequest,
  signal?: AbortSignal,
  source: Partial<HistorySource> = {},
): Promise<RelayResult> {
  let response: Response;
  try {
    response = await fetch('/api/relay', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-relay-target': request.url },
      body: JSON.stringify(request),
      signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(`The console's server did not answer (${(err as Error).message}). Is it still running?`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The relay answered ${response.status} with something that is not JSON.`, response.status);
  }
  const parsed = safeParse(relayResultSchema, body);
  if (!parsed.success) {
    // The console itself refused (not signed in, rate-limited, another origin): say what it said.
    if (response.status === 401) reportUnauthorized();
    const message = (body as { message?: unknown } | null)?.message;
    if (typeof message === 'string') throw new ApiError(`/api/relay: ${message}`, response.status);
    throw new ApiError(`The relay answered an unexpected shape (${response.status}).`, response.status);
  }
  // Kept in the browser's history, exactly as it went over the wire (in the background).
  if ('exchange' in parsed.data) void recordExchanges([parsed.data.exchange], source);
  return parsed.data;
}

export async function discover(
  target: string,
  options: { ua?: string; scheme?: 'http' | 'https' } = {},
  signal?: AbortSignal,
): Promise<DiscoverResult> {
  const query = new URLSearchParams({
    target,
    ...(options.ua ? { ua: options.ua } : {}),
    ...(options.scheme ? { scheme: options.scheme } : {}),
  });
  const result = await requestJson(`/api/discover?${query}`, discoverResultSchema, { signal });
  const exchanges = [result.wellKnown.exchange, result.legacy?.exchange].filter((e) => e !== undefined);
  void recordExchanges(exchanges, { kind: 'discovery' });
  return result;
}

/** Sends one request through the relay (Compose's "Send"): the exchange, or the transport failure, is the result. */
export function relaySendMutation() {
  return mutationOptions({ mutationFn: (request: RelayRequest) => sendViaRelay(request) });
}
