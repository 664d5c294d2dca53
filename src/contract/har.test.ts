import { describe, expect, it } from 'vitest';
// A well-kept validator with the HAR 1.2 JSON Schema, as an oracle: it shares no code with ours.
import validate from 'har-validator';
import type { Exchange } from './exchange.ts';
import { exchangeToHarEntry, harTimings, toHar } from './har.ts';
import { HAR_IMPORT_LIMITS, harBody, importHar } from './har-import.ts';
import { redact } from '../lib/redact.ts';

const form = 'grant_type=authorization_code&client_id=a.example&code=s3cr3t';
const answer = '{"access_token":"tok-123","token_type":"Bearer","expires_in":3600}';
const signed: Exchange = {
  id: 'e1',
  startedAt: '2026-11-27T12:00:00.000Z',
  request: {
    method: 'POST',
    url: 'https://cloud.example.org/ocm/token?debug=1',
    headers: [
      ['Host', 'cloud.example.org'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Content-Length', String(form.length)],
      ['Signature-Input', 'sig1=("@method");created=1;keyid="k";tag="ocm"'],
      ['Signature', 'sig1=:c2lnbmF0dXJl:'],
    ],
    body: {
      encoding: 'utf8',
      data: form,
      size: form.length,
      truncated: false,
    },
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [['Content-Type', 'application/json']],
    body: {
      encoding: 'utf8',
      data: answer,
      size: answer.length,
      truncated: false,
    },
  },
  timing: { dns: 2, connect: 3, tls: 10, firstByte: 40, total: 45 },
  signing: {
    profile: 'rfc9421',
    keyid: 'k',
    signatureBase: '"@method": POST\n"@signature-params": ("@method");created=1;keyid="k";tag="ocm"',
    added: [],
  },
  insecureTls: false,
  notes: [],
};

describe('HAR 1.2 export', () => {
  it('passes the HAR 1.2 schema, with every required timing', async () => {
    const har = toHar([exchangeToHarEntry(signed, { source: { page: 'token', kind: 'token-request' } })], '0.1.0');
    await expect(validate.har(har)).resolves.toBeTruthy();
    const entry = har.log.entries[0]!;
    expect(entry.timings).toEqual({ blocked: -1, dns: 2, connect: 13, ssl: 10, send: 0, wait: 25, receive: 5 });
    expect(entry.time).toBe(45);
    expect(entry.request.queryString).toEqual([{ name: 'debug', value: '1' }]);
    expect(entry.request.headers).toContainEqual({ name: 'Signature', value: 'sig1=:c2lnbmF0dXJl:' });
    expect(entry._ocm.signing?.signatureBase).toMatch(/^"@method": POST/);
  });

  it('marks unmeasured phases -1 (a reused connection, plain http)', () => {
    expect(harTimings({ dns: null, connect: null, tls: null, firstByte: 7, total: 9 })).toEqual({
      time: 9,
      timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 7, receive: 2 },
    });
  });

  it('keeps no secret when redacted: code, access token, signature', () => {
    const text = JSON.stringify(toHar([exchangeToHarEntry(redact(signed))], '0.1.0'));
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('tok-123');
    expect(text).not.toContain('c2lnbmF0dXJl');
  });
});

describe('HAR import', () => {
  let n = 0;
  const id = () => `imported-${++n}`;

  it('reads back what it exported', () => {
    const text = JSON.stringify(toHar([exchangeToHarEntry(signed, { source: { page: 'compose' } })], '0.1.0'));
    const read = importHar(text, id);
    if (!read.ok) throw new Error(read.error);
    const [{ exchange, extras }] = read.exchanges as [(typeof read.exchanges)[number]];
    expect(exchange.request).toEqual(signed.request);
    expect(exchange.response).toEqual(signed.response);
    expect(exchange.signing).toEqual(signed.signing);
    expect(exchange.timing).toMatchObject({ dns: 2, connect: 3, tls: 10, total: 45 });
    expect(extras.source).toEqual({ page: 'compose' });
  });

  it("reads a browser's HAR (no _ocm, base64 response decoded to its text)", () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        entries: [
          {
            startedDateTime: '2026-11-27T10:00:00.000Z',
            time: 12.5,
            request: {
              method: 'GET',
              url: 'https://a.example/.well-known/ocm',
              headers: [{ name: 'accept', value: '*/*' }],
            },
            response: {
              status: 200,
              statusText: '',
              headers: [],
              content: { size: 2, mimeType: 'application/json', text: 'e30=', encoding: 'base64' },
            },
            timings: { dns: -1, connect: -1, ssl: -1, send: 0.1, wait: 10, receive: 2.4 },
          },
        ],
      },
    };
    const read = importHar(JSON.stringify(har), id);
    if (!read.ok) throw new Error(read.error);
    expect(read.exchanges[0]!.exchange.response.body).toEqual({
      encoding: 'utf8',
      data: '{}',
      size: 2,
      truncated: false,
    });
    expect(read.exchanges[0]!.exchange.timing).toMatchObject({ dns: null, connect: null, tls: null, total: 12.5 });
  });

  it('names the entry and field of a malformed file', () => {
    const entry = exchangeToHarEntry(signed);
    const broken = { log: { version: '1.2', entries: [entry, { ...entry, request: { ...entry.request, url: 42 } }] } };
    expect(importHar(JSON.stringify(broken), id)).toEqual({
      ok: false,
      error: expect.stringMatching(/^entries\[1\]\.request\.url: /),
    });
    expect(importHar('{"log":{}}', id)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Not a HAR file: log\.version/),
    });
    expect(importHar('{"log":', id)).toEqual({ ok: false, error: expect.stringMatching(/^Not JSON/) });
  });

  it('round-trips binary bodies: base64 in the file, the same bytes back', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => 255 - i); // "\xff\xfe…": not UTF-8
    const data = btoa(String.fromCharCode(...bytes));
    const binary = { encoding: 'base64' as const, data, size: 256, truncated: false };
    const exchange: Exchange = {
      ...signed,
      request: { ...signed.request, body: binary },
      response: { ...signed.response, body: binary },
    };
    const entry = exchangeToHarEntry(exchange);
    expect(entry.request.postData).toMatchObject({ text: data, _encoding: 'base64' });
    const read = importHar(JSON.stringify(toHar([entry], '0.1.0')), id);
    if (!read.ok) throw new Error(read.error);
    expect(read.exchanges[0]!.exchange.request.body).toEqual(binary);
    expect(read.exchanges[0]!.exchange.response.body).toEqual(binary);
    // A base64 request body that is text comes back as that text.
    const text = exchangeToHarEntry({
      ...signed,
      request: {
        ...signed.request,
        body: { encoding: 'base64', data: btoa(form), size: form.length, truncated: false },
      },
    });
    const again = importHar(JSON.stringify(toHar([text], '0.1.0')), id);
    if (!again.ok) throw new Error(again.error);
    expect(again.exchanges[0]!.exchange.request.body).toEqual(signed.request.body);
  });

  it('keeps the first bytes of a body over the limit, marked truncated, and refuses base64 that is not', () => {
    const big = btoa('\xff'.repeat(30)); // 30 bytes, not UTF-8
    expect(harBody(big, true, 10)).toEqual({
      encoding: 'base64',
      data: btoa('\xff'.repeat(10)),
      size: 30,
      truncated: true,
    });
    expect(harBody('abcdef', false, 4)).toEqual({ encoding: 'utf8', data: 'abcd', size: 6, truncated: true });
    expect(HAR_IMPORT_LIMITS.bodyBytes).toBe(10 * 1024 * 1024);
    const entry = exchangeToHarEntry(signed);
    const broken = { ...entry, request: { ...entry.request, postData: { text: 'not base64!', _encoding: 'base64' } } };
    expect(importHar(JSON.stringify({ log: { version: '1.2', entries: [broken] } }), id)).toEqual({
      ok: false,
      error: 'entries[0].request.postData.text: not base64',
    });
  });

  // Shapes of `_ocm` History's detail view could not show (the page failed to load, and the entry could no
  // longer be opened or deleted), or showed as nonsense: each entry is kept apart, with what was wrong and where.
  const badExtras: Array<[string, unknown, string]> = [
    ['findings not an object', { findings: 'none' }, 'entries[1]._ocm.findings: expected object, got a string'],
    [
      'findings lists not arrays',
      { findings: { request: 'x', response: [] } },
      'entries[1]._ocm.findings.request: expected array, got a string',
    ],
    [
      'a finding of the wrong types',
      { findings: { request: [{ severity: 3, path: 1, code: 'c', message: 'm' }], response: [] } },
      'entries[1]._ocm.findings.request[0].severity: expected one of "error", "warning", "info"',
    ],
    [
      'a finding whose message is an object',
      { findings: { request: [{ severity: 'error', path: '/a', code: 'c', message: {} }], response: [] } },
      'entries[1]._ocm.findings.request[0].message: expected string, got an object',
    ],
    ['signing a string', { signing: 'rfc9421' }, 'entries[1]._ocm.signing: expected object, got a string'],
    [
      'a keyid that is an object',
      { signing: { ...signed.signing, keyid: { kid: 'k' } } },
      'entries[1]._ocm.signing.keyid: expected string, got an object',
    ],
    [
      'a signature base that is a number',
      { signing: { ...signed.signing, signatureBase: 42 } },
      'entries[1]._ocm.signing.signatureBase: expected string, got a number',
    ],
  ];
  it.each(badExtras)('keeps an entry whose _ocm extras do not read apart: %s', (_, ocm, problem) => {
    const good = exchangeToHarEntry(signed);
    const bad = { ...exchangeToHarEntry(signed), _ocm: ocm };
    const read = importHar(JSON.stringify({ log: { version: '1.2', entries: [good, bad] } }), id);
    if (!read.ok) throw new Error(read.error);
    expect(read.exchanges).toHaveLength(1);
    expect(read.unreadable).toEqual([
      {
        problem,
        method: 'POST',
        url: 'https://cloud.example.org/ocm/token?debug=1',
        entry: JSON.parse(JSON.stringify(bad)),
      },
    ]);
  });
});
