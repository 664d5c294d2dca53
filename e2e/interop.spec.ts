import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

test('the interop report of alpha: the share and the invite are run, every step shown, and the Markdown export redacts secrets', async ({
  page,
  request,
  baseURL,
}) => {
  const peers = (await (await request.get(`${baseURL}/api/demo`)).json()) as {
    peers: { id: string; origin: string }[];
  };
  const alphaHost = new URL(peers.peers.find((p) => p.id === 'alpha')!.origin).host;
  const app = new ConsolePage(page);
  await app.open('/interop');
  // A demo peer's button runs the whole report: with no address given, it shares with the peer's first user,
  // and with no invite given, the peer hands one out for the console to accept.
  await page.getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' }).click();
  await expect(page.getByLabel('Share with (an address at the peer, optional)')).toHaveValue(`carol@${alphaHost}`);
  const inviteField = page.getByLabel('Invite to accept (string or link the peer handed out, optional)');
  await expect(inviteField).not.toHaveValue('');
  const firstInvite = await inviteField.inputValue();
  const report = page.getByRole('article', { name: 'Interop report' });
  await expect(report.getByRole('heading', { level: 2 })).toContainText(alphaHost);
  const shared = report.getByRole('region', { name: 'The console shares with the peer' });
  await expect(shared).toContainText('Answered 201');
  await expect(shared.getByText('pass')).toBeVisible();
  await expect(
    report.getByRole('region', { name: 'Discovery' }).getByRole('list', { name: 'Deviations' }),
  ).toContainText('plain http');
  const accepted = report.getByRole('region', { name: "The console accepts the peer's invite" });
  await expect(accepted).toContainText('Accepted:');
  await expect(accepted.getByText('pass')).toBeVisible();

  const markdown = async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Markdown' }).click();
    return readFileSync((await (await download).path())!, 'utf8');
  };
  const redacted = await markdown();
  expect(redacted).toMatch(/^# OCM interop report for http:\/\/127\.0\.0\.1:\d+: (WARN|PASS|FAIL)/);
  expect(redacted).toContain(`### POST /shares to carol@${alphaHost}`);
  expect(redacted).toMatch(/^Signature: …redacted…$/m);
  await page.getByLabel('Include secrets in exports (signatures, codes, tokens, shared secrets)').check();
  const full = await markdown();
  expect(full).toContain('Secrets included.');
  expect(full).toMatch(/^Signature: sig1=:/m);

  // Run again: the invite just accepted is used up, so the peer hands out a fresh one rather than a 409.
  const rerun = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/interop');
  await page.getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' }).click();
  await expect(inviteField).not.toHaveValue(firstInvite);
  await rerun;
  await expect(accepted).toContainText('Accepted:');

  // What the run sent is in History, made by the Interop page.
  await page.getByRole('link', { name: 'History', exact: true }).click();
  await page.getByRole('combobox', { name: 'Made by' }).selectOption('interop');
  await page.getByLabel('Search history').fill(`carol@${alphaHost}`);
  // Not necessarily the newest: the run also reads the newest share alpha sent, which comes after.
  await expect(
    page
      .getByRole('list', { name: 'History' })
      .getByRole('button', {
        name: new RegExp(`POST\\s*201\\s*http://${alphaHost.replace(/\./g, '\\.')}/ocm/shares\\s*interop · share`),
      })
      .first(),
  ).toBeVisible();
  app.expectClean();
});
