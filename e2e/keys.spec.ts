import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

test('the console keys: listed, a P-256 key generated and published, the active key protected, a private key shown only after confirming', async ({
  page,
  request,
  baseURL,
}) => {
  const app = new ConsolePage(page);
  await app.open('/keys');
  const list = page.getByRole('list', { name: 'Keys' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list).toContainText('RFC 9421');
  await expect(list).toContainText('draft-cavage');

  await page.getByRole('combobox', { name: 'Algorithm' }).selectOption('ecdsa-p256-sha256');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  const p256 = list.getByRole('listitem').filter({ hasText: 'P-256' });
  const kid = (await p256.locator('code').first().textContent())!;
  const jwks = (await (await request.get(`${baseURL}/ocm/jwks`)).json()) as { keys: { kid: string }[] };
  expect(jwks.keys.map((k) => k.kid)).toContain(kid);

  // The active key cannot be deleted: the server says why.
  const active = list.getByRole('listitem').filter({ hasText: 'active: signs' }).first();
  await active.getByRole('button', { name: 'Delete' }).click();
  await expect(active.getByRole('alert')).toContainText('rotate first');

  await p256.getByRole('button', { name: 'Export private key…' }).click();
  await expect(p256.getByLabel(/^Private key of/)).toHaveCount(0);
  await p256.getByRole('button', { name: 'Show the private key' }).click();
  await expect(p256.getByLabel(`Private key of ${kid}`)).toContainText('BEGIN PRIVATE KEY');

  await p256.getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  app.expectClean({ allowStatuses: [400] });
});

test('an unreadable key to import is refused with the reason', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/keys');
  await page
    .getByRole('textbox', { name: 'PEM (PKCS#8, PKCS#1, SEC1) or JWK' })
    .fill('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Import a key' }).getByRole('alert')).toContainText(
    'certificate, not a key',
  );
  app.expectClean({ allowStatuses: [400] });
});
