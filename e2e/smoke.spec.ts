import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

const JOBS = ['Discover', 'Compose', 'Inbox', 'Token', 'Webapp', 'Invites', 'History', 'Keys', 'Check', 'Interop'];

test('the console loads and every navigation entry opens its page', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/');
  await expect(page.getByRole('heading', { level: 1, name: 'OCM Explorer' })).toBeVisible();
  await expect(app.nav().getByRole('link')).toHaveText(JOBS);
  for (const job of JOBS) await app.openJob(job);
  app.expectClean();
});

test('a deep link survives a reload (SPA fallback)', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/check/cloud.example.org');
  await expect(page.getByRole('heading', { level: 1, name: 'Check' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Check' })).toBeVisible();
  app.expectClean();
});

test('the editor loads Monaco from this server and the linter reports a broken document', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/compose');
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible();
  const findings = page.getByRole('region', { name: 'Lint findings' });
  await expect(findings).toContainText('0 errors');
  // Break the document: the lint (and Monaco's JSON worker, run locally) must notice.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('}');
  await expect(findings).toContainText('1 error');
  app.expectClean();
});

test('an unknown path shows the not-found page', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('/no/such/page')).toBeVisible();
  app.expectClean();
});

test('the theme follows the choice in the header', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  app.expectClean();
});

test('the built console serves the files of public/ as they are: its favicon and a robots.txt that keeps crawlers out', async ({
  page,
  request,
}) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
  expect(robots.headers()['x-content-type-options']).toBe('nosniff');
  expect(await robots.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  const app = new ConsolePage(page);
  const icon = page.waitForResponse((r) => new URL(r.url()).pathname === '/favicon.svg');
  await app.open('/');
  const response = await icon;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  app.expectClean();
});
