import { defineConfig, devices } from '@playwright/test';

// scripts/e2e.mjs finds the browser and builds the console first; this file only describes the run.
import { CONSOLE_PORT, PUBLIC_ACCESS_TOKEN, PUBLIC_CONSOLE_PORT } from './e2e/servers.ts';

const port = CONSOLE_PORT;
const baseURL = `http://127.0.0.1:${port}`;
const publicPort = PUBLIC_CONSOLE_PORT;

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker: the journeys share one server (its inbox, its demo peers' fault switches).
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: '.test-reports/e2e.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    trace: 'retain-on-failure',
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || undefined,
      // Playwright turns the popup blocker off by default; users have it on, so the journeys run with it on.
      ignoreDefaultArgs: ['--disable-popup-blocking'],
      // --no-sandbox: CI runs as root. The rest keeps Chromium from calling home on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: [
    {
      // The standalone production server, exactly what `npm start` runs, with a throwaway data folder.
      command: `node --import tsx server/index.ts --port ${port} --data-dir ${process.env.E2E_DATA_DIR ?? '.test-reports/e2e-data'}`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // A second console in public mode, for the sign-in journey, with this run's access token.
      command: `node --import tsx server/index.ts --public --port ${publicPort} --data-dir ${process.env.E2E_DATA_DIR ?? '.test-reports/e2e-data'}/public`,
      url: `http://127.0.0.1:${publicPort}/api/health`,
      env: { OCM_EXPLORER_ACCESS_TOKEN: PUBLIC_ACCESS_TOKEN },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
