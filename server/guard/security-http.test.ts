import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// The cross-site guard over real HTTP, where a body is framed by Content-Length or Transfer-Encoding.
const dir = mkdtempSync(join(tmpdir(), 'ocm-security-http-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data'), demo: false }),
);
afterAll(() => running.close());

describe('the API over real HTTP', () => {
  it('takes a DELETE without a body from its own page (no Content-Type needed)', async () => {
    const res = await fetch(`${running.url}/api/inbox`, { method: 'DELETE', headers: { origin: running.url } });
    expect(res.status).toBe(200);
  });

  it('refuses a text/plain body, whether sized or chunked', async () => {
    const sized = await fetch(`${running.url}/api/keys`, {
      method: 'POST',
      body: '{"use":"rfc9421"}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(sized.status).toBe(415);
    const chunked = await fetch(`${running.url}/api/keys`, {
      method: 'POST',
      body: new Blob(['{"use":"rfc9421"}']).stream(),
      headers: { 'content-type': 'text/plain' },
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(415);
  });

  it('sets nosniff, no-referrer and frame-ancestors on what it serves', async () => {
    const res = await fetch(`${running.url}/`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
  });
});
