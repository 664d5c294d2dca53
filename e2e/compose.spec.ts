import { generateKeyPairSync, sign } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';
import { demoPeerUser } from './pages/compose.ts';

test('compose a share for alpha in its dialect, sign it and send it; alpha verifies it and answers 201', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/compose');
  await page.getByRole('combobox', { name: 'Message' }).selectOption('share');
  const alpha = await demoPeerUser(page, 0);
  // The example address is alpha's real one; its button fills it in and reads its discovery.
  const receiver = page.getByRole('textbox', { name: 'Receiver (OCM address or host)' });
  await expect(receiver).toHaveAttribute('placeholder', alpha);
  await page
    .getByRole('group', { name: 'Address it to a demo peer:' })
    .getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' })
    .click();
  await expect(receiver).toHaveValue(alpha);
  await expect(page.getByRole('region', { name: 'Send' })).toContainText('OCM 1.5');
  await page.getByRole('button', { name: 'New template for this target' }).click();
  await expect(page.getByRole('region', { name: 'Template notes' })).toContainText(
    'How “New template for this target” writes it for this receiver (OCM 1.5)',
  );
  await expect(page.getByRole('region', { name: 'Lint findings' })).toContainText('0 errors');
  await expect(page.getByRole('combobox', { name: 'Signature' })).toHaveValue('ocm');
  // A dry run first: the exact request, signed, and nothing sent.
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toContainText('Preview (not sent)');
  for (const header of ['Host', 'Content-Length', 'Content-Digest', 'Signature-Input', 'Signature'])
    await expect(preview.getByRole('table')).toContainText(header);
  await expect(preview.getByLabel('Preview: signature base')).toContainText('"@signature-params"');
  await page.getByRole('button', { name: 'Send' }).click();
  const sent = page.getByRole('region', { name: 'Sent' });
  await expect(sent).toContainText('201');
  await expect(sent).toContainText('recipientDisplayName');
  await sent.getByText('Request as sent').click();
  await expect(sent.getByLabel('Sent: signature base')).toContainText('"@signature-params"');
  app.expectClean();
});

test('a draft survives a reload, and a wrong field is named with its pointer and spec section', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/compose');
  await page.getByRole('combobox', { name: 'Message' }).selectOption('notification');
  const editor = page.locator('.monaco-editor').first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('{"notificationType": "SHARE_EXPLODED", "resourceType": "file", "providerId": "1"}', {
    delay: 5,
  });
  const findings = page.getByRole('region', { name: 'Lint findings' });
  await expect(findings).toContainText('/notificationType');
  await page.reload();
  await page.getByRole('combobox', { name: 'Message' }).selectOption('notification');
  await expect(page.getByRole('region', { name: 'Lint findings' })).toContainText('/notificationType');
  app.expectClean();
});

test('a receiver that cannot be reached is explained once, naming each address tried', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/compose');
  await page.getByRole('combobox', { name: 'Message' }).selectOption('share');
  const send = page.getByRole('region', { name: 'Send' });
  const receiver = page.getByRole('textbox', { name: 'Receiver (OCM address or host)' });
  // Nothing listens on port 9: the explicit scheme is the only one tried, and its one path is asked once.
  await receiver.fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Read its discovery' }).click();
  await expect(send.getByRole('alert')).toHaveText('127.0.0.1:9 refused the connection.');
  // A bare address is tried over both schemes: each named once.
  await receiver.fill('carol@127.0.0.1:9');
  await page.getByRole('button', { name: 'Read its discovery' }).click();
  await expect(send.getByRole('alert')).toHaveText(
    'http://127.0.0.1:9: connection refused. https://127.0.0.1:9: connection refused.',
  );
  app.expectClean();
});

test("a Directory Service document's JWS is verified with the federation key given beside its findings", async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/compose');
  await page.getByRole('combobox', { name: 'Message' }).selectOption('directory');
  const payload = {
    federation: 'Lab Federation',
    servers: [{ url: 'https://cloud.example.org', displayName: 'Cloud' }],
  };
  // Signed here with Node's crypto, as a federation operator's own tool would.
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
  const signingInput = `${b64url(JSON.stringify({ alg: 'ES256' }))}.${b64url(JSON.stringify(payload))}`;
  const signature = b64url(sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(`${signingInput}.${signature}`);
  const findings = page.getByRole('region', { name: 'Lint findings' });
  await expect(findings).toContainText('its signature was not checked here');

  const key = page.getByRole('textbox', { name: /Federation key/ });
  await key.fill(JSON.stringify(publicKey.export({ format: 'jwk' })));
  await expect(page.getByRole('status', { name: 'Signature' })).toHaveText(
    'Signature verified with the federation key (ES256).',
  );
  await expect(findings).not.toContainText('its signature was not checked here');

  // Another federation's key does not verify it, and says so.
  await key.fill(
    generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }) as string,
  );
  await expect(page.getByRole('status', { name: 'Signature' })).toContainText(
    'Signature NOT verified: the signature does not verify with this key',
  );

  // The field belongs to the directory kind only.
  await page.getByRole('combobox', { name: 'Message' }).selectOption('share');
  await expect(key).toBeHidden();
  app.expectClean();
});

test('a picked receiver gets the draft addressed to it, and every new template has fresh ids', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/compose');
  await page.getByRole('combobox', { name: 'Message' }).selectOption('share');
  const alpha = await demoPeerUser(page, 0);
  const text = async () => (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\s+/g, ' ');
  await expect.poll(text).toContain('"shareWith": "marie@receiver.example.org"');
  await page
    .getByRole('group', { name: 'Address it to a demo peer:' })
    .getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' })
    .click();
  await expect(page.getByText(/^Addressed to the receiver:/)).toContainText(`shareWith is now ${alpha}`);
  await expect.poll(text).toContain(`"shareWith": "${alpha}"`);
  const ids = async () => {
    const body = await text();
    return [/"providerId": "([^"]+)"/.exec(body)?.[1], /"sharedSecret": "([^"]+)"/.exec(body)?.[1]];
  };
  const newTemplate = page.getByRole('button', { name: 'New template for this target' });
  await newTemplate.click();
  const first = await ids();
  expect(first[0]).toBeTruthy();
  await newTemplate.click();
  await expect.poll(async () => (await ids())[0]).not.toBe(first[0]);
  const second = await ids();
  expect(second[1]).not.toBe(first[1]);
  app.expectClean();
});
