import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFn } from '../guard/ssrf.ts';
import { compressedZeros, gzipBomb } from '../testing/bombs.ts';
import { createOutboundClient, DEFAULT_LIMITS, DOCUMENT_BYTES } from './http-client.ts';

// Real upstreams on 127.0.0.1 that produce each case for real.
let plain: Server;
let tls: Server;
let base = '';
let tlsBase = '';
const seen: { headers: string[]; body: string }[] = [];

// 16 MiB once decoded, a few KB on the wire.
const bombs = { gzip: gzipBomb(16), deflate: compressedZeros('deflate', 16), br: compressedZeros('br', 16) };

function routes(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    seen.push({ headers: req.rawHeaders, body: Buffer.concat(chunks).toString() });
    switch (req.url) {
      case '/json':
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'a=b' }).end('{"hello":"world"}');
        break;
      case '/gzip':
        res
          .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
          .end(gzipSync('compressed hello'));
        break;
      case '/bomb/gzip':
      case '/bomb/deflate':
      case '/bomb/br': {
        const coding = req.url.slice('/bomb/'.length) as keyof typeof bombs;
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding }).end(bombs[coding]);
        break;
      }
      case '/redirect':
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        break;
      case '/big':
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.alloc(64 * 1024, 0x61));
        break;
      case '/slow':
        setTimeout(() => res.writeHead(200).end('late'), 1_500);
        break;
      case '/error':
        res.writeHead(503, { 'retry-after': '120' }).end('{"message":"MAINTENANCE"}');
        break;
      default:
        res.writeHead(404).end();
    }
  });
}

beforeAll(async () => {
  plain = createServer(routes);
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=lab.test',
    ],
    { stdio: 'ignore' },
  );
  tls = createTlsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, routes);
  await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
  tlsBase = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
});
afterAll(() => {
  plain.close();
  tls.close();
});

const local = createOutboundClient({ publicMode: false, allowHosts: [] });
const get = (url: string, extra: Partial<Parameters<typeof local.send>[0]> = {}) =>
  local.send({ method: 'GET', url, headers: [['Host', new URL(url).host]], ...extra });

describe('outbound HTTP', () => {
  it('sends exactly the given headers and returns status, headers, body and timing', async () => {
    const result = await local.send({
      method: 'POST',
      url: `${base}/json`,
      headers: [
        ['Host', new URL(base).host],
        ['Content-Type', 'application/json'],
        ['Content-Length', '2'],
        ['X-Trace', 'a'],
      ],
      body: new TextEncoder().encode('{}'),
    });
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.response.status).toBe(200);
    expect(new TextDecoder().decode(result.response.body)).toBe('{"hello":"world"}');
    expect(result.response.headers).toContainEqual(['set-cookie', 'a=b']);
    expect(result.timing.dns).toBeNull(); // an IP literal is not looked up
    expect(result.timing.connect).not.toBeNull();
    expect(result.timing.firstByte).toBeGreaterThan(0);
    const sent = seen.at(-1)!;
    expect(sent.body).toBe('{}');
    expect(sent.headers).toEqual(expect.arrayContaining(['X-Trace', 'a', 'Content-Type', 'application/json']));
    expect(sent.headers.map((h) => h.toLowerCase())).not.toContain('cookie');
  });

  it('decodes a gzip body and says so', async () => {
    const result = await get(`${base}/gzip`);
    if (!result.ok) throw new Error(result.failure.message);
    expect(new TextDecoder().decode(result.response.body)).toBe('compressed hello');
    expect(result.response.decoded).toBe('gzip');
  });

  it.each(['gzip', 'deflate', 'br'])('stops decoding a %s bomb at the response limit and says so', async (coding) => {
    const capped = createOutboundClient(
      { publicMode: false, allowHosts: [] },
      { ...DEFAULT_LIMITS, responseBytes: 1024 * 1024 },
    );
    const url = `${base}/bomb/${coding}`;
    const result = await capped.send({ method: 'GET', url, headers: [['Host', new URL(base).host]] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ kind: 'too-large', which: 'response', limit: 1024 * 1024 });
    expect(result.failure.message).toMatch(
      new RegExp(`decoded size exceeded 1048576 bytes: its \\d+ ${coding}-encoded`),
    );
  });

  it('reads discovery and keys with a smaller limit than the relay, decoded size included', async () => {
    expect(DOCUMENT_BYTES).toBe(256 * 1024);
    const bomb = await local.fetchJson(`${base}/bomb/gzip`);
    expect(bomb).toMatchObject({ ok: false, failure: { kind: 'too-large', limit: DOCUMENT_BYTES } });
    expect(!bomb.ok && bomb.error).toMatch(/decoded size exceeded 262144 bytes/);
    const plain = createOutboundClient(
      { publicMode: false, allowHosts: [] },
      { ...DEFAULT_LIMITS, documentBytes: 1000 },
    );
    const big = await plain.fetchJson(`${base}/big`);
    expect(big).toMatchObject({ ok: false, failure: { kind: 'too-large', limit: 1000 } });
    expect(!big.ok && big.error).toMatch(/answered more than 1000 bytes/);
  });

  it('returns a redirect instead of following it (even to a metadata address)', async () => {
    const result = await get(`${base}/redirect`);
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.response.status).toBe(302);
    expect(result.response.headers).toContainEqual(['location', 'http://169.254.169.254/latest/meta-data/']);
  });

  it('treats a remote 503 as an answer, not a failure', async () => {
    const result = await get(`${base}/error`);
    expect(result.ok && result.response.status).toBe(503);
  });

  it('truncates a response past the limit and flags it', async () => {
    const small = createOutboundClient(
      { publicMode: false, allowHosts: [] },
      { ...DEFAULT_LIMITS, responseBytes: 1000 },
    );
    const result = await small.send({ method: 'GET', url: `${base}/big`, headers: [['Host', new URL(base).host]] });
    if (!result.ok) throw new Error(result.failure.message);
    expect(result.response.truncated).toBe(true);
    expect(result.response.body.byteLength).toBe(1000);
  });

  it('names a refused connection', async () => {
    const result = await get('http://127.0.0.1:9/');
    expect(!result.ok && result.failure).toMatchObject({ kind: 'refused', address: '127.0.0.1:9' });
  });

  it('names a timeout and its phase', async () => {
    const quick = createOutboundClient({ publicMode: false, allowHosts: [] }, { ...DEFAULT_LIMITS, totalMs: 400 });
    const result = await quick.send({ method: 'GET', url: `${base}/slow`, headers: [['Host', new URL(base).host]] });
    expect(!result.ok && result.failure.kind).toBe('timeout');
  });

  it('fails a self-signed certificate with its detail, and accepts it when asked for that request', async () => {
    const strict = await get(`${tlsBase}/json`);
    expect(!strict.ok && strict.failure).toMatchObject({ kind: 'tls', code: expect.stringMatching(/SELF_SIGNED/) });
    const lax = await get(`${tlsBase}/json`, { insecureTls: true });
    if (!lax.ok) throw new Error(lax.failure.message);
    expect(lax.response.status).toBe(200);
    expect(lax.timing.tls).not.toBeNull();
  });

  it('refuses a request body past the limit before sending', async () => {
    const small = createOutboundClient({ publicMode: false, allowHosts: [] }, { ...DEFAULT_LIMITS, requestBytes: 10 });
    const result = await small.send({ method: 'POST', url: `${base}/json`, headers: [], body: new Uint8Array(11) });
    expect(!result.ok && result.failure).toMatchObject({ kind: 'too-large', which: 'request', limit: 10 });
  });

  it('in public mode, blocks loopback literals and names that resolve to loopback at connect time', async () => {
    const toLoopback: LookupFn = (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    const guarded = createOutboundClient({ publicMode: true, allowHosts: [] }, DEFAULT_LIMITS, toLoopback);
    const literal = await guarded.send({ method: 'GET', url: `${base}/json`, headers: [] });
    expect(!literal.ok && literal.failure.kind).toBe('blocked');
    const port = new URL(base).port;
    const rebound = await guarded.send({
      method: 'GET',
      url: `http://rebind.example:${port}/json`,
      headers: [['Host', `rebind.example:${port}`]],
    });
    expect(!rebound.ok && rebound.failure).toMatchObject({ kind: 'blocked', address: '127.0.0.1' });
  });

  it('fetches JSON documents through the same client', async () => {
    expect(await local.fetchJson(`${base}/json`)).toEqual({ ok: true, status: 200, json: { hello: 'world' } });
    expect(await local.fetchJson('http://127.0.0.1:9/x')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/refused/),
    });
  });
});
