// Component identifiers and their values (RFC 9421 §2): HTTP fields with sf/key/bs/req/tr, and the
// derived components @method @target-uri @authority @scheme @request-target @path @query
// @query-param @status.
import {
  parseDictionary,
  parseItem,
  parseList,
  serializeDictionary,
  serializeInnerList,
  serializeItem,
  serializeList,
  type BareItem,
  type InnerList,
  type Item,
  type Parameters,
} from 'structured-headers';
import { toBase64, utf8 } from '../bytes.ts';
import {
  canonicalFieldValue,
  canonicalLine,
  headerValues,
  isRequest,
  parseUrl,
  type HttpMessageInput,
  type HttpRequestInput,
} from '../message.ts';
import { fail, ok, type Result, errorText } from '../result.ts';

export type ComponentId = Item;

export const DERIVED = [
  '@method',
  '@target-uri',
  '@authority',
  '@scheme',
  '@request-target',
  '@path',
  '@query',
  '@query-param',
  '@status',
] as const;

/** Structured field types we know, for `sf` and `key` (RFC 9421 §2.1.1: the type must be known). */
const STRUCTURED_TYPES: Record<string, 'dictionary' | 'list' | 'item'> = {
  signature: 'dictionary',
  'signature-input': 'dictionary',
  'accept-signature': 'dictionary',
  'content-digest': 'dictionary',
  'repr-digest': 'dictionary',
  'want-content-digest': 'dictionary',
  'want-repr-digest': 'dictionary',
  priority: 'dictionary',
  'cdn-cache-control': 'dictionary',
  'example-dict': 'dictionary',
  'cache-status': 'list',
  'proxy-status': 'list',
  'accept-ch': 'list',
  'client-cert': 'item',
  'client-cert-chain': 'list',
};

/** The serialised form used in signature bases and for comparing identifiers: `"@query-param";name="Pet"`. */
export function componentKey(id: ComponentId): string {
  return serializeItem(id);
}

export function componentName(id: ComponentId): string {
  return String(id[0]);
}

/**
 * Parses covered components as users write them: `"@method" "@path" "content-digest";req`, or a list of
 * such strings, or bare names (`@method`). Returns an error naming the component that does not parse.
 */
export function parseComponents(input: string | readonly string[]): Result<ComponentId[]> {
  // Servers sign with the same few component lists over and over: parse each once.
  const cacheKey = typeof input === 'string' ? input : input.join('\u0000');
  const cached = parsedLists.get(cacheKey);
  if (cached) return cached;
  const result = parseComponentsUncached(input);
  if (parsedLists.size > 200) parsedLists.clear();
  parsedLists.set(cacheKey, result);
  return result;
}

const parsedLists = new Map<string, Result<ComponentId[]>>();

function parseComponentsUncached(input: string | readonly string[]): Result<ComponentId[]> {
  const pieces = typeof input === 'string' ? [input] : input;
  const out: ComponentId[] = [];
  for (const piece of pieces) {
    const text = piece.trim();
    if (!text) continue;
    const quoted = text.startsWith('"')
      ? text
      : text
          .split(/\s+/)
          .map((n) => JSON.stringify(n.toLowerCase()))
          .join(' ');
    try {
      const list = parseList(`(${quoted.replace(/^\(|\)$/g, '')})`);
      const inner = list[0] as InnerList;
      for (const item of inner[0]) {
        if (typeof item[0] !== 'string')
          return fail('bad-component', `component ${serializeItem(item)} must be a quoted string`, text);
        out.push(item);
      }
    } catch (error) {
      return fail('bad-component', `cannot read the component list ${JSON.stringify(text)}: ${errorText(error)}`, text);
    }
  }
  const seen = new Set<string>();
  for (const id of out) {
    const key = canonicalKey(id);
    if (seen.has(key))
      return fail(
        'duplicate-component',
        `component ${componentKey(id)} is listed twice (RFC 9421 §2)`,
        componentKey(id),
      );
    seen.add(key);
  }
  return ok(out);
}

/** Parameter order does not matter when comparing identifiers (RFC 9421 §2). */
export function canonicalKey(id: ComponentId): string {
  const params = [...id[1].entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return serializeItem(id[0], new Map(params));
}

export interface ComponentContext {
  message: HttpMessageInput;
}

// The application/x-www-form-urlencoded percent-encode set: everything but ASCII alphanumerics and *-._
function formEncode(text: string): string {
  let out = '';
  for (const byte of utf8(text)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9*\-._]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function fieldValue(id: ComponentId, message: HttpMessageInput, name: string): Result<string> {
  const params = id[1];
  const where = componentKey(id);
  const source = params.get('tr') === true ? message.trailers : message.headers;
  const values = headerValues(source, name);
  if (values.length === 0) {
    return fail(
      'missing-component',
      `the ${params.get('tr') === true ? 'trailer' : 'header'} "${name}" is covered by the signature but not present in the ${isRequest(message) ? 'request' : 'response'}`,
      where,
    );
  }
  const bs = params.get('bs') === true;
  const sf = params.get('sf') === true;
  const key = params.get('key');
  if (bs && (sf || key !== undefined))
    return fail('bad-component', `"bs" cannot be combined with "sf" or "key" (RFC 9421 §2.1)`, where);
  if (bs) {
    const list = values.map((v): Item => [utf8(canonicalLine(v)).buffer as ArrayBuffer, new Map()]);
    return ok(serializeList(list));
  }
  const combined = canonicalFieldValue(values);
  if (!sf && key === undefined) return ok(combined);
  const type = STRUCTURED_TYPES[name];
  if (key !== undefined) {
    if (typeof key !== 'string') return fail('bad-component', `the "key" parameter must be a string`, where);
    if (type !== undefined && type !== 'dictionary')
      return fail(
        'bad-component',
        `"${name}" is a structured ${type}, not a Dictionary, so "key" does not apply`,
        where,
      );
    try {
      const dict = parseDictionary(combined);
      const member = dict.get(key);
      if (!member)
        return fail(
          'missing-component',
          `the Dictionary "${name}" has no member "${key}" (it has: ${[...dict.keys()].join(', ') || 'none'})`,
          where,
        );
      return ok(Array.isArray(member[0]) ? serializeInnerList(member as InnerList) : serializeItem(member as Item));
    } catch (error) {
      return fail('bad-component', `"${name}" is not a valid structured Dictionary: ${errorText(error)}`, where);
    }
  }
  if (!type)
    return fail(
      'bad-component',
      `"sf" needs the structured type of "${name}", which is not known here (known: ${Object.keys(STRUCTURED_TYPES).join(', ')})`,
      where,
    );
  try {
    if (type === 'dictionary') return ok(serializeDictionary(parseDictionary(combined)));
    if (type === 'list') return ok(serializeList(parseList(combined)));
    return ok(serializeItem(parseItem(combined)));
  } catch (error) {
    return fail('bad-component', `"${name}" is not a valid structured ${type}: ${errorText(error)}`, where);
  }
}

function derivedValue(
  id: ComponentId,
  request: HttpRequestInput | undefined,
  message: HttpMessageInput,
  name: string,
): Result<string> {
  const where = componentKey(id);
  if (name === '@status') {
    if (isRequest(message))
      return fail('bad-component', '"@status" applies to responses only (RFC 9421 §2.2.9)', where);
    const status = (message as { status: number }).status;
    if (!Number.isInteger(status) || status < 100 || status > 999)
      return fail('bad-message', `the response status ${status} is not a three-digit code`, where);
    return ok(String(status));
  }
  if (!request) {
    return fail(
      'bad-component',
      `${name} is derived from a request; in a response it needs the "req" parameter and the related request`,
      where,
    );
  }
  if (name === '@method') return ok(request.method);
  const url = parseUrl(request.url);
  if (!url) return fail('bad-message', `the request URL ${JSON.stringify(request.url)} is not an absolute URL`, 'url');
  switch (name) {
    case '@target-uri':
      return ok(url.href);
    case '@authority':
      return ok(url.authority);
    case '@scheme':
      return ok(url.scheme);
    case '@request-target':
      return ok(url.query === null ? url.path : `${url.path}?${url.query}`);
    case '@path':
      return ok(url.path);
    case '@query':
      return ok(`?${url.query ?? ''}`);
    case '@query-param': {
      const wanted = id[1].get('name');
      if (typeof wanted !== 'string')
        return fail('bad-component', '"@query-param" needs a name parameter, e.g. "@query-param";name="id"', where);
      const values = [...new URLSearchParams(url.query ?? '')]
        .filter(([n]) => formEncode(n) === wanted)
        .map(([, v]) => formEncode(v));
      if (values.length === 0) return fail('missing-component', `the query has no parameter named "${wanted}"`, where);
      if (values.length > 1)
        return fail(
          'bad-component',
          `the query parameter "${wanted}" occurs ${values.length} times; sign "@query" instead`,
          where,
        );
      return ok(values[0]!);
    }
    default:
      return fail('unknown-component', `unknown derived component ${name} (known: ${DERIVED.join(' ')})`, where);
  }
}

const FIELD_PARAMS = new Set(['sf', 'key', 'bs', 'req', 'tr']);

/** The canonical value of one covered component in the message. */
export function componentValue(id: ComponentId, message: HttpMessageInput): Result<string> {
  const name = componentName(id);
  const where = componentKey(id);
  const params = id[1];
  const derived = name.startsWith('@');
  for (const [p, v] of params) {
    const allowed = derived ? p === 'req' || (p === 'name' && name === '@query-param') : FIELD_PARAMS.has(p);
    if (!allowed)
      return fail(
        'bad-component',
        `parameter "${p}" does not apply to ${name} (RFC 9421 §2.5: unknown parameters are an error)`,
        where,
      );
    if (p !== 'name' && p !== 'key' && v !== true)
      return fail('bad-component', `parameter "${p}" must be a boolean flag (written ;${p})`, where);
  }
  if (name === '@signature-params')
    return fail('bad-component', '"@signature-params" must not be listed as a covered component', where);
  if (!derived && name !== name.toLowerCase())
    return fail('bad-component', `field names in components are lower-case: use "${name.toLowerCase()}"`, where);
  let target: HttpMessageInput = message;
  if (params.get('req') === true) {
    if (isRequest(message))
      return fail('bad-component', '"req" is for signed responses; this message is a request', where);
    const request = (message as { request?: HttpRequestInput }).request;
    if (!request)
      return fail('missing-component', `${where} refers to the request, but no related request was given`, where);
    target = request;
  }
  const value = derived
    ? derivedValue(id, isRequest(target) ? target : undefined, target, name)
    : fieldValue(id, target, name);
  if (value.ok && /[\r\n]/.test(value.value))
    return fail('bad-component', `the value of ${where} contains a newline, which a signature base cannot hold`, where);
  return value;
}

/** Makes an ArrayBuffer-or-other bare item readable in messages. */
export function bareText(value: BareItem): string {
  if (value instanceof ArrayBuffer) return `:${toBase64(new Uint8Array(value))}:`;
  return String(value);
}

export type { Parameters };
