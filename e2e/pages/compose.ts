import { expect, type Page } from '@playwright/test';

/** Compose as a user fills it for alpha: a share template in its dialect, ready to send (not sent). */
export async function composeShareForAlpha(page: Page): Promise<void> {
  await page.goto('/compose');
  await page.getByRole('combobox', { name: 'Message' }).selectOption('share');
  const alpha = await page.request
    .get('/api/demo')
    .then(async (r) => ((await r.json()) as { peers: { users: string[] }[] }).peers[0]!.users[0]!);
  await page.getByRole('textbox', { name: 'Receiver (OCM address or host)' }).fill(alpha);
  await page.getByRole('button', { name: 'Read its discovery' }).click();
  await expect(page.getByRole('region', { name: 'Send' })).toContainText('OCM 1.5');
  await page.getByRole('button', { name: 'New template for this target' }).click();
}
