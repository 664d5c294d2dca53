import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// A public console over real HTTP: the routes anyone may call without a credential must not buffer what they get.
const dir = mkdtempSync(join(tmpdir(), 'ocm-body-limit-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({
    port: 0,
    staticDir: join(dir, 'dist'),
    dataDir: join(dir, 'data'),
    demo: false,
    public: true,
    accessToken: 'Vq3nT8xR2mK7pW4sZ9cL6hJ1fD5gB0aY',
  }),
);
afterAll(() => running.close());
const { port } = new URL(running.url);

const HUGE = 64 * 1024 * 1024;
const CHUNK = Buffer.alloc(256 * 1024, 0x61);

/**
 * Streams up to 64 MiB of 'a' to a route (declared by Content-Length, or chunked) and stops as soon as the server
 * answers. Resolves with the status and body the server answered and how many bytes were written by then.
 */
function sendHuge(path: string, type: string, declared: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method: 'POST',
        headers: { 'content-type': type, ...(declared ? { 'content-length': String(HUGE) } : {}) },
      },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // Writing after the server answered and closed is expected to fail; before it answered, it is the test's failure.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    let sent = 0;
    const pump = () => {
      while (!answered && sent < HUGE) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('bodies on the open routes of a public console (real HTTP)', () => {
  const routes = [
    { path: '/api/session', type: 'application/json' },
    { path: '/apps/open/some-share', type: 'application/x-www-form-urlencoded' },
  ];
  for (const { path, type } of routes) {
    for (const declared of [true, false]) {
      it(`refuses 64 MiB to POST ${path} (${declared ? 'Content-Length' : 'chunked'}) with 413, without buffering it`, async () => {
        const before = process.memoryUsage().rss;
        const { status, body } = await sendHuge(path, type, declared);
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
