import { afterAll, describe, expect, it } from 'vitest';
import { startPublicConsole } from '../testing/public-console.ts';
import { sendHuge } from '../testing/huge-body.ts';

// A public console over real HTTP: the routes anyone may call without a credential must not buffer what they get.
const running = await startPublicConsole('Vq3nT8xR2mK7pW4sZ9cL6hJ1fD5gB0aY');
afterAll(() => running.close());

const HUGE = 64 * 1024 * 1024;

describe('bodies on the open routes of a public console (real HTTP)', () => {
  const routes = [
    { path: '/api/session', type: 'application/json' },
    { path: '/apps/open/some-share', type: 'application/x-www-form-urlencoded' },
  ];
  for (const { path, type } of routes) {
    for (const declared of [true, false]) {
      it(`refuses 64 MiB to POST ${path} (${declared ? 'Content-Length' : 'chunked'}) with 413, without buffering it`, async () => {
        const before = process.memoryUsage().rss;
        const { status, body } = await sendHuge(`${running.url}${path}`, { bytes: HUGE, type, declared });
        const grown = process.memoryUsage().rss - before;
        expect(status).toBe(413);
        expect(body).toMatch(/too large.*at most \d+ KiB/i);
        expect(grown).toBeLessThan(16 * 1024 * 1024);
      });
    }
  }

  it('still signs in with a small body', async () => {
    const res = await fetch(`${running.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'Vq3nT8xR2mK7pW4sZ9cL6hJ1fD5gB0aY' }),
    });
    expect(res.status).toBe(200);
  });
});
