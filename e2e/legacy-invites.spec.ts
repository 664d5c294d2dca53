import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

test('legacy invites the console: the invite is fetched from the demo controls and accepted with userId (200)', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/invites');
  await page
    .getByRole('combobox', { name: 'Invited by a demo peer' })
    .selectOption({ label: 'Legacy Cloud (Nextcloud-like 1.1)' });
  await page.getByRole('button', { name: 'Get its invite' }).click();
  await expect(page.getByText(/From erin@127\.0\.0\.1:\d+\./)).toBeVisible();
  const what = page.getByRole('region', { name: 'What the invite says' });
  await expect(what).toContainText(/127\.0\.0\.1:\d+/);
  await page.getByRole('button', { name: 'Accept invite' }).click();
  await expect(page.getByRole('status', { name: 'Answer' })).toContainText('Accepted');
  const exchange = page.getByRole('region', { name: 'POST /invite-accepted' });
  await expect(exchange).toContainText('200');

  // The other side: legacy took the acceptance by its Nextcloud spelling, userId, signed and verified.
  await app.open('/inbox');
  const log = page.getByRole('region', { name: 'What the demo peer received' });
  await log.getByRole('combobox').selectOption({ label: 'Legacy Cloud (Nextcloud-like 1.1)' });
  const entry = log.getByRole('listitem').filter({ hasText: 'POST /ocm/invite-accepted' }).first();
  await expect(entry).toContainText('"userId"');
  await expect(entry).toContainText('answered 200');
  app.expectClean();
});

test("legacy accepts the console's invite: its acceptance carries userId, and the invite shows accepted, live", async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/invites');
  await page.getByRole('button', { name: 'Create invite' }).click();
  const card = page.getByRole('region', { name: 'Invite to hand out' });
  const link = (await card.getByLabel('Invite link', { exact: true }).textContent())!;
  const token = new URL(link).searchParams.get('token')!;

  await card
    .getByRole('combobox', { name: 'Accept it as a demo peer' })
    .selectOption({ label: 'Legacy Cloud (Nextcloud-like 1.1)' });
  await card.getByRole('button', { name: 'Accept as this peer' }).click();
  const sent = card.getByRole('status', { name: 'Demo acceptance' });
  await expect(sent).toContainText(
    'Legacy Cloud (Nextcloud-like 1.1) sent a signed POST /invite-accepted; this console answered 200.',
  );
  await expect(sent).toContainText('"userId":"erin"');

  const row = page.getByRole('listitem', { name: `Invite ${token}` });
  await expect(row).toContainText('accepted');
  await expect(row).toContainText(/\(erin@127\.0\.0\.1:\d+\)/);

  // A second acceptance of the same invite: 409.
  await card.getByRole('button', { name: 'Accept as this peer' }).click();
  await expect(sent).toContainText('409');
  app.expectClean();
});
