import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

test('check both demo peers; a fault switched on shows up as a named failing line', async ({
  page,
  request,
  baseURL,
}) => {
  const app = new ConsolePage(page);
  await app.open('/check');
  const picks = page.getByRole('group', { name: 'Check a demo peer:' });
  await picks.getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' }).click();
  const report = page.getByRole('article', { name: 'Check report' });
  await expect(report.getByRole('heading', { level: 2 })).toContainText('warn');
  const signatures = report.getByRole('region', { name: 'Signature policy' });
  await expect(signatures).toContainText('Refuses an unsigned share');
  await expect(signatures.getByText('pass').first()).toBeVisible();
  await expect(report.getByRole('region', { name: 'Token endpoint' })).toContainText('invalid_grant');

  await page.getByRole('button', { name: 'Legacy Cloud (Nextcloud-like 1.1)' }).click();
  await expect(report.getByRole('region', { name: 'Signature policy' })).toContainText('signatures not advertised');
  await expect(report.getByRole('region', { name: 'Keys' })).toContainText('rsa 2048 bits');

  // alpha answers 500 to everything: the report names the failing line.
  await request.put(`${baseURL}/api/demo/alpha/faults`, { data: { serverError: true } });
  try {
    await page.getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' }).click();
    await expect(report.getByRole('heading', { level: 2 })).toContainText('fail');
    await expect(report.getByRole('region', { name: 'Input validation' })).toContainText('seen 500');
  } finally {
    await request.put(`${baseURL}/api/demo/alpha/faults`, { data: { serverError: false } });
  }
  app.expectClean();
});
