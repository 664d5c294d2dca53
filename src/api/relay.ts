import { mutationOptions } from '@tanstack/react-query';
import { safeParse, type z } from 'zod/mini';
import {
  discoverResultSchema,
  relayPreviewResultSchema,
  relayResultSchema,
  type RelayPreviewResult,
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
  const result = await postToRelay(request, relayResultSchema, signal);
  // Kept in the browser's history, exactly as it went over the wire (in the background).
  if ('exchange' in result) void recordExchanges([result.exchange], source);
  return result;
}

async function postToRelay<S extends typeof relayResultSchema | typeof relayPreviewResultSchema>(
  request: RelayRequest,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
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
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    // The console itself refused (not signed in, rate-limited, another origin): say what it said.
    if (response.status === 401) reportUnauthorized();
    const message = (body as { message?: unknown } | null)?.message;
    if (typeof message === 'string') throw new ApiError(`/api/relay: ${message}`, response.status);
    throw new ApiError(`The relay answered an unexpected shape (${response.status}).`, response.status);
  }
  return parsed.data as z.infer<S>;
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

/**
 * A dry run of the relay: the request exactly as it would be sent (Host, Content-Length, Content-Digest,
 * Signature-Input and Signature included) and the signature base, without sending it.
 */
export function previewViaRelay(request: RelayRequest): Promise<RelayPreviewResult> {
  return postToRelay({ ...request, dryRun: true }, relayPreviewResultSchema);
}

export function relayPreviewMutation() {
  return mutationOptions({ mutationFn: (request: RelayRequest) => previewViaRelay(request) });
}

/** Sends one request through the relay (Compose's "Send"): the exchange, or the transport failure, is the result. */
export function relaySendMutation() {
  return mutationOptions({
    mutationFn: (input: RelayRequest | { request: RelayRequest; source: Partial<HistorySource> }) =>
      'request' in input ? sendViaRelay(input.request, undefined, input.source) : sendViaRelay(input),
  });
}
