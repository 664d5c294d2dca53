import { describe, expect, it } from 'vitest';
import { exchangeToCurl } from './curl.ts';
import { parseCurl, type ParsedCurl } from './curl-parse.ts';
import type { Exchange } from './exchange.ts';

const BODY = '{"shareWith":"marie@cloud.example.org","name":"spec.pdf"}';

// The same POST as Chromium's "Copy as cURL" (bash), Chromium's "Copy as cURL (cmd)" and Firefox's write it.
const CHROMIUM_BASH = `curl 'https://cloud.example.org/ocm/shares' \\
  -H 'accept: application/json' \\
  -H 'content-type: application/json' \\
  --data-raw '${BODY}'`;
const CHROMIUM_CMD = `curl ^"https://cloud.example.org/ocm/shares^" ^
  -H ^"accept: application/json^" ^
  -H ^"content-type: application/json^" ^
  --data-raw ^"^{^\\^"shareWith^\\^":^\\^"marie@cloud.example.org^\\^",^\\^"name^\\^":^\\^"spec.pdf^\\^"^}^"`;
const FIREFOX = `curl 'https://cloud.example.org/ocm/shares' -X POST -H 'Accept: application/json' -H 'Content-Type: application/json' --data-raw '${BODY}'`;

const ok = (command: string): ParsedCurl => {
  const parsed = parseCurl(command);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.request;
};
const lower = (r: ParsedCurl) => ({ ...r, headers: r.headers.map(([n, v]) => [n.toLowerCase(), v]) });

describe('reading a pasted curl command', () => {
  it("Chromium's bash and cmd forms and Firefox's give the same request", () => {
    const expected = {
      method: 'POST',
      url: 'https://cloud.example.org/ocm/shares',
      headers: [
        ['accept', 'application/json'],
        ['content-type', 'application/json'],
      ],
      body: { encoding: 'utf8', data: BODY },
      notes: [],
    };
    expect(lower(ok(CHROMIUM_BASH))).toEqual(expected);
    expect(lower(ok(CHROMIUM_CMD))).toEqual(expected);
    expect(lower(ok(FIREFOX))).toEqual(expected);
  });

  it("reads bash's quoting: double quotes with escapes, $'…' with \\n and \\x, and -XPOST / -HName: value", () => {
    const r = ok(`curl -XPUT "https://h.example/a?b=\\"c\\"" -H"X-A: 1" --data-binary $'line1\\nline\\x32'`);
    expect(r).toMatchObject({ method: 'PUT', url: 'https://h.example/a?b="c"', body: { data: 'line1\nline2' } });
    expect(r.headers[0]).toEqual(['X-A', '1']);
  });

  it('joins several -d values with "&", drops their newlines, and says which Content-Type curl adds', () => {
    const r = ok(`curl https://h.example/token -d grant_type=authorization_code -d $'code=abc\\n'`);
    expect(r.body?.data).toBe('grant_type=authorization_code&code=abc');
    expect(r.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
    expect(r.notes.join(' ')).toMatch(/application\/x-www-form-urlencoded/);
  });

  it('never carries cookies or -u credentials, and says so', () => {
    const r = ok(`curl 'https://h.example/' -b 'session=1' -u alice:secret`);
    expect(r.headers).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/cookies .* never forwards cookies/);
    expect(r.notes.join(' ')).toMatch(/credentials/);
  });

  it('refuses what it cannot read, with the reason and the place', () => {
    expect(parseCurl(`curl 'https://h.example/`)).toEqual({
      ok: false,
      error: 'a single quote is never closed',
      where: 'character 6',
    });
    expect(parseCurl('wget https://h.example/')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a curl/),
    });
    expect(parseCurl('curl -d @body.json https://h.example/')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/sends a file/),
      where: '-d',
    });
    expect(parseCurl('curl -H')).toMatchObject({ ok: false, error: '-H needs a value' });
    expect(parseCurl('curl /relative')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not an absolute URL/),
    });
  });
});

describe("the console's own Copy as curl reads back to the request it recorded", () => {
  const exchange = (body: Exchange['request']['body']): Exchange =>
    ({
      request: {
        method: 'POST',
        url: 'https://peer.example/ocm/shares?x=1',
        headers: [
          ['Content-Type', 'application/json'],
          ['Signature', 'sig1=:abc=:'],
          ['X-Quote', "it's $(not run)"],
        ],
        body,
      },
    }) as Exchange;

  it('a text body', () => {
    const sent = exchange({ encoding: 'utf8', data: '{"a":"-1 \'q\'"}', size: 14, truncated: false });
    const read = ok(exchangeToCurl(sent, { multiline: true }));
    expect(read).toEqual({
      method: 'POST',
      url: 'https://peer.example/ocm/shares?x=1',
      headers: sent.request.headers,
      body: { encoding: 'utf8', data: '{"a":"-1 \'q\'"}' },
      notes: [],
    });
  });

  it('a binary body fed through printf, byte for byte', () => {
    const bytes = Uint8Array.from([0x2d, 0x00, 0xff, 0x25, 0x5c, 0x27, 0x0a]);
    const data = btoa(String.fromCharCode(...bytes));
    const read = ok(exchangeToCurl(exchange({ encoding: 'base64', data, size: bytes.length, truncated: false })));
    expect(read.body).toEqual({ encoding: 'base64', data });
  });
});
