import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHuge } from '../testing/huge-body.ts';
import { startDemoMesh } from './index.ts';

// The alpha demo peer's accept dialog over real HTTP, and a server it could be told to send to.
const mesh = await startDemoMesh();
const alpha = mesh.peers[0]!.state;
let hits = 0;
const provider = createServer((req, res) => {
  hits++;
  req.resume();
  res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
});
beforeAll(() => new Promise<void>((done) => provider.listen(0, '127.0.0.1', done)));
afterAll(async () => {
  await mesh.close();
  await new Promise<void>((done) => provider.close(() => done()));
});

const accept = (headers: Record<string, string>) =>
  fetch(`${alpha.origin}/invites/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({
      token: 'a55a966e-15c1-4cb9-a39d-4e4c54399baf',
      providerDomain: `127.0.0.1:${(provider.address() as AddressInfo).port}`,
    }).toString(),
  });

describe("a demo peer's accept dialog", () => {
  it.each([
    ['another site (Origin)', { origin: 'https://evil.example' }],
    ['an opaque origin', { origin: 'null' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a post from %s and sends nothing', async (_name, headers) => {
    const before = hits;
    const res = await accept(headers);
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/^Refused: .*other web pages cannot submit it/);
    expect(hits).toBe(before);
  });

  it('still accepts from its own page', async () => {
    const before = hits;
    const res = await accept({ origin: alpha.origin, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
    expect(hits).toBeGreaterThan(before);
  });

  it('refuses a 64 MiB form with 413 without buffering it', async () => {
    const before = process.memoryUsage().rss;
    const type = 'application/x-www-form-urlencoded';
    for (const declared of [true, false]) {
      const res = await sendHuge(`${alpha.origin}/invites/accept`, { bytes: 64 * 1024 * 1024, type, declared });
      expect(res.status).toBe(413);
    }
    expect(process.memoryUsage().rss - before).toBeLessThan(16 * 1024 * 1024);
  });
});
