import { describe, expect, it } from 'vitest';
// A well-kept validator with the HAR 1.2 JSON Schema, as an oracle: it shares no code with ours.
import validate from 'har-validator';
import type { Exchange } from './exchange.ts';
import { exchangeToHarEntry, harTimings, importHar, toHar } from './har.ts';
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

  it("reads a browser's HAR (no _ocm, base64 response)", () => {
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
      encoding: 'base64',
      data: 'e30=',
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
});
