import { connect as tcpConnect, type Socket } from 'node:net';
import { rootCertificates, connect as tlsConnect, type TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, type ZlibOptions } from 'node:zlib';
import { Client, type Dispatcher } from 'undici';
import type { RelayFailure, Timing } from '../../src/contract/exchange.ts';
import { chargeOutbound } from '../guard/outbound-budget.ts';
import { checkTarget, guardedLookup, type GuardPolicy, type LookupFn } from '../guard/ssrf.ts';
import { classifyFailure } from './classify-failure.ts';

export interface OutboundLimits {
  requestBytes: number;
  /** The most a response body may hold, on the wire and again once decoded (gzip, deflate, br). */
  responseBytes: number;
  connectMs: number;
  totalMs: number;
  /** The same for a discovery document or a JWKS fetched with fetchJson (a few KB in practice). */
  documentBytes?: number;
}

/** Discovery documents and key sets are a few kilobytes: a quarter of a megabyte is plenty. */
export const DOCUMENT_BYTES = 256 * 1024;

export const DEFAULT_LIMITS: OutboundLimits = {
  requestBytes: 1024 * 1024,
  responseBytes: 10 * 1024 * 1024,
  connectMs: 5_000,
  totalMs: 20_000,
};

export interface OutboundRequest {
  method: string;
  url: string;
  /** The final headers, in order; Host and Content-Length are set by the caller (they are part of what is signed). */
  headers: [string, string][];
  body?: Uint8Array;
  insecureTls?: boolean;
  timeoutMs?: number;
  /** A lower cap than the client's responseBytes for this request's body (raw and decoded). */
  maxResponseBytes?: number;
}

export interface OutboundResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array;
  /** Bytes that arrived (the body keeps at most the limit). */
  size: number;
  truncated: boolean;
  /** The content-coding that was decoded (gzip, deflate, br), if any. */
  decoded?: string;
}

export type OutboundResult =
  | { ok: true; response: OutboundResponse; timing: Timing; reusedConnection: boolean }
  | { ok: false; failure: RelayFailure; timing: Timing };

const MAX_IDLE_PER_ORIGIN = 16;

export interface OutboundClient {
  send(request: OutboundRequest): Promise<OutboundResult>;
  /** A GET for a JSON document (discovery, JWKS), through the same guard and limits. */
  fetchJson(
    url: string,
    headers?: [string, string][],
  ): Promise<{ ok: true; status: number; json: unknown } | { ok: false; error: string; failure?: RelayFailure }>;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  207: 'Multi-Status',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const DECODERS: Record<string, (body: Uint8Array, options: ZlibOptions) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/**
 * Undoes a content-coding, never past `max` bytes: zlib stops inflating at the cap (a 500 KB gzip
 * bomb is refused after `max` bytes of output, not after the 500 MB it would make).
 */
async function decode(
  body: Uint8Array,
  encoding: string | undefined,
  max: number,
): Promise<{ body: Uint8Array; decoded?: string } | { tooLarge: string }> {
  const given = encoding?.trim().toLowerCase();
  const coding = given === 'x-gzip' ? 'gzip' : given;
  const run = coding ? DECODERS[coding] : undefined;
  if (!coding || !run) return { body };
  try {
    return { body: await run(body, { maxOutputLength: max }), decoded: coding };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { tooLarge: coding };
    // A truncated or corrupt compressed body is shown as it came.
    return { body };
  }
}

/**
 * The server's outbound HTTP: one fresh connection per exchange (so each has its own timing, TLS
 * choice and guard), redirects returned rather than followed, bodies capped, nothing added that the
 * caller did not put in the headers (undici adds only what HTTP/1.1 framing needs).
 */
export function createOutboundClient(
  policy: GuardPolicy,
  limits: OutboundLimits = DEFAULT_LIMITS,
  resolve?: LookupFn,
  trust: { extraCa?: readonly string[] } = {},
): OutboundClient {
  // Lab CAs (--extra-ca) are trusted beside the system's roots, never instead of them.
  const ca = trust.extraCa?.length ? [...rootCertificates, ...trust.extraCa] : undefined;
  async function send(req: OutboundRequest): Promise<OutboundResult> {
    const started = performance.now();
    const timing: Timing = { dns: null, connect: null, tls: null, firstByte: null, total: 0 };
    const finish = () => {
      timing.total = Math.round((performance.now() - started) * 100) / 100;
      return timing;
    };
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return {
        ok: false,
        failure: { kind: 'bad-request', field: 'url', message: `${JSON.stringify(req.url)} is not an absolute URL.` },
        timing: finish(),
      };
    }
    const blocked = checkTarget(url, policy);
    if (blocked)
      return {
        ok: false,
        failure: {
          kind: 'blocked',
          reason: blocked.message,
          message: blocked.message,
          ...(blocked.address ? { address: blocked.address } : {}),
        },
        timing: finish(),
      };
    const allowed = chargeOutbound();
    if (!allowed.ok)
      return {
        ok: false,
        failure: {
          kind: 'rate-limited',
          retryAfterSeconds: allowed.retryAfterSeconds,
          message: `Not sent: this public console allows ${allowed.perMinute} outbound requests a minute per user and per address, each request counted; try again in ${allowed.retryAfterSeconds} s.`,
        },
        timing: finish(),
      };
    if (req.body && req.body.byteLength > limits.requestBytes) {
      return {
        ok: false,
        failure: {
          kind: 'too-large',
          which: 'request',
          limit: limits.requestBytes,
          message: `The request body is ${req.body.byteLength} bytes; the limit is ${limits.requestBytes}.`,
        },
        timing: finish(),
      };
    }
    const https = url.protocol === 'https:';
    const port = Number(url.port || (https ? 443 : 80));
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // The connection's phases are written to whichever exchange is using the client when it connects.
    const holder = { timing };
    const lookup = guardedLookup(policy, resolve, (ms) => (holder.timing.dns = Math.round(ms * 100) / 100));

    // Our own connector: the guarded lookup runs at connect time, and the socket's events give the phases.
    const connector = (_opts: unknown, callback: (err: Error | null, socket: Socket | TLSSocket | null) => void) => {
      const t0 = performance.now();
      const options = {
        host,
        port,
        lookup: lookup as never,
        servername: https && !/^[\d.:]+$/.test(host) ? host : undefined,
        rejectUnauthorized: !req.insecureTls,
        ...(ca ? { ca } : {}),
        ALPNProtocols: ['http/1.1'],
      };
      const socket = https ? tlsConnect(options) : tcpConnect(options);
      const timer = setTimeout(
        () => socket.destroy(Object.assign(new Error('connect timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' })),
        limits.connectMs,
      );
      let tcpDone = t0;
      socket.once('connect', () => {
        tcpDone = performance.now();
        holder.timing.connect = Math.round((tcpDone - t0 - (holder.timing.dns ?? 0)) * 100) / 100;
        if (!https) {
          clearTimeout(timer);
          callback(null, socket);
        }
      });
      if (https) {
        socket.once('secureConnect', () => {
          clearTimeout(timer);
          holder.timing.tls = Math.round((performance.now() - tcpDone) * 100) / 100;
          callback(null, socket);
        });
      }
      socket.once('error', (err) => {
        clearTimeout(timer);
        callback(err, null);
      });
    };
    // One connection at a time per client, so a new connection's timing belongs to this exchange alone;
    // an idle one to the same origin is reused (and its phases reported as null).
    const key = `${url.origin}|${req.insecureTls ? 'insecure' : 'strict'}`;
    let pooled = pool.get(key)?.pop();
    const reused = !!pooled;
    if (pooled) pooled.holder.timing = timing;
    pooled ??= {
      holder,
      client: new Client(url.origin, {
        connect: connector as never,
        headersTimeout: limits.totalMs,
        bodyTimeout: limits.totalMs,
        pipelining: 1,
        keepAliveTimeout: 4_000,
      }),
    };
    const { client } = pooled;
    const totalMs = Math.min(req.timeoutMs ?? limits.totalMs, limits.totalMs * 6);
    const maxBytes = Math.min(req.maxResponseBytes ?? limits.responseBytes, limits.responseBytes);
    // A plain timer: AbortSignal.timeout costs more per exchange than the relay can spare.
    const aborter = new AbortController();
    const { signal } = aborter;
    const deadline = setTimeout(
      () => aborter.abort(Object.assign(new Error('timeout'), { name: 'TimeoutError' })),
      totalMs,
    );
    let healthy = false;
    try {
      const res = await client.request({
        path: `${url.pathname}${url.search}`,
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers.flat(),
        body: req.body && req.body.byteLength ? Buffer.from(req.body) : undefined,
        signal,
      });
      timing.firstByte = Math.round((performance.now() - started) * 100) / 100;
      const chunks: Buffer[] = [];
      let size = 0;
      let kept = 0;
      let truncated = false;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.byteLength;
        if (kept < maxBytes) {
          const part = chunk.subarray(0, maxBytes - kept);
          chunks.push(part);
          kept += part.byteLength;
        }
        if (size > maxBytes) {
          truncated = true;
          res.body.destroy();
          break;
        }
      }
      const raw: [string, string][] = [];
      const rawHeaders = (res as unknown as { rawHeaders?: Buffer[] }).rawHeaders;
      if (rawHeaders)
        for (let i = 0; i + 1 < rawHeaders.length; i += 2)
          raw.push([rawHeaders[i]!.toString('latin1'), rawHeaders[i + 1]!.toString('latin1')]);
      else
        for (const [name, value] of Object.entries(res.headers))
          for (const v of [value].flat()) if (v !== undefined) raw.push([name, String(v)]);
      const encoding = raw.find(([n]) => n.toLowerCase() === 'content-encoding')?.[1];
      const body = Buffer.concat(chunks);
      const out = truncated ? { body: new Uint8Array(body) } : await decode(new Uint8Array(body), encoding, maxBytes);
      if ('tooLarge' in out)
        return {
          ok: false,
          failure: {
            kind: 'too-large',
            which: 'response',
            limit: maxBytes,
            message: `The response's decoded size exceeded ${maxBytes} bytes: its ${size} ${out.tooLarge}-encoded bytes inflate past the limit, so decoding stopped there.`,
          },
          timing: finish(),
        };
      healthy = !truncated && !raw.some(([n, v]) => n.toLowerCase() === 'connection' && /close/i.test(v));
      return {
        ok: true,
        response: {
          status: res.statusCode,
          statusText: STATUS_TEXT[res.statusCode] ?? '',
          headers: raw,
          body: out.body,
          size,
          truncated,
          ...(out.decoded ? { decoded: out.decoded } : {}),
        },
        timing: finish(),
        reusedConnection: reused,
      };
    } catch (err) {
      const elapsed = performance.now() - started;
      const failure = classifyFailure(
        signal.aborted ? Object.assign(new Error('timeout'), { name: 'TimeoutError' }) : err,
        { host, address: `${url.hostname}:${port}`, elapsedMs: elapsed, totalTimeoutMs: totalMs },
      );
      return { ok: false, failure, timing: finish() };
    } finally {
      clearTimeout(deadline);
      if (healthy && !client.closed && !client.destroyed) {
        const list = pool.get(key) ?? [];
        if (list.length < MAX_IDLE_PER_ORIGIN) {
          list.push(pooled);
          pool.set(key, list);
        } else void client.close().catch(() => undefined);
      } else void client.destroy().catch(() => undefined);
    }
  }

  /** Idle connections by origin and TLS mode; undici closes them after the keep-alive timeout. */
  const pool = new Map<string, { client: Client; holder: { timing: Timing } }[]>();

  return {
    send,
    async fetchJson(url, headers = []) {
      let host: string;
      try {
        host = new URL(url).host;
      } catch {
        return { ok: false, error: `${url} is not an absolute URL` };
      }
      const max = Math.min(limits.documentBytes ?? DOCUMENT_BYTES, limits.responseBytes);
      const result = await send({
        method: 'GET',
        url,
        headers: [['Host', host], ['Accept', 'application/json'], ...headers],
        maxResponseBytes: max,
      });
      if (!result.ok) return { ok: false, error: result.failure.message, failure: result.failure };
      if (result.response.truncated) {
        const message = `${url} answered more than ${max} bytes; a discovery document or key set may hold at most ${max}.`;
        return { ok: false, error: message, failure: { kind: 'too-large', which: 'response', limit: max, message } };
      }
      const text = new TextDecoder().decode(result.response.body);
      try {
        return { ok: true, status: result.response.status, json: JSON.parse(text) };
      } catch {
        return result.response.status === 200
          ? { ok: false, error: `${url} answered 200 with something that is not JSON` }
          : { ok: true, status: result.response.status, json: null };
      }
    },
  };
}
