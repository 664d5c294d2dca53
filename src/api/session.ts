import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { parseSessionState, type SessionState } from '../contract/session.ts';
import { ApiError } from './errors.ts';
import { queryKeys } from './query-keys.ts';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called by every API call that got 401: the console is public and this browser is not signed in. */
export function reportUnauthorized(): void {
  for (const listener of listeners) listener();
}

/** Subscribes to 401s from any API call; returns the unsubscribe function. */
export function onUnauthorized(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function callSession(method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<SessionState> {
  let response: Response;
  try {
    response = await fetch('/api/session', {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(`The console's server did not answer (${(err as Error).message}). Is it still running?`);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (json as { message?: unknown } | null)?.message;
    throw new ApiError(
      typeof message === 'string' ? message : `/api/session answered ${response.status}`,
      response.status,
    );
  }
  const parsed = parseSessionState(json);
  if (typeof parsed === 'string') throw new ApiError(`/api/session answered an unexpected shape: ${parsed}`);
  return parsed;
}

/** Whether this console needs signing in (a public instance) and whether this browser is. */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.session(),
    queryFn: () => callSession('GET'),
    staleTime: Infinity,
  });
}

/** Signs in with the access token; everything read before is read again with the new session. */
export function signInMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: (token: string) => callSession('POST', { token }),
    onSuccess: async (state) => {
      client.setQueryData(queryKeys.session(), state);
      await client.invalidateQueries({ predicate: (q) => q.queryKey[1] !== 'session' });
    },
  });
}

/** Signs out: the session ends on the server, and nothing read with it stays in this page. */
export function signOutMutationOptions(client: QueryClient) {
  return mutationOptions({
    mutationFn: () => callSession('DELETE'),
    onSuccess: (state) => {
      client.removeQueries({ predicate: (q) => q.queryKey[1] !== 'session' });
      client.setQueryData(queryKeys.session(), state);
    },
  });
}
