// draft-cavage-http-signatures-12 §2.3: the signing string, and the Signature header's parameters.
import { headerValues, parseUrl, type HttpRequestInput } from '../message.ts';
import { fail, ok, type Result } from '../result.ts';

export interface CavageParams {
  keyId?: string;
  algorithm?: string;
  created?: number;
  expires?: number;
  headers?: string[];
  signature?: string;
}

export interface RequestTargetStyle {
  /** Standard: lower-case method. */
  upperMethod?: boolean;
  /** Standard: path and query. Some verifiers drop the query, others use the full URL. */
  target?: 'path-and-query' | 'path-only' | 'full-url';
  /**
   * Standard: `name: value` lines. 'values-only' writes the values alone, one a line, as the OCM-stub
   * (cs3org/OCM-stub) signs and verifies; no draft-12 verifier reproduces it.
   */
  lines?: 'name-value' | 'values-only';
}

export function requestTarget(request: HttpRequestInput, style: RequestTargetStyle = {}): string | null {
  const url = parseUrl(request.url);
  if (!url) return null;
  const method = style.upperMethod ? request.method.toUpperCase() : request.method.toLowerCase();
  const target =
    style.target === 'path-only'
      ? url.path
      : style.target === 'full-url'
        ? url.href
        : url.query === null
          ? url.path
          : `${url.path}?${url.query}`;
  return `${method} ${target}`;
}

/** Builds the signing string for a `headers` list. */
export function signingString(
  request: HttpRequestInput,
  headers: readonly string[],
  params: CavageParams,
  style: RequestTargetStyle = {},
): Result<string> {
  const lines: string[] = [];
  const line = (name: string, value: string) => (style.lines === 'values-only' ? value : `${name}: ${value}`);
  for (const raw of headers) {
    const name = raw.toLowerCase();
    if (name === '(request-target)') {
      const target = requestTarget(request, style);
      if (target === null)
        return fail('bad-message', `the request URL ${JSON.stringify(request.url)} is not an absolute URL`, 'url');
      lines.push(line('(request-target)', target));
    } else if (name === '(created)' || name === '(expires)') {
      const value = name === '(created)' ? params.created : params.expires;
      if (value === undefined)
        return fail(
          'missing-component',
          `"${name}" is listed in headers but the ${name.slice(1, -1)} parameter is missing`,
          'headers',
        );
      lines.push(line(name, String(value)));
    } else {
      const values = headerValues(request.headers, name);
      if (values.length === 0)
        return fail(
          'missing-component',
          `the header "${name}" is listed in headers but not present in the request`,
          name,
        );
      lines.push(line(name, values.map((v) => v.trim()).join(', ')));
    }
  }
  return ok(lines.join('\n'));
}

/** Parses `keyId="...",algorithm="...",headers="...",signature="..."` (also after `Signature ` in Authorization). */
export function parseCavageHeader(value: string): Result<CavageParams> {
  const text = value.trim().replace(/^Signature\s+/i, '');
  const params: CavageParams = {};
  const re = /\s*([A-Za-z]+)\s*=\s*(?:"([^"]*)"|(-?\d+(?:\.\d+)?))\s*(,|$)/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m)
      return fail(
        'bad-signature',
        `cannot read the Signature header near ${JSON.stringify(text.slice(at, at + 30))} (expected name="value" pairs separated by commas)`,
        `Signature at character ${at}`,
      );
    const [, name, quoted, number] = m;
    const v = quoted ?? number ?? '';
    switch (name) {
      case 'keyId':
        params.keyId = v;
        break;
      case 'algorithm':
        params.algorithm = v;
        break;
      case 'headers':
        params.headers = v.split(/\s+/).filter(Boolean);
        break;
      case 'signature':
        params.signature = v;
        break;
      case 'created':
      case 'expires':
        if (!/^\d+$/.test(v))
          return fail(
            'bad-signature',
            `"${name}" must be an integer Unix time, got ${JSON.stringify(v)}`,
            `Signature ${name}`,
          );
        params[name] = Number(v);
        break;
      default:
        break;
    }
    at = re.lastIndex;
  }
  if (params.signature === undefined)
    return fail('bad-signature', 'the Signature header has no signature="..." parameter', 'Signature');
  if (params.keyId === undefined)
    return fail('bad-signature', 'the Signature header has no keyId="..." parameter', 'Signature');
  return ok(params);
}

export function serializeCavageHeader(params: CavageParams): string {
  const parts: string[] = [];
  if (params.keyId !== undefined) parts.push(`keyId="${params.keyId}"`);
  if (params.algorithm !== undefined) parts.push(`algorithm="${params.algorithm}"`);
  if (params.created !== undefined) parts.push(`created=${params.created}`);
  if (params.expires !== undefined) parts.push(`expires=${params.expires}`);
  if (params.headers !== undefined) parts.push(`headers="${params.headers.join(' ')}"`);
  if (params.signature !== undefined) parts.push(`signature="${params.signature}"`);
  return parts.join(',');
}
