// Reads a curl command into the request it sends: what browsers' "Copy as cURL" (bash and Windows cmd
// forms), hand-written commands and the console's own "Copy as curl" look like. It never runs anything: the
// words are unquoted as bash (or cmd) would, then curl's options are read. What it cannot read, it refuses
// with the reason and the place; what it reads but will not send (cookies, files), it names in notes.

export interface ParsedCurl {
  method: string;
  url: string;
  headers: [string, string][];
  body?: { encoding: 'utf8' | 'base64'; data: string };
  /** Options read but not carried into the request, and why. */
  notes: string[];
}

export type CurlParse = { ok: true; request: ParsedCurl } | { ok: false; error: string; where?: string };

/** At most this many characters are read: a pasted command, not a file. */
export const MAX_CURL_COMMAND = 1_000_000;

class CurlError extends Error {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(message);
  }
}

const ANSI_C: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

/** Splits a bash command line into words (quotes, escapes, $'…', line continuations); `|` is a word of its own. */
function bashWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  const push = (s: string) => (word = (word ?? '') + s);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '\n') i++;
      else if (next === '\r' && text[i + 2] === '\n') i += 2;
      else if (next !== undefined) {
        push(next);
        i++;
      }
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new CurlError('a single quote is never closed', `character ${i + 1}`);
      push(text.slice(i + 1, end));
      i = end;
    } else if (c === '$' && text[i + 1] === "'") {
      let j = i + 2;
      let out = '';
      for (; j < text.length && text[j] !== "'"; j++) {
        if (text[j] !== '\\') {
          out += text[j];
          continue;
        }
        const e = text[++j];
        if (e === undefined) break;
        if (e === 'x') {
          const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(j + 1))?.[0] ?? '';
          if (!hex) throw new CurlError("\\x without hex digits in a $'…' quote", `character ${j + 1}`);
          out += String.fromCharCode(parseInt(hex, 16));
          j += hex.length;
        } else if (e === 'u' || e === 'U') {
          const hex = /^[0-9a-fA-F]{1,8}/.exec(text.slice(j + 1))?.[0] ?? '';
          out += String.fromCodePoint(parseInt(hex || '0', 16));
          j += hex.length;
        } else if (/[0-7]/.test(e)) {
          const oct = /^[0-7]{1,3}/.exec(text.slice(j))![0];
          out += String.fromCharCode(parseInt(oct, 8));
          j += oct.length - 1;
        } else out += ANSI_C[e] ?? e;
      }
      if (j >= text.length) throw new CurlError("a $'…' quote is never closed", `character ${i + 1}`);
      push(out);
      i = j;
    } else if (c === '"') {
      let j = i + 1;
      let out = '';
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && '"\\$`\n'.includes(text[j + 1] ?? '')) {
          if (text[j + 1] !== '\n') out += text[j + 1];
          j++;
        } else out += text[j];
      }
      if (j >= text.length) throw new CurlError('a double quote is never closed', `character ${i + 1}`);
      push(out);
      i = j;
    } else if (c === '|' || c === ';' || c === '&') {
      if (word !== undefined) words.push(word);
      word = undefined;
      words.push(c);
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else push(c);
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Splits a Windows cmd command line (Chromium's "Copy as cURL (cmd)"): `^` escapes, `"` groups, `\"` is a quote. */
function cmdWords(text: string): string[] {
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '^') plain += text[i];
    else if (text[i + 1] === '\n') i++;
    else if (text[i + 1] === '\r' && text[i + 2] === '\n') i += 2;
    else plain += text[++i] ?? '';
  }
  const words: string[] = [];
  let word: string | undefined;
  let quoted = false;
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i]!;
    if (c === '\\' && plain[i + 1] === '"') {
      word = (word ?? '') + '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
      word = word ?? '';
    } else if (!quoted && /\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (quoted) throw new CurlError('a double quote is never closed');
  if (word !== undefined) words.push(word);
  return words;
}

/** The bytes printf writes for a format with no arguments (the console's own export feeds binary bodies so). */
function printfBytes(format: string): Uint8Array {
  const out: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c === '%' && format[i + 1] === '%') {
      out.push(0x25);
      i++;
    } else if (c === '%') throw new CurlError('the printf format takes arguments, which this reader does not run');
    else if (c === '\\') {
      const rest = format.slice(i + 1);
      const oct = /^0?[0-7]{1,3}/.exec(rest)?.[0];
      if (oct) {
        out.push(parseInt(oct, 8) & 0xff);
        i += oct.length;
      } else if (rest[0] === '\\') {
        out.push(0x5c);
        i++;
      } else if (rest[0] !== undefined && ANSI_C[rest[0]]) {
        out.push(ANSI_C[rest[0]]!.charCodeAt(0));
        i++;
      } else out.push(0x5c);
    } else out.push(...encoder.encode(c));
  }
  return Uint8Array.from(out);
}

function concat(parts: Uint8Array[], separator: number): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + parts.length - 1);
  let at = 0;
  for (const [i, part] of parts.entries()) {
    if (i > 0) out[at++] = separator;
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function bodyOf(bytes: Uint8Array): { encoding: 'utf8' | 'base64'; data: string } {
  try {
    return { encoding: 'utf8', data: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    return { encoding: 'base64', data: btoa(binary) };
  }
}

// Options that take a value and only change how curl behaves locally (output, timing, TLS files …).
const IGNORED_WITH_VALUE = new Set([
  '-o',
  '--output',
  '-m',
  '--max-time',
  '--connect-timeout',
  '-w',
  '--write-out',
  '--retry',
  '--cacert',
  '--capath',
  '--resolve',
  '--connect-to',
  '-x',
  '--proxy',
  '--limit-rate',
  '--max-redirs',
]);
const DATA_OPTIONS = new Set(['-d', '--data', '--data-raw', '--data-binary', '--data-ascii', '--data-urlencode']);

function readCurl(words: string[], stdin: Uint8Array | undefined): ParsedCurl {
  const notes: string[] = [];
  const headers: [string, string][] = [];
  let method: string | undefined;
  let url: string | undefined;
  const data: Uint8Array[] = [];
  let head = false;
  const encoder = new TextEncoder();
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    const value = (): string => {
      const next = words[i + 1];
      if (next === undefined) throw new CurlError(`${word} needs a value`, word);
      i++;
      return next;
    };
    // --name=value is not curl's syntax, but -XPOST and -HName: value are: split the short forms.
    const short = /^-([XHdAebu])(.+)$/.exec(word);
    const [option, inline] = short ? [`-${short[1]}`, short[2]] : [word, undefined];
    const take = () => inline ?? value();
    if (option === '-X' || option === '--request') method = take();
    else if (option === '-H' || option === '--header') {
      const line = take();
      if (line.startsWith('@'))
        throw new CurlError(`${option} ${line} reads headers from a file, which cannot be pasted`, option);
      const colon = line.indexOf(':');
      if (colon < 0 && line.endsWith(';')) headers.push([line.slice(0, -1), '']);
      else if (colon <= 0) throw new CurlError(`the header ${JSON.stringify(line)} has no "name: value"`, option);
      else {
        const name = line.slice(0, colon).trim();
        const v = line.slice(colon + 1).trim();
        // "Name:" with nothing after it removes a header curl would add: nothing to send.
        if (v !== '') headers.push([name, v]);
      }
    } else if (DATA_OPTIONS.has(option)) {
      const text = take();
      if (text.startsWith('@') && option !== '--data-raw') {
        if (text === '@-' && stdin) data.push(stdin);
        else
          throw new CurlError(`${option} ${text} sends a file, which cannot be pasted: paste the body itself`, option);
      } else data.push(encoder.encode(option === '-d' || option === '--data' ? text.replace(/[\r\n]/g, '') : text));
    } else if (option === '--url') url = value();
    else if (option === '-A' || option === '--user-agent') headers.push(['User-Agent', take()]);
    else if (option === '-e' || option === '--referer') headers.push(['Referer', take()]);
    else if (option === '-b' || option === '--cookie') {
      take();
      notes.push('the cookies (-b) were left out: the console never forwards cookies');
    } else if (option === '-u' || option === '--user') {
      take();
      notes.push('the credentials (-u) were left out: add an Authorization header if the request needs one');
    } else if (option === '-I' || option === '--head') head = true;
    else if (option === '-k' || option === '--insecure')
      notes.push('-k (accept any certificate) is a choice the console makes per request, not part of it');
    else if (IGNORED_WITH_VALUE.has(option)) value();
    else if (option.startsWith('-') && option.length > 1) {
      // --compressed, -s, -L, -v, --http1.1, --globoff, --path-as-is …: how curl behaves, not what it sends.
    } else if (url === undefined) url = word;
    else throw new CurlError(`a second URL ${JSON.stringify(word)}: one request at a time`, word);
  }
  if (url === undefined) throw new CurlError('no URL: give it as a word or with --url');
  try {
    new URL(url);
  } catch {
    throw new CurlError(`${JSON.stringify(url)} is not an absolute URL`, 'URL');
  }
  // Several -d values are joined with "&", as curl does.
  const joined = data.length ? concat(data, 0x26) : undefined;
  const result: ParsedCurl = {
    method: (method ?? (head ? 'HEAD' : joined ? 'POST' : 'GET')).toUpperCase(),
    url,
    headers,
    notes,
  };
  if (joined) {
    result.body = bodyOf(joined);
    if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) {
      headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
      notes.push(
        'curl sends data as application/x-www-form-urlencoded unless told otherwise: that Content-Type was added',
      );
    }
  }
  return result;
}

/** Reads a pasted curl command (bash or cmd quoting) into the request it sends, or says why it cannot. */
export function parseCurl(command: string): CurlParse {
  if (command.length > MAX_CURL_COMMAND)
    return { ok: false, error: `the command is longer than ${MAX_CURL_COMMAND.toLocaleString('en')} characters` };
  try {
    const text = command.trim();
    const cmd = /\^\r?\n|\^"/.test(text);
    const words = cmd ? cmdWords(text) : bashWords(text);
    let stdin: Uint8Array | undefined;
    let start = words.indexOf('curl');
    if (start < 0) start = words.findIndex((w) => /(^|[/\\])curl(\.exe)?$/.test(w));
    if (start < 0) return { ok: false, error: 'this is not a curl command: no "curl" in it' };
    const pipe = words.lastIndexOf('|', start);
    if (pipe > 0 && words[0] === 'printf') {
      if (pipe !== 2) return { ok: false, error: 'only printf with a single format feeds a body into curl here' };
      stdin = printfBytes(words[1]!);
    }
    const end = words.findIndex((w, i) => i > start && (w === '|' || w === ';' || w === '&'));
    return { ok: true, request: readCurl(words.slice(start, end < 0 ? undefined : end), stdin) };
  } catch (error) {
    if (error instanceof CurlError)
      return { ok: false, error: error.message, ...(error.where ? { where: error.where } : {}) };
    throw error;
  }
}
