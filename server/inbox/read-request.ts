import type { Context } from 'hono';
import type { HeaderPairs, StoredBody } from '../../src/contract/inbound.ts';
import { storeBody } from '../stored-body.ts';

interface NodeBindings {
  incoming?: { rawHeaders?: string[]; socket?: { remoteAddress?: string } };
}

export interface RawRequest {
  method: string;
  /** The full URL as this server saw it (origin from the Host header). */
  url: string;
  target: string;
  headers: HeaderPairs;
  remoteAddress: string | null;
  body: StoredBody;
  /** The body bytes kept (at most the limit). */
  bytes: Uint8Array;
  /** Set when the body could not be read whole: too large, or the connection ended early. */
  bodyProblem?: string;
}

/** Headers as they came over the wire: order, case and repeats kept (Node's rawHeaders when available). */
export function rawHeaderPairs(c: Context): HeaderPairs {
  const raw = (c.env as NodeBindings | undefined)?.incoming?.rawHeaders;
  if (raw) {
    const pairs: HeaderPairs = [];
    for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
    return pairs;
  }
  return [...c.req.raw.headers];
}

/**
 * Reads the request without trusting it: at most `maxBytes` are kept, a larger body is counted but
 * dropped, and a connection that ends early keeps what arrived. Never throws.
 */
export async function readRawRequest(c: Context, maxBytes: number): Promise<RawRequest> {
  const url = new URL(c.req.url);
  const headers = rawHeaderPairs(c);
  const remoteAddress = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? null;
  const chunks: Uint8Array[] = [];
  let kept = 0;
  let size = 0;
  let bodyProblem: string | undefined;
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    bodyProblem = `Body too large: Content-Length says ${declared} bytes, the limit is ${maxBytes}. Not read.`;
    size = declared;
  } else if (c.req.raw.body) {
    const reader = c.req.raw.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (kept < maxBytes) {
          const part = value.subarray(0, maxBytes - kept);
          chunks.push(part);
          kept += part.byteLength;
        }
        if (size > maxBytes) {
          bodyProblem = `Body too large: more than ${maxBytes} bytes arrived; the first ${maxBytes} are kept.`;
          await reader.cancel().catch(() => {});
          break;
        }
      }
    } catch (err) {
      bodyProblem = `The body ended early (${(err as Error).message || 'connection closed'}): ${size} bytes arrived${
        Number.isFinite(declared) ? ` of the ${declared} that Content-Length announced` : ''
      }.`;
    }
    if (!bodyProblem && Number.isFinite(declared) && declared !== size) {
      bodyProblem = `Content-Length says ${declared} bytes but ${size} arrived.`;
    }
  }
  const bytes = new Uint8Array(kept);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return {
    method: c.req.method,
    url: url.href,
    target: url.pathname + url.search,
    headers,
    remoteAddress,
    body: storeBody(bytes, size, size > kept),
    bytes,
    bodyProblem,
  };
}
