import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/find-chromium.mjs';
import { percentile, startServer } from './load.ts';
import { report } from './report.ts';

// In a real Chromium against the console and its demo mesh: the time from submitting a target on the
// Discover page to its rendered result (20 runs, each a fresh fetch), and a comparison of 50 servers.
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const executablePath = await findChromium();
if (!executablePath) {
  console.log('No Chromium: skipped (install it with apt-get install -y chromium).');
  process.exit(0);
}
const server = await startServer(['--demo', '--real-dist']);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  const alpha = new URL(server.demo![0]!).host;
  await page.goto(`${server.url}/discover`);
  const field = page.getByRole('textbox', { name: 'Host, URL or OCM address' });
  const detected = page.getByRole('region', { name: 'Detected version' });
  const times: number[] = [];
  for (let i = 0; i < 22; i++) {
    // A new user name each time: a new query, so the page really fetches (the server does too).
    const target = `user${i}@${alpha}`;
    await field.fill(target);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Discover' }).click();
    await page.waitForURL(`**/discover/${encodeURIComponent(target)}`);
    await detected.waitFor();
    await page.getByRole('status').filter({ hasText: 'Fetching discovery' }).waitFor({ state: 'detached' });
    if (i >= 2) times.push(Date.now() - t0); // the first two warm the lazy chunks
  }
  times.sort((a, b) => a - b);
  report({
    name: 'submit to rendered discovery, p50 of 20',
    value: percentile(times, 50),
    unit: 'ms',
    target: { max: 300 },
    detail: `p90 ${percentile(times, 90)} ms, Chromium, demo peer alpha`,
  });

  const targets = Array.from({ length: 50 }, (_, i) => `peer${i}@${i % 2 ? alpha : new URL(server.demo![1]!).host}`);
  await page.getByText('Compare several servers').click();
  await page.getByRole('textbox', { name: /Servers \(one per line\)/ }).fill(targets.join('\n'));
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Compare' }).click();
  // Done when the version row has all 50 cells filled. Read through locators, not a script string:
  // the console's Content-Security-Policy forbids eval, so page.waitForFunction('…') never runs.
  const versionCells = page
    .locator('table[aria-label="Comparison"] tr')
    .filter({ has: page.locator('th', { hasText: /^version$/ }) })
    .locator('td');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const cells = await versionCells.allTextContents();
    if (cells.length === 50 && cells.every((c) => c !== '…')) break;
    if (Date.now() > deadline) throw new Error(`comparison unfinished after 60 s: ${cells.length} cells`);
    await page.waitForTimeout(10);
  }
  report({
    name: 'compare 50 servers (6 at a time)',
    value: (Date.now() - t0) / 1000,
    unit: 's',
    target: { max: 3 },
    detail: 'demo peers under 50 names',
  });
} finally {
  await browser.close();
  server.stop();
}
