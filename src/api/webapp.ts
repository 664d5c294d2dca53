import { queryOptions } from '@tanstack/react-query';
import { inboundRecordSchema } from '../contract/inbound.ts';
import type { RelayResult } from '../contract/exchange.ts';
import { tokenRequestForm } from '../protocol/endpoints.ts';
import { tokenEndpointOf } from '../protocol/webapp.ts';
import { requestJson } from './http.ts';
import { queryKeys } from './query-keys.ts';
import { discover, sendViaRelay } from './relay.ts';

/** One received message, by its inbox id (the webapp lab's deep link). */
export function inboxRecordQueryOptions(id: string) {
  return queryOptions({
    queryKey: queryKeys.inbox.record(id),
    queryFn: ({ signal }) => requestJson(`/api/inbox/${encodeURIComponent(id)}`, inboundRecordSchema, { signal }),
  });
}

/** The targets this console advertises in its own discovery (`webapp-receive.targets`). */
export function ownWebappTargetsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.webapp.ownTargets(),
    queryFn: async ({ signal }): Promise<string[]> => {
      const res = await fetch('/.well-known/ocm', { signal, credentials: 'same-origin' });
      const doc = (await res.json()) as { resourceTypes?: { protocols?: Record<string, unknown> }[] };
      for (const t of doc.resourceTypes ?? []) {
        const receive = t.protocols?.['webapp-receive'] as { targets?: unknown } | undefined;
        if (Array.isArray(receive?.targets)) return receive.targets.filter((x): x is string => typeof x === 'string');
      }
      return [];
    },
    staleTime: Infinity,
  });
}

export interface WebappToken {
  /** What happened, in one line. */
  summary: string;
  token?: string;
  expiresIn?: number;
  /** The token request as it went through the relay (signed), when one was sent. */
  result?: RelayResult;
}

/**
 * The code flow for a web app share: the sender's token endpoint from its discovery, then a signed,
 * form-encoded authorization_code request through the relay (kept in History like every exchange).
 */
export async function exchangeWebappCode(input: {
  sender: string;
  code: string;
  clientId: string;
}): Promise<WebappToken> {
  let tokenEndPoint: string | undefined;
  try {
    tokenEndPoint = tokenEndpointOf((await discover(input.sender)).document);
  } catch (err) {
    return { summary: `Discovery of ${input.sender} failed: ${(err as Error).message}` };
  }
  if (!tokenEndPoint) return { summary: `${input.sender} publishes no tokenEndPoint (nor an endPoint).` };
  const result = await sendViaRelay({
    method: 'POST',
    url: tokenEndPoint,
    headers: [
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Accept', 'application/json'],
    ],
    body: { encoding: 'utf8', data: tokenRequestForm({ clientId: input.clientId, code: input.code }) },
    sign: 'ocm',
  });
  if ('failure' in result) return { summary: result.failure.message, result };
  const { status, body } = result.exchange.response;
  try {
    const parsed = JSON.parse(body.data) as Record<string, unknown>;
    if (status === 200 && typeof parsed.access_token === 'string')
      return {
        token: parsed.access_token,
        ...(typeof parsed.expires_in === 'number' ? { expiresIn: parsed.expires_in } : {}),
        summary: `${tokenEndPoint} answered 200 with a token${typeof parsed.expires_in === 'number' ? `, valid ${parsed.expires_in} s` : ''}.`,
        result,
      };
    return {
      summary: `${tokenEndPoint} answered ${status}${typeof parsed.error === 'string' ? ` with error "${parsed.error}"` : ''}.`,
      result,
    };
  } catch {
    return { summary: `${tokenEndPoint} answered ${status} with something that is not JSON.`, result };
  }
}

/** The app URL's response headers, fetched through the relay without any token (a plain GET). */
export function appHeadersQueryOptions(uri: string) {
  return queryOptions({
    queryKey: queryKeys.webapp.appHeaders(uri),
    queryFn: ({ signal }): Promise<RelayResult> =>
      sendViaRelay({ method: 'GET', url: uri, headers: [['Accept', 'text/html']] }, signal),
    staleTime: 0,
  });
}
