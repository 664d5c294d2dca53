import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { composeShareFor, composeShareForAlpha } from './pages/compose.ts';
import { ConsolePage } from './pages/console-page.ts';

async function sendShareToAlpha(page: Page) {
  await composeShareForAlpha(page);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Sent' })).toContainText('201');
}

/** Runs a copied curl command as a user would in a terminal, and answers the HTTP status it got. */
function runCurl(command: string): string {
  return execFileSync('bash', ['-c', `${command} -s -o /dev/null -w '%{http_code}'`], {
    encoding: 'utf8',
    timeout: 15_000,
  });
}

test('history keeps a sent share across a reload, replays it, copies it as a curl command that works, and exports HAR', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  // To legacy first, signed the way it reads signatures (draft-cavage), then to alpha (RFC 9421).
  await composeShareFor(page, 1, 'OCM 1.1');
  await expect(page.getByRole('combobox', { name: 'Signature' })).toHaveValue('cavage');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Sent' })).toContainText('201');
  await sendShareToAlpha(page);

  await app.open('/history');
  await page.reload();
  const list = page.getByRole('list', { name: 'History' });
  const [alphaHost, legacyHost] = await page.request
    .get('/api/demo')
    .then(async (r) => ((await r.json()) as { peers: { origin: string }[] }).peers.map((p) => new URL(p.origin).host));
  const sharesTo = (host: string) =>
    list.getByRole('button', { name: new RegExp(`POST\\s*201.*${host!.replace(/\./g, '\\.')}/ocm/shares`) });
  const share = sharesTo(alphaHost!).last();
  await expect(share).toBeVisible();
  await expect(share).toContainText('compose · share · signed');
  const before = await list.getByRole('listitem').count();

  // The draft-cavage share to legacy is there too, and replays (signed again, the same way) with 201.
  await sharesTo(legacyHost!).first().click();
  await expect(page.getByRole('region', { name: 'Recorded exchange' })).toContainText('signed (draft-cavage)');
  await page.getByRole('button', { name: 'Replay' }).click();
  await expect(page.getByRole('region', { name: 'Recorded exchange' })).toContainText('replaying an earlier exchange');
  await expect(page.getByRole('region', { name: 'Exchange', exact: true })).toContainText('201');
  await expect(list.getByRole('listitem')).toHaveCount(before + 1);

  // Replay: signed again through the relay, recorded as a new exchange, selected.
  await share.click();
  const detail = page.getByRole('region', { name: 'Recorded exchange' });
  await expect(detail).toContainText('fresh');
  await detail.getByRole('button', { name: 'Replay' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(before + 2);
  await expect(page.getByRole('region', { name: 'Recorded exchange' })).toContainText('replaying an earlier exchange');
  await expect(page.getByRole('region', { name: 'Exchange', exact: true })).toContainText('201');

  // Copy as curl, secrets included: pasted in a terminal at once, alpha takes it (the signature is fresh).
  await page.getByRole('checkbox', { name: 'Include secrets in exports' }).check();
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  const command = (await page.getByLabel('curl command').textContent())!;
  expect(command).toMatch(/^curl \\\n/);
  expect(runCurl(command)).toBe('201');
  const signature = /Signature: (sig1=:[^:]+:)/.exec(command)![1]!;

  // HAR of everything shown, secrets left out this time.
  await page.getByRole('checkbox', { name: 'Include secrets in exports' }).uncheck();
  // The command still on the page is masked again.
  await expect(page.getByLabel('curl command')).not.toContainText(signature);
  await expect(page.getByLabel('curl command')).toContainText('…redacted…');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export shown as HAR' }).click();
  const har = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as {
    log: {
      version: string;
      entries: Array<{ request: { url: string; postData?: { text: string } }; timings: Record<string, number> }>;
    };
  };
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries.length).toBe(before + 2);
  expect(har.log.entries[0]!.timings).toMatchObject({ send: 0, blocked: -1 });
  const text = JSON.stringify(har);
  expect(text).not.toContain(signature);
  expect(text).toContain('…redacted…');
  const harPath = (await (await download).path())!;

  // Edit and resend with a changed field, then compare the two structurally.
  await share.click();
  await page.getByRole('button', { name: 'Edit and resend' }).click();
  const recorded = page.getByRole('region', { name: 'Recorded request' });
  await expect(recorded.getByRole('textbox', { name: 'URL' })).toHaveValue(/\/ocm\/shares$/);
  const sent = har.log.entries.find((e) => e.request.url.endsWith('/ocm/shares'))!.request.postData!.text;
  const original = JSON.parse(sent) as Record<string, unknown>;
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(JSON.stringify({ ...original, name: 'edited-in-compose.txt' }, null, 2));
  await recorded.getByRole('button', { name: 'Resend' }).click();
  await expect(recorded.getByRole('region', { name: 'Sent' })).toContainText('201');

  await page.goto('/history');
  const shares = sharesTo(alphaHost!);
  await expect(shares).toHaveCount(3);
  await shares.first().click();
  await page.getByRole('button', { name: 'Compare' }).click();
  await shares.last().click();
  const compare = page.getByRole('region', { name: 'Compare' });
  await expect(compare.getByRole('region', { name: 'Request body' })).toContainText('/name');
  await expect(compare.getByRole('region', { name: 'Request body' })).toContainText('edited-in-compose.txt');
  await expect(compare.getByRole('region', { name: 'Request headers that differ' })).toContainText('signature');

  // A link to one exchange opens it read-only elsewhere, redacted.
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByRole('textbox', { name: /Link to this exchange/ }).inputValue();
  const other = await page.context().newPage();
  await other.goto(link);
  const sharedView = other.getByRole('region', { name: 'Shared exchange' });
  await expect(sharedView).toContainText('/ocm/shares');
  await expect(sharedView).toContainText('read-only, secrets redacted');
  expect(await sharedView.textContent()).not.toContain(signature);
  await other.close();

  // The exported HAR reads back in, as imported exchanges.
  await page.getByLabel('HAR file to import').setInputFiles(harPath);
  await expect(page.getByText(`Imported ${before + 2} exchanges from the HAR file.`)).toBeVisible();
  await page.getByRole('combobox', { name: 'Made by' }).selectOption('import');
  await expect(page.getByRole('status', { name: 'History count' })).toContainText(`${before + 2} of`);
  app.expectClean();
});

test('an imported HAR whose body tries to run a command gives a curl command that runs nothing', async ({ page }) => {
  const app = new ConsolePage(page);
  const alpha = await page.request
    .get('/api/demo')
    .then(async (r) => ((await r.json()) as { peers: { origin: string }[] }).peers[0]!.origin);
  const dir = mkdtempSync(join(tmpdir(), 'history-e2e-'));
  const marker = join(dir, 'pwned');
  const body = JSON.stringify({ name: `x'$(touch ${marker})'`, shareWith: `\`touch ${marker}\`` });
  const harFile = join(dir, 'hostile.har');
  writeFileSync(
    harFile,
    JSON.stringify({
      log: {
        version: '1.2',
        creator: { name: 'someone else', version: '1' },
        entries: [
          {
            startedDateTime: new Date().toISOString(),
            time: 5,
            request: {
              method: 'POST',
              url: `${alpha}/ocm/shares`,
              headers: [
                { name: 'Content-Type', value: 'application/json' },
                { name: 'X-Note', value: `$(touch ${marker})` },
              ],
              postData: { mimeType: 'application/json', text: body },
            },
            response: { status: 401, statusText: '', headers: [], content: { size: 0, text: '' } },
          },
        ],
      },
    }),
  );

  await app.open('/history');
  await page.getByLabel('HAR file to import').setInputFiles(harFile);
  await expect(page.getByText('Imported 1 exchange from the HAR file.')).toBeVisible();
  await page
    .getByRole('list', { name: 'History' })
    .getByRole('button', { name: /POST\s*401/ })
    .first()
    .click();
  await page.getByRole('checkbox', { name: 'Include secrets in exports' }).check();
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  const command = (await page.getByLabel('curl command').textContent())!;
  expect(command).toContain('touch');
  // alpha refuses the unsigned share; what matters is that the shell ran nothing from the body or headers.
  expect(runCurl(command)).toBe('401');
  expect(existsSync(marker)).toBe(false);

  // A malformed file is refused with the entry and field named.
  const broken = join(dir, 'broken.har');
  writeFileSync(broken, JSON.stringify({ log: { version: '1.2', entries: [{ startedDateTime: 'x', time: 1 }] } }));
  await page.getByLabel('HAR file to import').setInputFiles(broken);
  await expect(page.getByRole('alert')).toContainText('entries[0].request');
  app.expectClean();
});

test('a deliberate fault chosen in Compose is refused by alpha and named in History', async ({ page }) => {
  const app = new ConsolePage(page);
  await composeShareForAlpha(page);
  await page.getByRole('combobox', { name: 'Deliberate fault' }).selectOption('wrong-digest');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Sent' })).toContainText('401');
  await page.goto('/history');
  const row = page
    .getByRole('list', { name: 'History' })
    .getByRole('button', { name: /POST\s*401.*\/ocm\/shares/ })
    .first();
  await expect(row).toContainText('fault: wrong-digest');

  // draft-cavage to a receiver whose discovery calls for RFC 9421 is named as a fault too.
  await composeShareForAlpha(page);
  await page.getByRole('combobox', { name: 'Signature' }).selectOption('cavage');
  await expect(page.getByText('draft-cavage is itself a fault for this receiver')).toBeVisible();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Sent' })).toBeVisible();
  await page.goto('/history');
  await expect(page.getByRole('list', { name: 'History' }).getByRole('button').first()).toContainText(
    'fault: cavage-for-rfc9421',
  );
  app.expectClean({ allowStatuses: [401] });
});

test('a share named to break out of a shell, sent from Compose, gives a curl command that works and runs nothing', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  const dir = mkdtempSync(join(tmpdir(), 'history-name-'));
  const marker = join(dir, 'pwned');
  await composeShareForAlpha(page);
  const consoleHost = new URL(page.url()).host;
  const alphaUser = await page.getByRole('textbox', { name: 'Receiver (OCM address or host)' }).inputValue();
  const share = {
    shareWith: alphaUser,
    name: `x'$(touch ${marker})'`,
    providerId: `hostile-${Date.now()}`,
    owner: `alice@${consoleHost}`,
    sender: `alice@${consoleHost}`,
    ownerDisplayName: 'Alice',
    senderDisplayName: 'Alice',
    shareType: 'user',
    resourceType: 'file',
    protocol: {
      name: 'multi',
      webdav: {
        uri: 'hostile',
        sharedSecret: 'not-a-real-secret',
        permissions: ['read'],
        requirements: ['must-exchange-token'],
      },
    },
  };
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(JSON.stringify(share, null, 2));
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Sent' })).toContainText('201');

  await page.goto('/history');
  await page.getByRole('textbox', { name: 'Search history' }).fill('touch');
  await page.getByRole('list', { name: 'History' }).getByRole('button').first().click();
  await page.getByRole('checkbox', { name: 'Include secrets in exports' }).check();
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  const command = (await page.getByLabel('curl command').textContent())!;
  expect(command).toContain('touch');
  // Alpha takes the same bytes again (the signature is still fresh), and the shell ran nothing.
  expect(runCurl(command)).toBe('201');
  expect(existsSync(marker)).toBe(false);
  app.expectClean({ allowStatuses: [400, 401, 403] });
});
