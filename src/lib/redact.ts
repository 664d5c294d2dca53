/**
 * Removes secrets from anything about to be shared (an exported report, a link): header values of
 * Authorization, Signature, Cookie and Set-Cookie, and the values of sharedSecret, code, access_token,
 * token and privateKeyPem wherever they appear, in JSON fields or form bodies.
 */
const SECRET_HEADERS = /^(authorization|signature|cookie|set-cookie|proxy-authorization)$/i;
const SECRET_FIELDS = ['sharedSecret', 'code', 'access_token', 'token', 'privateKeyPem', 'refresh_token'];
const MARK = '…redacted…';

function redactText(text: string): string {
  let out = text;
  for (const field of SECRET_FIELDS) {
    out = out.replace(new RegExp(`("${field}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g'), `$1"${MARK}"`);
    out = out.replace(new RegExp(`(^|[&?])(${field}=)[^&\\s"]*`, 'g'), `$1$2${MARK}`);
  }
  return out;
}

export function redact<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) {
    // A header pair: [name, value].
    if (
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      SECRET_HEADERS.test(value[0])
    )
      return [value[0], MARK] as T;
    return value.map((v) => redact(v)) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_FIELDS.includes(k) && typeof v === 'string' ? MARK : redact(v);
    return out as T;
  }
  return value;
}
