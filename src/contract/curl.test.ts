import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeToCurl, headersCurlCannotSend, shellQuote } from './curl.ts';
import type { Exchange } from './exchange.ts';

/** What bash makes of a quoted word: the bytes printf prints for it. */
function bashSees(quoted: string): string {
  return execFileSync('bash', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' });
}

/** Runs a command with `curl` replaced by a shell function that prints each argument and the stdin. */
function argsOf(command: string): { args: string[]; stdin: string } {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; if [[ " $* " == *" @- "* ]]; then printf 'STDIN:'; cat; fi; }\n${command}`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'latin1' });
  const [argText, stdin = ''] = out.split('STDIN:');
  return { args: argText!.split('\0').slice(0, -1), stdin };
}

function exchange(overrides: Partial<Exchange['request']> = {}): Exchange {
  return {
    id: 'x1',
    startedAt: '2026-11-27T12:00:00.000Z',
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:8081/ocm/shares',
      headers: [
        ['Host', '127.0.0.1:8081'],
        ['Content-Type', 'application/json'],
        ['Content-Length', '13'],
        ['Signature', 'sig1=:abc=:'],
      ],
      body: { encoding: 'utf8', data: '{"name":"a"}\n', size: 13, truncated: false },
      ...overrides,
    },
    response: {
      status: 201,
      statusText: 'Created',
      headers: [],
      body: { encoding: 'utf8', data: '', size: 0, truncated: false },
    },
    timing: { dns: null, connect: 1, tls: null, firstByte: 2, total: 3 },
    signing: null,
    insecureTls: false,
    notes: [],
  };
}

describe('shell quoting', () => {
  it('gives bash back every character from U+0001 to U+00FF exactly', () => {
    const values = Array.from({ length: 0xff }, (_, i) => `a${String.fromCharCode(i + 1)}b`);
    // One bash for all of them: each word printed, then a NUL as the separator.
    const script = values.map((v) => `printf '%s\\0' ${shellQuote(v)}`).join('\n');
    const seen = execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
    expect(seen).toEqual(values);
  });

  it('keeps command substitution, backticks, variables and newlines inert', () => {
    const dir = mkdtempSync(join(tmpdir(), 'curl-quote-'));
    const marker = join(dir, 'pwned');
    for (const value of [`x'$(touch ${marker})'`, `\`touch ${marker}\``, `$HOME`, `a\n'; touch ${marker}; '`, `!!`]) {
      expect(bashSees(shellQuote(value))).toBe(value);
    }
    expect(existsSync(marker)).toBe(false);
  });
});

describe('curl from an exchange', () => {
  it('passes the method, the URL untouched, every header as sent, and the body byte for byte', () => {
    const { args } = argsOf(exchangeToCurl(exchange()));
    expect(args).toEqual([
      '--globoff',
      '--path-as-is',
      '--http1.1',
      '-X',
      'POST',
      '--url',
      'http://127.0.0.1:8081/ocm/shares',
      '-H',
      'Host: 127.0.0.1:8081',
      '-H',
      'Content-Type: application/json',
      '-H',
      'Signature: sig1=:abc=:',
      '-H',
      'User-Agent:',
      '-H',
      'Accept:',
      '--data-binary',
      '{"name":"a"}\n',
    ]);
  });

  it('keeps a body without a final newline as it is (a here-document would add one)', () => {
    const { args } = argsOf(
      exchangeToCurl(exchange({ body: { encoding: 'utf8', data: '{}', size: 2, truncated: false } })),
    );
    expect(args.at(-1)).toBe('{}');
  });

  it('feeds a binary body through printf, NUL bytes and all', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const data = btoa(String.fromCharCode(...bytes));
    const { args, stdin } = argsOf(
      exchangeToCurl(exchange({ body: { encoding: 'base64', data, size: 256, truncated: false } })),
    );
    expect(args.slice(-2)).toEqual(['--data-binary', '@-']);
    expect(Uint8Array.from(stdin, (ch) => ch.charCodeAt(0))).toEqual(bytes);
  });

  it('runs nothing a hostile body or header holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'curl-hostile-'));
    const marker = join(dir, 'pwned');
    const name = `x'$(touch ${marker})'`;
    const command = exchangeToCurl(
      exchange({
        headers: [
          ['Host', 'h'],
          ['X-Evil', `\`touch ${marker}\`$(touch ${marker})`],
        ],
        body: { encoding: 'utf8', data: JSON.stringify({ name }), size: 1, truncated: false },
      }),
      { multiline: true },
    );
    const { args } = argsOf(command);
    expect(args).toContain(JSON.stringify({ name }));
    expect(args).toContain(`X-Evil: \`touch ${marker}\`$(touch ${marker})`);
    expect(existsSync(marker)).toBe(false);
  });

  it('gives printf a binary body starting with "-" as data, not as an option', () => {
    const bytes = Uint8Array.from([0x2d, 0x2d, 0x68, 0xff, 0x00, 0x27, 0x0a]); // "--h", 0xff, NUL, "'", LF
    const data = btoa(String.fromCharCode(...bytes));
    const command = exchangeToCurl(
      exchange({ body: { encoding: 'base64', data, size: bytes.length, truncated: false } }),
    );
    const { args, stdin } = argsOf(command);
    expect(args.slice(-2)).toEqual(['--data-binary', '@-']);
    expect(Uint8Array.from(stdin, (ch) => ch.charCodeAt(0))).toEqual(bytes);
  });

  it('sends a text body starting with "@" as text, not as the name of a file to read', () => {
    const { args, stdin } = argsOf(
      exchangeToCurl(exchange({ body: { encoding: 'utf8', data: '@/etc/passwd', size: 12, truncated: false } })),
    );
    expect(args.slice(-2)).toEqual(['--data-binary', '@-']);
    expect(stdin).toBe('@/etc/passwd');
  });

  it('gives an imported URL starting with "-" to --url, and leaves out headers curl would misread', () => {
    const command = exchangeToCurl(
      exchange({
        url: '-K/tmp/evil.conf',
        headers: [
          ['Host', 'h'],
          ['@/etc/passwd', 'x'],
          ['X-Nul', 'a\0b'],
          ['X-Split', 'a\r\nX-Injected: 1'],
        ],
      }),
    );
    const { args } = argsOf(command);
    expect(args.slice(args.indexOf('--url'), args.indexOf('--url') + 2)).toEqual(['--url', '-K/tmp/evil.conf']);
    expect(args.filter((a) => a.startsWith('@') || a.includes('X-Nul') || a.includes('X-Split'))).toEqual([]);
    expect(
      headersCurlCannotSend(
        exchange({
          headers: [
            ['@/etc/passwd', 'x'],
            ['Ok', 'y'],
            ['X-Split', 'a\nb'],
          ],
        }),
      ),
    ).toEqual(['@/etc/passwd', 'X-Split']);
  });

  it('uses --head for HEAD and sends no body for a GET', () => {
    expect(argsOf(exchangeToCurl(exchange({ method: 'HEAD', body: undefined }))).args).toContain('--head');
    const get = argsOf(exchangeToCurl(exchange({ method: 'GET', body: undefined }))).args;
    expect(get).not.toContain('-X');
    expect(get).not.toContain('--data-binary');
  });

  it('sends a binary body starting with "-" byte for byte through bash and the real curl', async () => {
    const bytes = Uint8Array.from([0x2d, 0x6e, 0x00, 0xff, 0x25, 0x73, 0x5c, 0x27, 0x0a]); // "-n", NUL, 0xff, "%s\\'", LF
    let body = Buffer.alloc(0);
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        body = Buffer.concat(chunks);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    try {
      const command = exchangeToCurl(
        exchange({
          url: `http://127.0.0.1:${port}/ocm/shares`,
          headers: [['Content-Type', 'application/octet-stream']],
          body: { encoding: 'base64', data: btoa(String.fromCharCode(...bytes)), size: bytes.length, truncated: false },
        }),
        { multiline: true },
      );
      const { stdout: status } = await promisify(execFile)(
        'bash',
        ['-c', `set -o pipefail; ${command} -s -o /dev/null -w '%{http_code}'`],
        { encoding: 'utf8', timeout: 10_000 },
      );
      expect(status).toBe('204');
      expect(new Uint8Array(body)).toEqual(bytes);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('sends exactly the recorded request to a real server with the real curl', async () => {
    let seen: { method?: string; url?: string; headers: string[]; body: Buffer } = {
      headers: [],
      body: Buffer.alloc(0),
    };
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = { method: req.method, url: req.url, headers: req.rawHeaders, body: Buffer.concat(chunks) };
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as AddressInfo).port;
    try {
      const command = exchangeToCurl(
        exchange({
          url: `http://127.0.0.1:${port}/ocm/../ocm/shares?x=[1]`,
          headers: [
            ['Host', `127.0.0.1:${port}`],
            ['Content-Type', 'application/json'],
            ['Content-Length', '11'],
            ['Content-Digest', 'sha-256=:abc:'],
          ],
          body: { encoding: 'utf8', data: '{"a":"\'$b"}', size: 11, truncated: false },
        }),
        { multiline: true },
      );
      // Not execFileSync: the server answering curl lives in this process.
      const { stdout: status } = await promisify(execFile)(
        'bash',
        ['-c', `${command} -s -o /dev/null -w '%{http_code}'`],
        {
          encoding: 'utf8',
          timeout: 10_000,
        },
      );
      expect(status).toBe('201');
      expect(seen.method).toBe('POST');
      expect(seen.url).toBe('/ocm/../ocm/shares?x=[1]');
      expect(seen.body.toString()).toBe('{"a":"\'$b"}');
      const pairs = Array.from({ length: seen.headers.length / 2 }, (_, i) => [
        seen.headers[2 * i],
        seen.headers[2 * i + 1],
      ]);
      // curl orders its own Content-Length among the headers; the set is what matters.
      expect(pairs.sort()).toEqual(
        [
          ['Host', `127.0.0.1:${port}`],
          ['Content-Type', 'application/json'],
          ['Content-Digest', 'sha-256=:abc:'],
          ['Content-Length', '11'],
        ].sort(),
      );
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });
});
