// The files of public/ (favicon, robots.txt) are served as they are, by `npm start` (from the build, where
// Vite copies them) and by `npm run dev` (Vite serves the folder itself), with the console's security headers.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerConfig } from './config.ts';
import { startServer, type RunningServer } from './index.ts';
import { CONTENT_SECURITY_POLICY } from './static.ts';

const root = resolve(import.meta.dirname, '..');
const publicDir = join(root, 'public');
const robots = readFileSync(join(publicDir, 'robots.txt'), 'utf8');
const favicon = readFileSync(join(publicDir, 'favicon.svg'), 'utf8');

async function expectPublicFiles(base: string) {
  const r = await fetch(`${base}/robots.txt`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/^text\/plain\b/);
  const text = await r.text();
  expect(text).toBe(robots);
  // Every crawler, every path.
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).toMatch(/^Disallow: \/$/m);
  const f = await fetch(`${base}/favicon.svg`);
  expect(f.status).toBe(200);
  expect(f.headers.get('content-type')).toMatch(/^image\/svg\+xml\b/);
  expect(await f.text()).toBe(favicon);
  for (const res of [r, f]) {
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  }
}

describe('public/ files', () => {
  it('holds a favicon the page links to and a robots.txt that keeps crawlers out', () => {
    expect(favicon).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toContain(
      '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />',
    );
  });

  describe('npm start (the standalone server over the build, which holds public/ as Vite copies it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocm-explorer-public-'));
    let running: RunningServer;
    beforeAll(async () => {
      cpSync(publicDir, join(dir, 'dist'), { recursive: true });
      writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><div id="root"></div>');
      running = await startServer(
        defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data'), demo: false }),
      );
    });
    afterAll(async () => {
      await running?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves robots.txt and the favicon as they are, with their types and the security headers', async () => {
      await expectPublicFiles(running.url);
    });
  });

  describe('npm run dev (Vite serves public/ itself, the server mounted beside it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocm-explorer-public-dev-'));
    let child: ChildProcess | undefined;
    let base = '';
    beforeAll(async () => {
      const port = await new Promise<number>((done) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const p = (probe.address() as { port: number }).port;
          probe.close(() => done(p));
        });
      });
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        OCM_EXPLORER_DEMO: '0',
        OCM_EXPLORER_DATA_DIR: join(dir, 'data'),
      };
      // The plugin mounts nothing under vitest; the dev server started here is the one a user gets.
      delete env.VITEST;
      delete env.VITEST_POOL_ID;
      delete env.VITEST_WORKER_ID;
      delete env.NODE_ENV;
      child = spawn(
        process.execPath,
        [join(root, 'node_modules/vite/bin/vite.js'), '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
        { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      base = `http://127.0.0.1:${port}`;
      const started = Date.now();
      while (Date.now() - started < 60_000) {
        const ok = await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) return;
        if (child.exitCode !== null) throw new Error(`vite exited (${child.exitCode}):\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`vite did not answer within 60 s:\n${out}`);
    }, 70_000);
    afterAll(async () => {
      if (child && child.exitCode === null) {
        const gone = new Promise((done) => child!.once('exit', done));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves robots.txt and the favicon as they are, with their types and the security headers', async () => {
      await expectPublicFiles(base);
    });
  });
});
