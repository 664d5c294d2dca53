import * as z from 'zod/mini';
import type { Exchange } from './exchange.ts';
import type { Finding } from './finding.ts';
import type { HeaderPairs, StoredBody } from './inbound.ts';

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) for exchanges as the console's server
 * sent them: the request with every header and the signature, the response, and timings with every
 * field HAR requires. What HAR has no field for (the signature base, the lint findings, what produced
 * the exchange) goes in `_ocm`, since HAR reserves `_`-prefixed names for such extras.
 */
export interface HarEntryExtras {
  source?: { page: string; kind?: string; fault?: string };
  findings?: { request: Finding[]; response: Finding[] };
}

interface HarHeader {
  name: string;
  value: string;
}

const harHeaders = (pairs: HeaderPairs): HarHeader[] => pairs.map(([name, value]) => ({ name, value }));
const headerValue = (pairs: HeaderPairs, name: string) =>
  pairs.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

function queryString(url: string): HarHeader[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** HAR timings from the relay's measurements: unmeasured phases are -1, and `time` is their sum. */
export function harTimings(timing: Exchange['timing']) {
  const dns = timing.dns ?? -1;
  // HAR counts TLS inside `connect` and repeats it in `ssl`.
  const connect = timing.connect === null ? -1 : timing.connect + (timing.tls ?? 0);
  const ssl = timing.tls ?? -1;
  const before = Math.max(dns, 0) + Math.max(connect, 0);
  const firstByte = timing.firstByte ?? timing.total;
  const wait = Math.max(0, firstByte - before);
  const receive = Math.max(0, timing.total - Math.max(firstByte, before));
  const timings = { blocked: -1, dns, connect, send: 0, wait, receive, ssl };
  const time = Math.max(dns, 0) + Math.max(connect, 0) + wait + receive;
  return { time, timings };
}

function postData(body: StoredBody | undefined, headers: HeaderPairs) {
  if (!body || body.size === 0) return undefined;
  return {
    mimeType: headerValue(headers, 'content-type') ?? '',
    text: body.data,
    // Not in HAR 1.2 for requests (only responses have `encoding`): a binary body says so here.
    ...(body.encoding === 'base64' ? { _encoding: 'base64' } : {}),
  };
}

export function exchangeToHarEntry(exchange: Exchange, extras: HarEntryExtras = {}) {
  const { request, response } = exchange;
  const { time, timings } = harTimings(exchange.timing);
  return {
    startedDateTime: exchange.startedAt,
    time,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: harHeaders(request.headers),
      queryString: queryString(request.url),
      ...(postData(request.body, request.headers) ? { postData: postData(request.body, request.headers) } : {}),
      headersSize: -1,
      bodySize: request.body?.size ?? 0,
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: harHeaders(response.headers),
      content: {
        size: response.body.size,
        mimeType: headerValue(response.headers, 'content-type') ?? '',
        text: response.body.data,
        ...(response.body.encoding === 'base64' ? { encoding: 'base64' } : {}),
      },
      redirectURL: headerValue(response.headers, 'location') ?? '',
      headersSize: -1,
      bodySize: response.body.size,
    },
    cache: {},
    timings,
    _ocm: {
      id: exchange.id,
      signing: exchange.signing,
      notes: exchange.notes,
      insecureTls: exchange.insecureTls,
      ...(response.decoded ? { decoded: response.decoded } : {}),
      ...(request.body?.truncated || response.body.truncated
        ? { truncated: { request: !!request.body?.truncated, response: response.body.truncated } }
        : {}),
      ...extras,
    },
  };
}

export type HarEntry = ReturnType<typeof exchangeToHarEntry>;

export function toHar(entries: HarEntry[], version: string) {
  return {
    log: {
      version: '1.2',
      creator: { name: 'OCM Explorer', version },
      pages: [],
      entries,
      comment: 'Requests exactly as the OCM Explorer relay sent them; _ocm holds signature bases and lint findings.',
    },
  };
}

// Import: what another tool (a browser's network panel, Bruno, …) exported, read strictly enough to
// say which entry and field is wrong, and leniently about what HAR makes optional.
const nameValue = z.object({ name: z.string(), value: z.string() });
const harEntrySchema = z.object({
  startedDateTime: z.string(),
  time: z.number(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(nameValue),
    postData: z.optional(z.object({ mimeType: z.optional(z.string()), text: z.optional(z.string()) })),
  }),
  response: z.object({
    status: z.number(),
    statusText: z.string(),
    headers: z.array(nameValue),
    content: z.object({
      size: z.optional(z.number()),
      text: z.optional(z.string()),
      encoding: z.optional(z.string()),
    }),
  }),
  timings: z.optional(
    z.object({
      dns: z.optional(z.number()),
      connect: z.optional(z.number()),
      ssl: z.optional(z.number()),
      wait: z.optional(z.number()),
      receive: z.optional(z.number()),
    }),
  ),
});
const harSchema = z.object({ log: z.object({ version: z.string(), entries: z.array(z.unknown()) }) });

export type HarImport =
  { ok: true; exchanges: Array<{ exchange: Exchange; extras: HarEntryExtras }> } | { ok: false; error: string };

const sizeOf = (text: string, encoding: 'utf8' | 'base64') =>
  encoding === 'base64' ? Math.floor((text.replace(/=+$/, '').length * 3) / 4) : new TextEncoder().encode(text).length;

function storedBody(text: string | undefined, base64: boolean): StoredBody {
  const encoding = base64 ? 'base64' : 'utf8';
  return { encoding, data: text ?? '', size: sizeOf(text ?? '', encoding), truncated: false };
}

function where(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/** Reads a HAR file; an error names the entry and the field (e.g. `entries[3].request.url: …`). */
export function importHar(text: string, newId: () => string): HarImport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `Not JSON: ${(err as Error).message}` };
  }
  const file = z.safeParse(harSchema, json);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    return { ok: false, error: `Not a HAR file: ${where(issue.path).slice(1) || '(root)'}: ${issue.message}` };
  }
  const exchanges: Array<{ exchange: Exchange; extras: HarEntryExtras }> = [];
  for (const [i, raw] of file.data.log.entries.entries()) {
    const entry = z.safeParse(harEntrySchema, raw);
    if (!entry.success) {
      const issue = entry.error.issues[0]!;
      return { ok: false, error: `entries[${i}]${where(issue.path)}: ${issue.message}` };
    }
    const e = entry.data;
    const ocm = (raw as { _ocm?: Record<string, unknown> })._ocm ?? {};
    const requestBody = e.request.postData?.text;
    const t = e.timings ?? {};
    const phase = (v: number | undefined) => (v === undefined || v < 0 ? null : v);
    const ssl = phase(t.ssl);
    const connect = phase(t.connect);
    exchanges.push({
      exchange: {
        id: newId(),
        startedAt: e.startedDateTime,
        request: {
          method: e.request.method,
          url: e.request.url,
          headers: e.request.headers.map((h) => [h.name, h.value]),
          ...(requestBody
            ? {
                body: storedBody(
                  requestBody,
                  (e.request.postData as { _encoding?: string } | undefined)?._encoding === 'base64',
                ),
              }
            : {}),
        },
        response: {
          status: e.response.status,
          statusText: e.response.statusText,
          headers: e.response.headers.map((h) => [h.name, h.value]),
          body: storedBody(e.response.content.text, e.response.content.encoding === 'base64'),
        },
        timing: {
          dns: phase(t.dns),
          connect: connect === null ? null : Math.max(0, connect - (ssl ?? 0)),
          tls: ssl,
          firstByte: null,
          total: e.time,
        },
        signing: (ocm.signing as Exchange['signing'] | undefined) ?? null,
        insecureTls: ocm.insecureTls === true,
        notes: Array.isArray(ocm.notes) ? ocm.notes.filter((n): n is string => typeof n === 'string') : [],
      },
      extras: {
        ...(ocm.source ? { source: ocm.source as HarEntryExtras['source'] } : {}),
        ...(ocm.findings ? { findings: ocm.findings as HarEntryExtras['findings'] } : {}),
      },
    });
  }
  return { ok: true, exchanges };
}
