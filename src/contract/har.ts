import type { Exchange } from './exchange.ts';
import type { BodyFindings } from './finding.ts';
import type { HeaderPairs, StoredBody } from './inbound.ts';

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) for exchanges as the console's server
 * sent them: the request with every header and the signature, the response, and timings with every
 * field HAR requires. What HAR has no field for (the signature base, the lint findings, what produced
 * the exchange) goes in `_ocm`, since HAR reserves `_`-prefixed names for such extras.
 */
export interface HarEntryExtras {
  source?: { page: string; kind?: string; fault?: string };
  findings?: BodyFindings;
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
