import { expect, test } from '@playwright/test';
import { composeShareForAlpha } from './pages/compose.ts';
import { ConsolePage } from './pages/console-page.ts';

test('Ctrl/Cmd+K jumps to a page or searches the history; ? lists the shortcuts; Ctrl/Cmd+Enter sends from the editor', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/');
  await page.keyboard.press('ControlOrMeta+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.getByRole('combobox', { name: 'Command' }).fill('keys');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Keys' })).toBeVisible();

  await page.keyboard.press('ControlOrMeta+K');
  await page.getByRole('combobox', { name: 'Command' }).fill('ocm/shares');
  await page.getByRole('option', { name: /Search the history for “ocm\/shares”/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Search history' })).toHaveValue('ocm/shares');

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Ctrl/⌘ + Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  // In Compose, with the cursor in the editor, Ctrl/Cmd+Enter sends (Monaco does not get to insert a line).
  await composeShareForAlpha(page);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByRole('region', { name: 'Sent' })).toContainText('201');
  app.expectClean();
});
