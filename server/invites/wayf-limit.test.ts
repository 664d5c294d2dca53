import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startPublicConsole } from '../testing/public-console.ts';

// A public console over real HTTP; each visitor calls from its own loopback address (127.0.0.0/8 is all loopback).
const running = await startPublicConsole('wayf-Tn5Qx8Wr2Lz7Vm4Pk9Hc', { rateLimit: 3 });
afterAll(() => running.close());
const { port } = new URL(running.url);

/** A provider lookup on the WAYF page, as an anonymous visitor at `from`: the status it answers. */
const lookUp = (from: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(port), localAddress: from, path: '/wayf?token=t&provider=cloud.example.org' },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });

describe('the WAYF page limits each anonymous visitor on its own', () => {
  it('answers 429 to a visitor past the limit and still serves another visitor', async () => {
    for (let i = 0; i < 3; i++) expect(await lookUp('127.0.0.31')).not.toBe(429);
    expect(await lookUp('127.0.0.31')).toBe(429);
    expect(await lookUp('127.0.0.32')).not.toBe(429);
  });
});
