import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// A public console over real HTTP; each visitor calls from its own loopback address (127.0.0.0/8 is all loopback).
const dir = mkdtempSync(join(tmpdir(), 'ocm-wayf-limit-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({
    port: 0,
    staticDir: join(dir, 'dist'),
    dataDir: join(dir, 'data'),
    demo: false,
    public: true,
    accessToken: 'wayf-Tn5Qx8Wr2Lz7Vm4Pk9Hc',
    rateLimit: 3,
  }),
);
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
