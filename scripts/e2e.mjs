// Runs the end-to-end journeys in a real Chromium against the standalone server.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, NO_BROWSER_MESSAGE } from './find-chromium.mjs';

const browser = await findChromium();
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
const run = (cmd, args, env = process.env) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

if (!process.env.E2E_SKIP_BUILD && run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) process.exit(1);

// A free port, so a console already running on this machine (or another test run) is never in the way.
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(String(free)));
    });
  });
const port = process.env.E2E_PORT ?? (await freePort());
// The public-mode console of the sign-in journey: its own port, and a token made for this run.
const publicPort = process.env.E2E_PUBLIC_PORT ?? (await freePort());
const publicToken = randomBytes(18).toString('base64url');
const dataDir = mkdtempSync(join(tmpdir(), 'ocm-explorer-e2e-'));
const status = run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  ...process.env,
  CHROMIUM_PATH: browser,
  E2E_DATA_DIR: dataDir,
  E2E_PORT: port,
  E2E_PUBLIC_PORT: publicPort,
  E2E_PUBLIC_TOKEN: publicToken,
});
rmSync(dataDir, { recursive: true, force: true });
process.exit(status);
