import type { FetchJson } from '../signer/verify-inbound.ts';

export interface SentRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

export interface ReceivedResponse {
  status: number;
  headers: [string, string][];
  body: string;
}

/** How a demo peer reaches other servers: discovery and keys (JSON), and the OCM calls it sends. */
export interface PeerNet {
  fetchJson: FetchJson;
  send(request: SentRequest): Promise<{ ok: true; response: ReceivedResponse } | { ok: false; error: string }>;
}

// Set by fetch itself from the URL and body; passing them would be refused or duplicated.
const SET_BY_FETCH = new Set(['host', 'content-length', 'connection']);

/**
 * The peers' HTTP client: Node's fetch with short timeouts and no redirects followed. Demo peers only
 * talk to servers on this machine (the console, each other) unless a user points them elsewhere.
 */
export function fetchNet(timeoutMs = 10_000): PeerNet {
  return {
    async fetchJson(url) {
      try {
        const res = await fetch(url, {
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: { accept: 'application/json' },
        });
        const text = await res.text();
        try {
          return { ok: true, status: res.status, json: JSON.parse(text) };
        } catch {
          return res.ok
            ? { ok: false, error: `${url} answered ${res.status} with something that is not JSON` }
            : { ok: true, status: res.status, json: null };
        }
      } catch (err) {
        // No HTTP answer: a slow server is worth asking at its other path, an unreachable one is not.
        const failure =
          (err as Error).name === 'TimeoutError'
            ? { kind: 'timeout' as const, phase: 'total' }
            : { kind: 'network' as const };
        return { ok: false, error: describeFetchError(err), failure };
      }
    },
    async send(request) {
      try {
        const res = await fetch(request.url, {
          method: request.method,
          headers: request.headers.filter(([name]) => !SET_BY_FETCH.has(name.toLowerCase())),
          body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        return { ok: true, response: { status: res.status, headers: [...res.headers], body: await res.text() } };
      } catch (err) {
        return { ok: false, error: describeFetchError(err) };
      }
    },
  };
}

function describeFetchError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if ((err as Error).name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
