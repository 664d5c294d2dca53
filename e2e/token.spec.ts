import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

test("the code flow by hand: a demo peer's share is exchanged for a token that opens the file", async ({ page }) => {
  const app = new ConsolePage(page);
  // alpha (OCM 1.5, must-exchange-token) shares a file with this console's alice.
  await app.open('/inbox');
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText('answered 201');

  await app.openJob('Token');
  await page.getByRole('region', { name: 'Shares received' }).getByRole('button').first().click();
  await expect(page.getByRole('textbox', { name: "Code (the share's sharedSecret)" })).not.toHaveValue('');
  await page.getByRole('button', { name: 'Exchange the code and open the resource' }).click();

  const steps = page.getByRole('list', { name: 'Code flow steps' });
  await expect(steps).toContainText('Token endpoint: http://127.0.0.1:');
  await expect(steps).toContainText('Got a Bearer token, valid 300 s.');
  await expect(steps).toContainText('PROPFIND answered 207: the token opens the resource.');
  await expect(steps).toContainText('GET answered 200: the token opens the resource.');
  await expect(
    page.getByRole('region', { name: 'GET with the token' }).getByLabel('GET with the token: response body'),
  ).toContainText('Hello from Alpha Cloud');
  // The token request was signed by the relay with the console's key.
  await expect(page.getByLabel('Code exchanged for a token: signature base')).toContainText(
    '"@signature-params": ("@method" "@target-uri" "content-digest" "content-length")',
  );
  app.expectClean();
});

test('an unsigned token request is refused by a peer that requires signatures, and the page says where it stopped', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/token');
  await page.getByRole('region', { name: 'Shares received' }).getByRole('button').first().click();
  await page.getByRole('combobox', { name: 'Sign the token request' }).selectOption('none');
  await page.getByRole('button', { name: 'Exchange the code and open the resource' }).click();
  const steps = page.getByRole('list', { name: 'Code flow steps' });
  await expect(steps).toContainText('The token endpoint answered 401 with error "invalid_client".');
  await expect(steps.getByText('stopped')).toBeVisible();
  app.expectClean();
});
