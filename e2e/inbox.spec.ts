import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

test('a share sent to the console shows up live in the inbox and survives a reload', async ({
  page,
  request,
  baseURL,
}) => {
  const app = new ConsolePage(page);
  await app.open('/inbox');
  await expect(page.getByText('live', { exact: true })).toBeVisible();
  const endPoint = `${baseURL}/ocm`;
  await expect(page.getByText(endPoint, { exact: true })).toBeVisible();

  // Earlier journeys leave shares in the inbox: wait for this one to be listed before opening the newest.
  const list = page.getByRole('list', { name: 'Received messages' });
  const shares = list.getByRole('button', { name: /POST \/ocm\/shares/ });
  const before = await shares.count();
  const name = `e2e-${Date.now()}.txt`;
  const res = await request.post(`${endPoint}/shares`, {
    data: {
      shareWith: `alice@${new URL(baseURL!).host}`,
      name,
      providerId: 'p1',
      owner: 'bob@peer.example',
      sender: 'bob@peer.example',
      shareType: 'user',
      resourceType: 'file',
      protocol: { name: 'multi', webdav: { uri: 'p1', sharedSecret: 's', permissions: ['read'] } },
    },
  });
  expect(res.status()).toBe(201);
  expect(await res.json()).toEqual({ recipientDisplayName: 'Alice (OCM Explorer)' });

  await expect(shares).toHaveCount(before + 1);
  const item = shares.first();
  await expect(item).toContainText('answered 201');
  await item.click();
  const detail = page.getByRole('article');
  await expect(detail.getByLabel('Request body')).toContainText(name);
  await expect(detail).toContainText('No Signature header: the request is not signed.');

  await page.reload();
  await expect(page.getByRole('list', { name: 'Received messages' })).toContainText('POST /ocm/shares');
  app.expectClean();
});

test('a malformed call is kept with what was wrong, and a custom answer is honoured', async ({
  page,
  request,
  baseURL,
}) => {
  const app = new ConsolePage(page);
  await app.open('/inbox');
  await page.getByText('How the console answers').click();
  const form = page.getByRole('form', { name: 'Answer policy for notifications' });
  await form.getByRole('combobox', { name: 'Answer' }).selectOption('custom');
  await form.getByRole('spinbutton', { name: 'Status' }).fill('503');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();

  const res = await request.post(`${baseURL}/ocm/notifications`, {
    data: Buffer.from('{"notificationType": <b>oops</b>'),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.status()).toBe(503);

  const item = page
    .getByRole('list', { name: 'Received messages' })
    .getByRole('button', { name: /POST \/ocm\/notifications/ })
    .first();
  await expect(item).toContainText('answered 503');
  await item.click();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('The body is not JSON');
  // Remote text stays text: no <b> element was created from the body.
  await expect(page.getByLabel('Request body')).toContainText('<b>oops</b>');
  expect(await page.locator('article b').count()).toBe(0);

  // Back to the spec's answer, so other journeys see the default.
  await form.getByRole('combobox', { name: 'Answer' }).selectOption('spec');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();
  app.expectClean();
});

test("a demo peer's log keeps the Check's probes, marked, and hides them by default with their number", async ({
  page,
  request,
}) => {
  const app = new ConsolePage(page);
  const alpha = ((await (await request.get('/api/demo')).json()) as { peers: { origin: string }[] }).peers[0]!;
  expect((await request.post('/api/check', { data: { target: alpha.origin } })).ok()).toBe(true);

  await app.open('/inbox');
  const log = page.getByRole('region', { name: 'What the demo peer received' });
  await log.getByRole('combobox', { name: 'What this peer received' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await expect(log.getByText(/^\d+ Check probes hidden$/)).toBeVisible();
  await expect(log.getByText('Check probe', { exact: true })).toHaveCount(0);

  await log.getByRole('checkbox', { name: 'Hide Check probes' }).uncheck();
  const newest = log.getByRole('list', { name: 'Received by alpha' }).getByRole('listitem').first();
  await expect(newest.getByText('Check probe', { exact: true })).toBeVisible();
  await expect(log.getByText(/Check probes hidden/)).toHaveCount(0);
  app.expectClean();
});
