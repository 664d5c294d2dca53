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

/** What a demo peer reads of an answer: discovery and keys are a few KB, an OCM answer not much more. */
export const PEER_READ_BYTES = { document: 256 * 1024, answer: 1024 * 1024 };

/**
 * The body as text, read chunk by chunk and given up past `max` bytes. fetch undoes gzip, deflate and br
 * as the chunks are read, so this caps the decoded size too: a bomb is cut after `max` bytes of output.
 */
async function readCapped(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge(max);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the answer's decoded size exceeded ${limit} bytes`);
  }
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
        const text = await readCapped(res, PEER_READ_BYTES.document);
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
          err instanceof TooLarge
            ? { kind: 'too-large' as const }
            : (err as Error).name === 'TimeoutError'
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
        const body = await readCapped(res, PEER_READ_BYTES.answer);
        return { ok: true, response: { status: res.status, headers: [...res.headers], body } };
      } catch (err) {
        return { ok: false, error: describeFetchError(err) };
      }
    },
  };
}

function describeFetchError(err: unknown): string {
  if (err instanceof TooLarge) return err.message;
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if ((err as Error).name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
