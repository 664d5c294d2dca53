import { expect, type Page } from '@playwright/test';

/** Compose as a user fills it for alpha: a share template in its dialect, ready to send (not sent). */
export function composeShareForAlpha(page: Page): Promise<void> {
  return composeShareFor(page, 0, 'OCM 1.5');
}

/** The first user of a running demo peer, by index (0 alpha, 1 legacy), as the console lists them. */
export async function demoPeerUser(page: Page, peer: number): Promise<string> {
  const r = await page.request.get('/api/demo');
  return ((await r.json()) as { peers: { users: string[] }[] }).peers[peer]!.users[0]!;
}

/** The same for a demo peer by index (0 alpha, 1 legacy), checking the version Compose reads for it. */
export async function composeShareFor(page: Page, peer: number, version: string): Promise<void> {
  await page.goto('/compose');
  await page.getByRole('combobox', { name: 'Message' }).selectOption('share');
  const alpha = await demoPeerUser(page, peer);
  await page.getByRole('textbox', { name: 'Receiver (OCM address or host)' }).fill(alpha);
  await page.getByRole('button', { name: 'Read its discovery' }).click();
  await expect(page.getByRole('region', { name: 'Send' })).toContainText(version);
  await page.getByRole('button', { name: 'New template for this target' }).click();
}
