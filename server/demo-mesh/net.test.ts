import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipBomb } from '../testing/bombs.ts';
import { fetchNet, PEER_READ_BYTES } from './net.ts';

// A peer on 127.0.0.1 whose every answer is 16 KB of gzip that inflates to 16 MiB.
const bomb = gzipBomb(16);
let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("a demo peer's reads", () => {
  it('stop a compressed discovery document or key set at its decoded limit', async () => {
    const answer = await fetchNet().fetchJson(`${base}/.well-known/ocm`);
    expect(answer).toMatchObject({ ok: false, failure: { kind: 'too-large' } });
    expect(!answer.ok && answer.error).toBe(`the answer's decoded size exceeded ${PEER_READ_BYTES.document} bytes`);
  });

  it('stop a compressed answer to an OCM call at its decoded limit', async () => {
    const sent = await fetchNet().send({ method: 'POST', url: `${base}/ocm/shares`, headers: [], body: '{}' });
    expect(sent).toEqual({ ok: false, error: `the answer's decoded size exceeded ${PEER_READ_BYTES.answer} bytes` });
  });
});
