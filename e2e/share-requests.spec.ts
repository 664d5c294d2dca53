import { expect, test, type Page } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

/** Runs `send`, waits for the one new record of that endpoint to be listed (earlier journeys leave some), opens it. */
async function sendAndOpen(page: Page, endpoint: RegExp, send: () => Promise<void>) {
  const records = page.getByRole('list', { name: 'Received messages' }).getByRole('button', { name: endpoint });
  const before = await records.count();
  await send();
  await expect(records).toHaveCount(before + 1);
  await records.first().click();
}

/** Has alpha send what the demo form is set to, and waits for its answer. */
async function alphaSends(page: Page, path: string) {
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText(`${path} answered 201`);
}

test('alpha asks for a share; "Share it" fills Compose with a share to alpha, and alpha receives it', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/inbox');
  const alphaUser = await page.request
    .get('/api/demo')
    .then(async (r) => ((await r.json()) as { peers: { users: string[] }[] }).peers[0]!.users[0]!);
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await form.getByRole('combobox', { name: 'Message' }).selectOption('request-share');
  await sendAndOpen(page, /POST \/ocm\/notifications/, () => alphaSends(page, '/ocm/notifications'));

  const actions = page.getByRole('region', { name: 'Share request actions' });
  await expect(actions).toContainText(`${alphaUser} asks`);
  await expect(actions).toContainText('REQUEST_SHARE notification (draft-07)');
  await actions.getByRole('link', { name: 'Share it' }).click();

  // Compose, filled in: a share of the resource asked for, to the requester, built for alpha once its discovery is read.
  await expect(page.getByRole('heading', { level: 1, name: 'Compose' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Answering a request' })).toContainText(
    `q3-plan.md (read) to ${alphaUser}`,
  );
  await expect(page.getByRole('textbox', { name: 'Receiver (OCM address or host)' })).toHaveValue(alphaUser);
  await expect(page.getByRole('region', { name: 'Send' })).toContainText('OCM 1.5');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Sent' })).toContainText('201');

  // Back to the request: it is answered by that share.
  await page.getByRole('note', { name: 'Answering a request' }).getByRole('link').click();
  const answered = page.getByRole('region', { name: 'Share request actions' });
  await expect(answered.getByText('shared', { exact: true })).toBeVisible();
  await expect(answered.getByRole('list', { name: 'What happened to it' })).toContainText(
    'Share Creation Notification',
  );

  // The other side: alpha received the share, named as it asked, for its user, signature verified.
  await app.open('/inbox');
  const log = page.getByRole('region', { name: 'What the demo peer received' });
  await log.getByRole('combobox').selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  const entry = log.getByRole('listitem').filter({ hasText: 'POST /ocm/shares' }).first();
  await expect(entry).toContainText(/"name":\s*"q3-plan\.md"/);
  await expect(entry).toContainText(`"${alphaUser}"`);
  await expect(entry).toContainText('verified');
  await expect(entry).toContainText('answered 201');
  app.expectClean();
});

test('a request for a share declined from the Inbox: alpha receives SHARE_DECLINED; the state outlives a reload', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/inbox');
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await form.getByRole('combobox', { name: 'Message' }).selectOption('request-share');
  await sendAndOpen(page, /POST \/ocm\/notifications/, () => alphaSends(page, '/ocm/notifications'));

  const actions = page.getByRole('region', { name: 'Share request actions' });
  await actions.getByRole('button', { name: 'Decline' }).click();
  await expect(actions.getByRole('status')).toContainText('SHARE_DECLINED sent to the requester: it answered 201');
  await expect(actions.getByText('declined', { exact: true })).toBeVisible();

  const log = page.getByRole('region', { name: 'What the demo peer received' });
  await log.getByRole('combobox').selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  const entry = log.getByRole('listitem').filter({ hasText: 'SHARE_DECLINED' }).first();
  await expect(entry).toContainText('"shareId":"q3-plan.md"');
  await expect(entry).toContainText('verified');

  await page.reload();
  const again = page.getByRole('region', { name: 'Share request actions' });
  await expect(again.getByText('declined', { exact: true })).toBeVisible();
  await expect(again.getByRole('button', { name: 'Decline' })).toBeDisabled();
  app.expectClean();
});

test('alpha unshares its share: the notification is linked to the share, whose state moves to unshared', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/inbox');
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await alphaSends(page, '/ocm/shares');
  await form.getByRole('combobox', { name: 'Message' }).selectOption('notification');
  await form.getByRole('combobox', { name: 'Type' }).selectOption('SHARE_UNSHARED');
  await sendAndOpen(page, /POST \/ocm\/notifications/, () => alphaSends(page, '/ocm/notifications'));

  const linked = page.getByRole('region', { name: 'Linked share' });
  await expect(linked).toContainText('About a share the console received');
  await expect(linked.getByText('unshared', { exact: true })).toBeVisible();
  await linked.getByRole('link').click();
  const actions = page.getByRole('region', { name: 'Share actions' });
  await expect(actions.getByText('unshared', { exact: true })).toBeVisible();
  const history = actions.getByRole('list', { name: 'What happened to it' });
  await expect(history).toContainText('SHARE_UNSHARED');
  await expect(actions.getByRole('button', { name: 'Accept' })).toBeDisabled();

  // The same notification again: answered 201 as before, recorded as a repeat, the state unchanged.
  await alphaSends(page, '/ocm/notifications');
  await expect(history).toContainText('a repeat');
  await expect(actions.getByText('unshared', { exact: true })).toBeVisible();
  app.expectClean();
});
