import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultServerConfig } from './config.ts';
import { startServer } from './index.ts';
import { builtPagePolicy, CONTENT_SECURITY_POLICY, devPagePolicy, labContentSecurityPolicy } from './static.ts';

// A real listening server on 127.0.0.1 with a small built console in a temporary folder.
const dir = mkdtempSync(join(tmpdir(), 'ocm-explorer-static-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: dir, dataDir: join(dir, 'data'), demo: false }),
);
afterAll(async () => {
  await running.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('standalone server', () => {
  it('serves index.html for client-side routes (SPA fallback) without caching it', async () => {
    const res = await fetch(`${running.url}/discover/cloud.example.org`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const res = await fetch(`${running.url}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
  });

  it.each(['/webapp/%E0%A4%A', '/api/inbox/%E0%A4%A', '/%E0%A4%A'])(
    'answers a path whose percent-encoding is cut (%s) with 400 and the reason',
    async (path) => {
      const res = await fetch(`${running.url}${path}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'bad-request',
        message: `The path "${path}" is not valid percent-encoding: each %XX must spell UTF-8 (RFC 3986 §2.1).`,
      });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('answers a missing asset with 404, not with index.html', async () => {
    const res = await fetch(`${running.url}/assets/missing.js`);
    expect(res.status).toBe(404);
  });

  it('sends a Content-Security-Policy that allows no remote origin', async () => {
    for (const path of ['/', '/api/health', '/assets/index-abc123.js']) {
      const csp = (await fetch(`${running.url}${path}`)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      // No scheme, host or wildcard source anywhere: only 'self', data: and blob:.
      expect(csp).not.toMatch(/https?:|\*|\bws:/);
    }
  });

  it('opens the webapp lab page, and only it, to the app origin it is given', async () => {
    const app = encodeURIComponent('http://127.0.0.1:4001');
    const lab = (await fetch(`${running.url}/webapp?app=${app}`)).headers.get('content-security-policy') ?? '';
    expect(lab).toContain("frame-src 'self' http://127.0.0.1:4001;");
    expect(lab).toContain("form-action 'self' http://127.0.0.1:4001;");
    const inbox = (await fetch(`${running.url}/inbox?app=${app}`)).headers.get('content-security-policy') ?? '';
    expect(inbox).not.toContain('4001');
  });

  it('gives the dev server the lab page policy for frame-src and form-action only, and every other page none', () => {
    const origins = (path: string, query: URLSearchParams) =>
      path === '/webapp/in-1' ? ['http://127.0.0.1:4001'] : query.get('app') ? [query.get('app')!] : [];
    const at = (path: string) => new URL(path, 'http://127.0.0.1:5173');
    expect(devPagePolicy('GET', at('/webapp/in-1'), origins)).toBe(
      "frame-src 'self' http://127.0.0.1:4001; form-action 'self' http://127.0.0.1:4001",
    );
    expect(devPagePolicy('GET', at('/webapp'), origins)).toBe("frame-src 'self'; form-action 'self'");
    // Hot reload needs inline scripts and its socket: other dev pages keep no policy, as before.
    expect(devPagePolicy('GET', at('/inbox'), origins)).toBeUndefined();
    expect(devPagePolicy('GET', at('/webapp-other'), origins)).toBeUndefined();
    // The built console (start and preview) gets the whole policy, the lab's opened to the same origin.
    expect(builtPagePolicy('GET', at('/webapp/in-1'), origins)).toBe(
      labContentSecurityPolicy(['http://127.0.0.1:4001']),
    );
    expect(builtPagePolicy('GET', at('/inbox?app=http://127.0.0.1:4001'), origins)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses a foreign Host header over real HTTP too', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${running.url}/api/health`, { headers: { host: 'rebind.evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('does not serve the SPA for server paths', async () => {
    const res = await fetch(`${running.url}/api/does-not-exist`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/json/);
  });
});
