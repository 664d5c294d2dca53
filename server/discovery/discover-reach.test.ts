// A bare host is tried over its other scheme when nothing answers over the first: real servers, real sockets.
import { mkdtempSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LookupFn } from '../guard/ssrf.ts';
import { createOutboundClient } from '../outbound/http-client.ts';
import { ensureTlsMaterial } from '../tls.ts';
import { discoverTarget } from './discover-target.ts';

const doc = { enabled: true, apiVersion: '1.2.0', endPoint: 'https://cloud.test/ocm', resourceTypes: [] };
const asked: string[] = [];
function handler(req: IncomingMessage, res: ServerResponse) {
  asked.push(req.url ?? '');
  const found = req.url === '/.well-known/ocm';
  res.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json' });
  res.end(found ? JSON.stringify(doc) : '{"error":"not found"}');
}
const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

// `cloud.test` stands for a public-looking name (tried over https first); it resolves to this machine.
const resolve: LookupFn = (_hostname, _options, callback) => callback(null, [{ address: '127.0.0.1', family: 4 }]);

let plain: Server;
let secure: Server;
let plainPort: number;
let securePort: number;
let closedPort: number;
let ca: string;

beforeAll(async () => {
  const tls = await ensureTlsMaterial({
    dataDir: mkdtempSync(join(tmpdir(), 'ocm-reach-')),
    names: ['localhost', '127.0.0.1', 'cloud.test'],
  });
  ca = tls.cert;
  plain = createHttpServer(handler);
  secure = createHttpsServer({ cert: tls.cert, key: tls.key }, handler);
  plainPort = await listen(plain);
  securePort = await listen(secure);
  const probe = createHttpServer();
  closedPort = await listen(probe);
  await new Promise((r) => probe.close(r));
});
afterAll(() => {
  plain.close();
  secure.close();
});

const client = () => createOutboundClient({ publicMode: false, allowHosts: [] }, undefined, resolve, { extraCa: [ca] });

describe('discovery of a bare host over both schemes', () => {
  it('finds a plain http server named like a public host: https (tried first) fails at TLS, http answers', async () => {
    const result = await discoverTarget(client(), `cloud.test:${plainPort}`);
    if ('error' in result) throw new Error(result.error);
    expect(result.base).toBe(`http://cloud.test:${plainPort}`);
    expect(result).toMatchObject({ answeredBy: 'well-known', document: doc });
    expect(result.unreachable).toEqual([
      {
        base: `https://cloud.test:${plainPort}`,
        url: `https://cloud.test:${plainPort}/.well-known/ocm`,
        failure: expect.objectContaining({ kind: 'tls' }),
      },
    ]);
  });

  it('finds an https-only server at a loopback address: http (tried first) gets no answer, https answers', async () => {
    const result = await discoverTarget(client(), `127.0.0.1:${securePort}`);
    if ('error' in result) throw new Error(result.error);
    expect(result.base).toBe(`https://127.0.0.1:${securePort}`);
    expect(result).toMatchObject({ answeredBy: 'well-known', document: doc });
    expect(result.unreachable).toHaveLength(1);
    expect(result.unreachable![0]!.base).toBe(`http://127.0.0.1:${securePort}`);
    expect(result.unreachable![0]!.failure.kind).not.toBe('tls');
  });

  it('does not fall back to plain http when the https certificate is refused: no downgrade', async () => {
    // The same https server, by a client that does not trust its self-signed certificate.
    const untrusting = createOutboundClient({ publicMode: false, allowHosts: [] }, undefined, resolve);
    asked.length = 0;
    const result = await discoverTarget(untrusting, `cloud.test:${securePort}`);
    if ('error' in result) throw new Error(result.error);
    expect(result.base).toBe(`https://cloud.test:${securePort}`);
    expect(result.answeredBy).toBeNull();
    expect(result.wellKnown.failure).toMatchObject({ kind: 'tls', code: expect.stringMatching(/SELF_SIGNED/) });
    expect(result.unreachable).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('takes a 404 as an answer: the other scheme is not tried', async () => {
    const gone = createHttpServer((req, res) => {
      asked.push(`gone ${req.url}`);
      res.writeHead(404).end();
    });
    const port = await listen(gone);
    try {
      asked.length = 0;
      const result = await discoverTarget(client(), `127.0.0.1:${port}`);
      if ('error' in result) throw new Error(result.error);
      expect(asked).toEqual(['gone /.well-known/ocm', 'gone /ocm-provider']);
      expect(result.base).toBe(`http://127.0.0.1:${port}`);
      expect(result.unreachable).toBeUndefined();
      expect(result.problem).toBe(
        `http://127.0.0.1:${port}/.well-known/ocm answered 404. http://127.0.0.1:${port}/ocm-provider answered 404.`,
      );
    } finally {
      gone.close();
    }
  });

  it('never overrides a spelled scheme', async () => {
    const result = await discoverTarget(client(), `https://cloud.test:${plainPort}`);
    if ('error' in result) throw new Error(result.error);
    expect(result.base).toBe(`https://cloud.test:${plainPort}`);
    expect(result.answeredBy).toBeNull();
    expect(result.unreachable).toBeUndefined();
    expect(result.wellKnown.failure?.kind).toBe('tls');
    const chosen = await discoverTarget(client(), `cloud.test:${plainPort}`, { scheme: 'https' });
    if ('error' in chosen) throw new Error(chosen.error);
    expect(chosen.base).toBe(`https://cloud.test:${plainPort}`);
    expect(chosen.unreachable).toBeUndefined();
  });

  it('names each candidate once when nothing listens, and does not ask the legacy path of a refused port', async () => {
    const result = await discoverTarget(client(), `127.0.0.1:${closedPort}`);
    if ('error' in result) throw new Error(result.error);
    expect(result.answeredBy).toBeNull();
    expect(result.legacy).toBeNull();
    expect(result.problem).toBe(
      `http://127.0.0.1:${closedPort}: connection refused. https://127.0.0.1:${closedPort}: connection refused.`,
    );
    const spelled = await discoverTarget(client(), `http://127.0.0.1:${closedPort}`);
    if ('error' in spelled) throw new Error(spelled.error);
    expect(spelled.legacy).toBeNull();
    expect(spelled.problem).toBe(`127.0.0.1:${closedPort} refused the connection.`);
  });
});
