import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

test('a demo peer sends a signed share to alice; the inbox verifies it, then refuses and names a broken digest (201 only when lenient)', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/inbox');
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await expect(form.getByRole('textbox', { name: 'To' })).toHaveValue(/^alice@127\.0\.0\.1:\d+$/);

  // alpha (OCM 1.5, RFC 9421) → the console.
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText('answered 201');
  const first = page.getByRole('list', { name: 'Received messages' }).getByRole('button').first();
  await expect(first).toContainText('signature verified');

  // legacy (Nextcloud-like, draft-cavage) → the console.
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Legacy Cloud (Nextcloud-like 1.1)' });
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText('answered 201');
  await first.click();
  await expect(page.getByRole('region', { name: 'Signature' })).toContainText(
    'draft-cavage signature (rsa-sha256) verified',
  );
  await expect(page.getByRole('region', { name: 'OCM lint' })).toContainText('share.protocol-legacy');

  // Switch on alpha's wrong-digest fault: as a strict draft-07 peer the console refuses the share with 401,
  // and still records the call and says why it fails.
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await page.getByRole('checkbox', { name: 'wrong digest' }).check();
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText('answered 401');
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText('SIGNATURE_INVALID');
  await expect(first).toContainText('signature failed');
  await first.click();
  await expect(page.getByRole('region', { name: 'Signature' })).toContainText(/[Dd]igest/);

  // Under the lenient policy the same share is answered 201, and verified and recorded as before.
  await page.getByText('How the console answers').click();
  const policy = page.getByRole('form', { name: 'Answer policy for shares' });
  await policy.getByRole('combobox', { name: 'Answer' }).selectOption('lenient');
  await policy.getByRole('button', { name: 'Save' }).click();
  await expect(policy.getByText('Saved.')).toBeVisible();
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText('answered 201');
  await expect(first).toContainText('signature failed');
  await policy.getByRole('combobox', { name: 'Answer' }).selectOption('spec');
  await policy.getByRole('button', { name: 'Save' }).click();
  await expect(policy.getByText('Saved.')).toBeVisible();
  await page.getByRole('checkbox', { name: 'wrong digest' }).uncheck();
  await expect(page.getByRole('checkbox', { name: 'wrong digest' })).not.toBeChecked();
  app.expectClean();
});
