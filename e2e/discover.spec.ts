import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';

test('discover both demo peers: versions, dialects, capabilities, keys and findings', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/discover');
  const picks = page.getByRole('group', { name: 'Discover a demo peer:' });
  await picks.getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' }).click();
  await expect(page).toHaveURL(/\/discover\/carol%40127\.0\.0\.1%3A\d+$/);
  await expect(page.getByRole('region', { name: 'Detected version' })).toContainText('Looks like OCM 1.5');
  await expect(page.getByRole('region', { name: 'Endpoints tried' })).toContainText('Answered by /.well-known/ocm');
  await expect(page.getByRole('region', { name: 'Capabilities and criteria' })).toContainText('must-exchange-token');
  await expect(page.getByRole('region', { name: 'Keys' })).toContainText('kid and alg');
  await expect(page.getByRole('region', { name: 'Lint findings' })).toContainText('0 errors');
  await expect(page.locator('.monaco-editor').first()).toBeVisible();

  await page.getByRole('button', { name: 'Legacy Cloud (Nextcloud-like 1.1)' }).click();
  await expect(page.getByRole('region', { name: 'Detected version' })).toContainText('nextcloud dialect');
  await expect(page.getByRole('region', { name: 'Keys' })).toContainText('RSA 2048 bits');
  await expect(page.getByRole('region', { name: 'Lint findings' })).toContainText(/[1-9]\d* warnings?/);

  // A shared link reloads to the same result.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Detected version' })).toContainText('nextcloud dialect');
  // Fetching again shows the comparison with the previous fetch.
  await page.getByRole('button', { name: 'Fetch again' }).click();
  await expect(page.getByRole('region', { name: 'Diff' })).toContainText('No change since the previous fetch.');
  app.expectClean();
});

test('an unreachable server is explained, after each scheme was tried once', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/discover/127.0.0.1%3A9');
  const tried = page.getByRole('region', { name: 'Endpoints tried' });
  await expect(tried).toContainText('No usable discovery document');
  await expect(tried).toContainText('Nothing answered at http://127.0.0.1:9; https://127.0.0.1:9 was tried next.');
  await expect(tried.getByRole('listitem')).toHaveCount(2);
  await expect(tried.getByRole('listitem').first()).toContainText('http://127.0.0.1:9/.well-known/ocm');
  await expect(tried.getByRole('listitem').last()).toContainText('https://127.0.0.1:9/.well-known/ocm');
  await expect(tried.getByRole('listitem').last()).toContainText('Connection refused');
  // Where nothing listens, the legacy path on the same port is not asked.
  await expect(tried).not.toContainText('/ocm-provider');
  app.expectClean();
});

test('compare servers side by side, from a pasted list', async ({ page }) => {
  const app = new ConsolePage(page);
  await app.open('/discover');
  const peers = await page.request
    .get('/api/demo')
    .then(async (r) => ((await r.json()) as { peers: { origin: string }[] }).peers.map((p) => p.origin));
  await page.getByText('Compare several servers').click();
  await page.getByRole('textbox', { name: /Servers \(one per line\)/ }).fill([...peers, '127.0.0.1:9'].join('\n'));
  await page.getByRole('button', { name: 'Compare' }).click();
  const table = page.getByRole('table', { name: 'Comparison' });
  await expect(table.getByRole('row', { name: /^version/ })).toContainText('1.5');
  await expect(table.getByRole('row', { name: /^dialect/ })).toContainText('nextcloud');
  await expect(table.getByRole('row', { name: /^answered by/ })).toContainText('no document');
  await expect(table.getByRole('row', { name: /capability http-sig/ })).toBeVisible();
  await page.getByRole('button', { name: 'Remove 127.0.0.1:9' }).click();
  await expect(table.getByRole('row', { name: /^answered by/ })).not.toContainText('no document');
  app.expectClean();
});

test('compare the servers a signed Directory Service document lists, its JWS verified with the federation key', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/discover');
  const peers = await page.request
    .get('/api/demo')
    .then(async (r) => ((await r.json()) as { peers: { origin: string; name: string }[] }).peers);
  const payload = { federation: 'Demo Mesh', servers: peers.map((p) => ({ url: p.origin, displayName: p.name })) };
  // Signed here with Node's crypto, as a federation operator's own tool would.
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
  const signingInput = `${b64url(JSON.stringify({ alg: 'ES256' }))}.${b64url(JSON.stringify(payload))}`;
  const signature = b64url(sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' }));

  await page.getByText('Compare several servers').click();
  await page.getByRole('textbox', { name: /Servers \(one per line\)/ }).fill(`${signingInput}.${signature}`);
  await page.getByRole('textbox', { name: /Federation key/ }).fill(JSON.stringify(publicKey.export({ format: 'jwk' })));
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Directory Service document' })).toHaveText(
    `Directory Service document "Demo Mesh", ${peers.length} servers, signed (compact JWS); signature verified (ES256)`,
  );
  const table = page.getByRole('table', { name: 'Comparison' });
  for (const p of peers) await expect(table.getByRole('columnheader', { name: p.name })).toBeVisible();
  await expect(table.getByRole('row', { name: /^version/ })).toContainText('1.5');

  // The draft's own example shape: read as a directory, and said to have no signature to verify.
  await page
    .getByRole('textbox', { name: /Servers \(one per line\)/ })
    .fill(JSON.stringify({ payload, protected: { alg: 'ES256' }, signature: '...' }, null, 2));
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Directory Service document' })).toContainText(
    "in the decoded form of the draft's example: not a real JWS, so there is no signature to verify",
  );
  await expect(table.getByRole('columnheader', { name: peers[0]!.name })).toBeVisible();
  app.expectClean();
});

test("compare the servers of a Directory Service document fetched by URL through the console's server, verified", async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await app.open('/discover');
  const peers = await page.request
    .get('/api/demo')
    .then(async (r) => ((await r.json()) as { peers: { origin: string; name: string }[] }).peers);
  const payload = { federation: 'Demo Mesh', servers: peers.map((p) => ({ url: p.origin, displayName: p.name })) };
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
  const signingInput = `${b64url(JSON.stringify({ alg: 'ES256' }))}.${b64url(JSON.stringify(payload))}`;
  const signature = b64url(sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  // The federation's directory, published by a plain web server on this machine.
  const directory = createServer((req, res) => {
    if (req.url !== '/servers.jws') return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/jose' }).end(`${signingInput}.${signature}`);
  });
  const port = await new Promise<number>((resolve) =>
    directory.listen(0, '127.0.0.1', () => resolve((directory.address() as AddressInfo).port)),
  );
  try {
    await page.getByText('Compare several servers').click();
    const urlField = page.getByRole('textbox', { name: /Directory Service document's URL/ });
    await urlField.fill(`http://127.0.0.1:${port}/missing`);
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByRole('region', { name: 'Compare servers' }).getByRole('alert')).toHaveText(
      `http://127.0.0.1:${port}/missing answered 404, not a Directory Service document.`,
    );

    await urlField.fill(`http://127.0.0.1:${port}/servers.jws`);
    await page
      .getByRole('textbox', { name: /Federation key/ })
      .fill(JSON.stringify(publicKey.export({ format: 'jwk' })));
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Directory Service document' })).toHaveText(
      `Directory Service document "Demo Mesh" from http://127.0.0.1:${port}/servers.jws, ${peers.length} servers, signed (compact JWS); signature verified (ES256)`,
    );
    const table = page.getByRole('table', { name: 'Comparison' });
    for (const p of peers) await expect(table.getByRole('columnheader', { name: p.name })).toBeVisible();

    // Another federation's key: the same document is said not to verify.
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    await page.getByRole('textbox', { name: /Federation key/ }).fill(JSON.stringify(other.export({ format: 'jwk' })));
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Directory Service document' })).toContainText(
      'signature NOT verified',
    );
  } finally {
    directory.close();
  }
  app.expectClean();
});
