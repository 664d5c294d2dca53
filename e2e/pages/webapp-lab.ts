import { expect, type Page } from '@playwright/test';

/** alpha shares a web app with the console from the Inbox's demo sender; opens it in the lab from the Inbox. */
export async function receiveAndOpen(page: Page): Promise<string> {
  await page.goto('/inbox');
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await form.getByRole('combobox', { name: 'Protocol' }).selectOption('webapp');
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText('answered 201');
  await page
    .getByRole('list', { name: 'Received messages' })
    .getByRole('button', { name: /POST \/ocm\/shares/ })
    .first()
    .click();
  await page.getByRole('article').getByRole('link', { name: 'Open in the webapp lab' }).click();
  await expect(page).toHaveURL(/\/webapp\/[^/]+$/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Switches one of alpha's faults on for the length of `body`. */
export async function withAlphaFault(
  page: Page,
  fault: 'webappRejectToken' | 'webappShortToken',
  body: () => Promise<void>,
) {
  await page.request.put('/api/demo/alpha/faults', { data: { [fault]: true } });
  try {
    await body();
  } finally {
    await page.request.put('/api/demo/alpha/faults', { data: { [fault]: false } });
  }
}
