import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

test('the console invites, the invitee picks alpha on the WAYF page and accepts there; the invite shows accepted, live', async ({
  page,
  context,
}) => {
  const app = new ConsolePage(page);
  await app.open('/invites');
  await page.getByRole('button', { name: 'Create invite' }).click();
  const card = page.getByRole('region', { name: 'Invite to hand out' });
  await expect(card.getByRole('img', { name: /QR code of http:\/\/127\.0\.0\.1:\d+\/wayf\?token=/ })).toBeVisible();
  const link = (await card.getByLabel('Invite link', { exact: true }).textContent())!;
  const token = new URL(link).searchParams.get('token')!;

  // The invitee, in another tab: the WAYF page, then alpha's accept dialog.
  const visitor = await context.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { name: 'Accept an invite' })).toBeVisible();
  await expect(visitor.getByText(/alice@127\.0\.0\.1:\d+ invites you/)).toBeVisible();
  await visitor.getByRole('link', { name: /Alpha Cloud/ }).click();
  await expect(visitor).toHaveURL(new RegExp(`/invites/accept\\?token=${token}&providerDomain=127\\.0\\.0\\.1%3A\\d+`));
  await visitor.getByRole('button', { name: 'Accept invite' }).click();
  await expect(visitor.getByRole('status')).toContainText('answered 200');

  // Back on the console: the invite is accepted, without a reload, and the call is in the Inbox, verified.
  const row = page.getByRole('listitem', { name: `Invite ${token}` });
  await expect(row).toContainText('accepted');
  await expect(row).toContainText(/\(carol@127\.0\.0\.1:\d+\)/);
  await row.getByRole('link', { name: 'See the call in the Inbox' }).click();
  await page
    .getByRole('list', { name: 'Received messages' })
    .getByRole('button', { name: /invite-accepted/ })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Signature' })).toContainText('verified');

  // A second acceptance of the same invite: 409.
  await visitor.goBack();
  await visitor.getByRole('button', { name: 'Accept invite' }).click();
  await expect(visitor.getByRole('status')).toContainText('answered 409');
  app.expectClean();
});

test("the console accepts alpha's invite: 200 with alpha's user, then 409; a made-up token gets 400", async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/invites');
  const created = await page.request.post('/api/demo/alpha/invites', { data: {} });
  expect(created.status()).toBe(201);
  const { inviteString, token } = (await created.json()) as { inviteString: string; token: string };

  const field = page.getByRole('textbox', { name: 'Invite string or link' });
  await field.fill(inviteString);
  const what = page.getByRole('region', { name: 'What the invite says' });
  await expect(what).toContainText(token);
  // alpha writes the draft-07 form (base64url, no padding): nothing to name.
  await expect(what.getByRole('list', { name: 'Deviations' })).toHaveCount(0);
  await expect(what.getByText('advertises invites')).toBeVisible();
  await page.getByRole('button', { name: 'Accept invite' }).click();
  const answer = page.getByRole('status', { name: 'Answer' });
  await expect(answer).toContainText('Accepted');
  await expect(answer).toContainText('userID "carol"');
  await expect(page.getByRole('region', { name: 'POST /invite-accepted' })).toContainText('200');
  // alpha answers as the draft says: the acceptance response lints clean.
  await expect(page.getByRole('region', { name: 'Answer findings' })).toContainText('0 errors');

  await page.getByRole('button', { name: 'Accept invite' }).click();
  await expect(answer).toContainText('409: already accepted');

  const host = new URL(inviteStringOrigin(inviteString)).host;
  await field.fill(Buffer.from(`made-up-token@${host}`).toString('base64url'));
  await page.getByRole('button', { name: 'Accept invite' }).click();
  await expect(answer).toContainText('400: token invalid or unknown');
  app.expectClean();
});

function inviteStringOrigin(s: string): string {
  const text = Buffer.from(s, 'base64').toString('utf8');
  return `http://${text.slice(text.lastIndexOf('@') + 1)}`;
}

test('a share from alpha is declined from the Inbox: alpha receives a signed SHARE_DECLINED and verifies it', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/inbox');
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText('answered 201');
  await page
    .getByRole('list', { name: 'Received messages' })
    .getByRole('button', { name: /POST \/ocm\/shares/ })
    .first()
    .click();

  const actions = page.getByRole('region', { name: 'Share actions' });
  await expect(actions.getByText('pending')).toBeVisible();
  await actions.getByRole('button', { name: 'Decline' }).click();
  await expect(actions.getByRole('status')).toContainText('SHARE_DECLINED sent to the sender: it answered 201');
  await expect(actions.getByText('declined', { exact: true })).toBeVisible();

  // The other side: alpha's log shows the notification, its signature verified.
  const log = page.getByRole('region', { name: 'What the demo peer received' });
  await log.getByRole('combobox').selectOption({ label: 'Alpha Cloud (OCM 1.5)' });
  const entry = log.getByRole('listitem').filter({ hasText: 'SHARE_DECLINED' }).first();
  await expect(entry).toContainText('POST /ocm/notifications');
  await expect(entry).toContainText('verified');
  await expect(entry).toContainText('answered 201');
  app.expectClean();
});

test("a share from legacy is accepted from the Inbox: legacy receives a Nextcloud-shaped SHARE_ACCEPTED with the share's secret", async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/inbox');
  const form = page.getByRole('form', { name: 'Send from a demo peer' });
  await form.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Legacy Cloud (Nextcloud-like 1.1)' });
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status', { name: 'Demo send result' })).toContainText('answered 201');
  await page
    .getByRole('list', { name: 'Received messages' })
    .getByRole('button', { name: /POST \/ocm\/shares/ })
    .first()
    .click();
  const actions = page.getByRole('region', { name: 'Share actions' });
  await actions.getByRole('button', { name: 'Accept' }).click();
  await expect(actions.getByRole('status')).toContainText('SHARE_ACCEPTED sent to the sender: it answered');

  const log = page.getByRole('region', { name: 'What the demo peer received' });
  await log.getByRole('combobox').selectOption({ label: 'Legacy Cloud (Nextcloud-like 1.1)' });
  const entry = log.getByRole('listitem').filter({ hasText: 'SHARE_ACCEPTED' }).first();
  await expect(entry).toContainText('"providerId"');
  await expect(entry).toContainText('"sharedSecret"');
  await expect(entry).not.toContainText('senderDomain');
  app.expectClean();
});
