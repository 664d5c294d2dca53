import { expect, test, type Page } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';
import { demoPeerUser } from './pages/compose.ts';

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

/** Has alpha ask the console for a share, opens the request and presses "Share it"; returns alpha's user. */
async function alphaAsksThenShareIt(page: Page, app: ConsolePage): Promise<string> {
  await app.open('/inbox');
  const alphaUser = await demoPeerUser(page, 0);
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await form.getByRole('combobox', { name: 'Message' }).selectOption('request-share');
  await sendAndOpen(page, /POST \/ocm\/notifications/, () => alphaSends(page, '/ocm/notifications'));

  const actions = page.getByRole('region', { name: 'Share request actions' });
  await expect(actions).toContainText(`${alphaUser} asks`);
  await expect(actions).toContainText('REQUEST_SHARE notification (draft-07)');
  await actions.getByRole('link', { name: 'Share it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compose' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Answering a request' })).toContainText(
    `q3-plan.md (read) to ${alphaUser}`,
  );
  return alphaUser;
}

/** alpha's own record of the shares it opened: the newest one, for q3-plan.md. */
async function alphaOpened(page: Page, app: ConsolePage) {
  await app.open('/inbox');
  const log = page.getByRole('region', { name: 'What the demo peer received' });
  await log.getByRole('combobox').selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  return log.getByRole('list', { name: 'Shares opened by alpha' }).getByRole('listitem').first();
}

test('alpha asks for a share; "Share it" shares from the console, and alpha exchanges the code and reads the file', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  const alphaUser = await alphaAsksThenShareIt(page, app);

  // The console's own share, filled in from the request: to the requester, the resource asked for, the file.
  const panel = page.getByRole('region', { name: 'Share from this console' });
  await expect(panel.getByRole('textbox', { name: 'Share with (OCM address)' })).toHaveValue(alphaUser);
  await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('q3-plan.md');
  await expect(panel.getByRole('combobox', { name: 'What to share' })).toHaveValue('webdav');
  await panel.getByRole('button', { name: 'Share' }).click();
  const result = panel.getByRole('status', { name: 'Console share result' });
  await expect(result).toContainText(`${alphaUser} answered 201`);
  await expect(result).toContainText('is answered by this share');

  // Back to the request: shared, by the console's share.
  await result.getByRole('link', { name: 'request for a share' }).click();
  const answered = page.getByRole('region', { name: 'Share request actions' });
  await expect(answered.getByText('shared', { exact: true })).toBeVisible();
  await expect(answered.getByLabel('Answered by')).toContainText(
    `Shared by a share from this console (q3-plan.md to ${alphaUser})`,
  );
  await expect(answered.getByRole('list', { name: 'What happened to it' })).toContainText(
    'Share Creation Notification',
  );

  // The other side: alpha received the share, signature verified, exchanged its code at the console and read it.
  const log = page.getByRole('region', { name: 'What the demo peer received' });
  await log.getByRole('combobox').selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  const entry = log.getByRole('listitem').filter({ hasText: 'POST /ocm/shares' }).first();
  await expect(entry).toContainText(/"name":\s*"q3-plan\.md"/);
  await expect(entry).toContainText(`"${alphaUser}"`);
  await expect(entry).toContainText('verified');
  await expect(entry).toContainText('answered 201');
  const opened = await alphaOpened(page, app);
  await expect(opened).toContainText('q3-plan.md');
  await expect(opened).toContainText('code exchange 200');
  await expect(opened).toContainText(/read 200 \(\d+ bytes\)/);
  app.expectClean();
});

test('a share crafted by hand answers the request too, but alpha cannot exchange its code: the console never knew it', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  const alphaUser = await alphaAsksThenShareIt(page, app);
  await expect(page.getByRole('note', { name: 'Answering a request' })).toContainText(
    "the requester's code exchange is refused",
  );
  await expect(page.getByRole('textbox', { name: 'Receiver (OCM address or host)' })).toHaveValue(alphaUser);
  await expect(page.getByRole('region', { name: 'Send' })).toContainText('OCM 1.5');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Sent' })).toContainText('201');

  // The relay saw the share go out: the request is linked to it, as a share sent by hand.
  await page.getByRole('note', { name: 'Answering a request' }).getByRole('link').click();
  const answered = page.getByRole('region', { name: 'Share request actions' });
  await expect(answered.getByText('shared', { exact: true })).toBeVisible();
  await expect(answered.getByLabel('Answered by')).toContainText(
    `Shared by a share crafted by hand in Compose (q3-plan.md to ${alphaUser})`,
  );

  const opened = await alphaOpened(page, app);
  await expect(opened).toContainText('q3-plan.md');
  await expect(opened).toContainText(/code exchange 4\d\d/);
  await expect(opened).toContainText('not read');
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
