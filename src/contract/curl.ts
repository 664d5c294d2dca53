import type { Exchange } from './exchange.ts';

/**
 * Quotes one word for bash so that it reaches the program exactly and nothing in it runs: single
 * quotes make `$(…)`, backticks, `!`, globs and newlines inert; control characters go through bash's
 * ANSI-C quoting ($'\xHH'), since a raw one may be eaten by the terminal a command is pasted into.
 * A NUL byte cannot be part of a shell word at all; callers keep such bytes out (see the body below).
 */
export function shellQuote(word: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x1f\x7f]/.test(word)) return `'${word.replace(/'/g, `'\\''`)}'`;
  let out = "$'";
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/**
 * The body bytes as printf's format string: every byte kept, NUL and a missing final newline included.
 * A leading `-` is written as an escape too, or printf would read the format as an option.
 */
function printfFormat(bytes: Uint8Array): string {
  let out = '';
  for (const [i, byte] of bytes.entries()) {
    const plain = byte >= 0x20 && byte < 0x7f && byte !== 0x25 && byte !== 0x5c && byte !== 0x27;
    if (plain && !(i === 0 && byte === 0x2d)) out += String.fromCharCode(byte);
    else out += `\\${byte.toString(8).padStart(3, '0')}`;
  }
  return `'${out}'`;
}

function bodyBytes(exchange: Exchange): Uint8Array | undefined {
  const body = exchange.request.body;
  if (!body || body.size === 0) return undefined;
  return body.encoding === 'base64'
    ? Uint8Array.from(atob(body.data), (ch) => ch.charCodeAt(0))
    : new TextEncoder().encode(body.data);
}

/**
 * Whether bytes are UTF-8 text that can be given to --data-binary as a word: no NUL, and no leading `@`,
 * which curl reads as "the name of a file to send".
 */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0) || bytes[0] === 0x40) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** An HTTP field name (RFC 9110 §5.1, a token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * curl reads `-H @name` as a file of headers, and no command line carries a NUL (nor can a header line
 * hold CR or LF): a header like that was never sent by the relay, but a HAR file can hold anything.
 */
function curlCanSend(name: string, value: string): boolean {
  return HEADER_NAME.test(name) && !/[\0\r\n]/.test(value);
}

/** The request headers a curl command leaves out because curl cannot send them as recorded. */
export function headersCurlCannotSend(exchange: Exchange): string[] {
  return exchange.request.headers.filter(([name, value]) => !curlCanSend(name, value)).map(([name]) => name);
}

export interface CurlOptions {
  /** Multi-line with backslash continuations (for reading), or one line. */
  multiline?: boolean;
}

/**
 * A curl command that sends the request exactly as the console sent it: method, URL untouched
 * (--globoff, --path-as-is), every header as sent and no header of curl's own (User-Agent, Accept and
 * a form Content-Type are switched off when the request had none), and the body byte for byte with
 * --data-binary. curl computes Content-Length itself, to the same value. A request body that is not
 * plain text (NUL bytes, not UTF-8, a leading `@`) is fed through printf, which keeps every byte.
 */
export function exchangeToCurl(exchange: Exchange, options: CurlOptions = {}): string {
  const { method, url, headers } = exchange.request;
  const bytes = bodyBytes(exchange);
  const has = (name: string) => headers.some(([n]) => n.toLowerCase() === name);
  const parts: string[] = ['curl', '--globoff', '--path-as-is', '--http1.1'];
  if (method === 'HEAD') parts.push('--head');
  else if (method !== 'GET' || bytes) parts.push('-X', shellQuote(method));
  // --url, not a bare word: an imported URL starting with `-` would otherwise be read as an option.
  parts.push('--url', shellQuote(url));
  for (const [name, value] of headers) {
    if (name.toLowerCase() === 'content-length' || name.toLowerCase() === 'transfer-encoding') continue;
    if (!curlCanSend(name, value)) continue;
    // "Name;" is curl's way of sending a header with an empty value.
    parts.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  }
  if (!has('user-agent')) parts.push('-H', shellQuote('User-Agent:'));
  if (!has('accept')) parts.push('-H', shellQuote('Accept:'));
  let prefix = '';
  if (bytes) {
    if (!has('content-type')) parts.push('-H', shellQuote('Content-Type:'));
    if (isPlainText(bytes)) parts.push('--data-binary', shellQuote(new TextDecoder().decode(bytes)));
    else {
      prefix = `printf ${printfFormat(bytes)} | `;
      parts.push('--data-binary', '@-');
    }
  }
  const separator = options.multiline ? ' \\\n  ' : ' ';
  // Keep option and value together on one line.
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (/^(-X|-H|--url|--data-binary)$/.test(part) && i + 1 < parts.length) {
      lines.push(`${part} ${parts[++i]}`);
    } else lines.push(part);
  }
  return prefix + lines.join(separator);
}
