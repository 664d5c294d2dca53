// The HTTP message model shared by RFC 9421 and draft-cavage: headers as given (object or ordered
// [name, value] pairs, repeats kept), a request with method + URL, or a response with a status and
// optionally the request it answers.

export type HeaderPairs = Array<[string, string]>;
export type HeaderInput = Record<string, string | string[] | number> | HeaderPairs;

export interface HttpRequestInput {
  method: string;
  url: string;
  headers: HeaderInput;
  body?: string | Uint8Array;
  /** Trailer fields, for components with the `tr` parameter. */
  trailers?: HeaderInput;
}

export interface HttpResponseInput {
  status: number;
  headers: HeaderInput;
  body?: string | Uint8Array;
  trailers?: HeaderInput;
  /** The request this response answers, for components with the `req` parameter. */
  request?: HttpRequestInput;
}

export type HttpMessageInput = HttpRequestInput | HttpResponseInput;

export function isRequest(message: HttpMessageInput): message is HttpRequestInput {
  return 'method' in message && typeof (message as HttpRequestInput).method === 'string';
}

/** Headers as an ordered list of pairs, keeping the order and repeats of the input. */
export function headerPairs(headers: HeaderInput | undefined): HeaderPairs {
  if (!headers) return [];
  if (Array.isArray(headers)) return headers.map(([n, v]) => [String(n), String(v)]);
  const out: HeaderPairs = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) out.push([name, String(v)]);
    else out.push([name, String(value)]);
  }
  return out;
}

/** Every value of a header (case-insensitive name), in message order. */
export function headerValues(headers: HeaderInput | undefined, name: string): string[] {
  const lower = name.toLowerCase();
  return headerPairs(headers)
    .filter(([n]) => n.toLowerCase() === lower)
    .map(([, v]) => v);
}

export function hasHeader(headers: HeaderInput | undefined, name: string): boolean {
  return headerValues(headers, name).length > 0;
}

/** A copy of the message with headers appended (as pairs, so the original order is kept). */
export function withHeaders<M extends HttpMessageInput>(message: M, added: HeaderPairs): M {
  return { ...message, headers: [...headerPairs(message.headers), ...added] };
}

/** Field value canonicalisation (RFC 9421 §2.1): trim each line, unfold obs-fold, join with ", ". */
export function canonicalFieldValue(values: string[]): string {
  return values.map(canonicalLine).join(', ');
}

export function canonicalLine(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

export interface UrlParts {
  scheme: string;
  /** host[:port], lower-case, default port left out. */
  authority: string;
  path: string;
  /** Query without '?', or null when the URL has none. */
  query: string | null;
  /** The full target URI as given (scheme and host lower-cased by URL parsing). */
  href: string;
}

/** Splits a request URL. Returns null for a URL that is not absolute. */
export function parseUrl(url: string): UrlParts | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const raw = url.trim();
  // Keep the query exactly as written (URL would re-encode some characters).
  const hashless = raw.split('#')[0] ?? raw;
  const qAt = hashless.indexOf('?');
  const query = qAt === -1 ? null : hashless.slice(qAt + 1);
  const path = parsed.pathname === '' ? '/' : parsed.pathname;
  const authority = parsed.host.toLowerCase();
  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
  const href = `${scheme}://${authority}${path}${query === null ? '' : `?${query}`}`;
  return { scheme, authority, path, query, href };
}
