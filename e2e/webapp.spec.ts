import { expect, test } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';
import { receiveAndOpen } from './pages/webapp-lab.ts';

test('a web app share from alpha opens in an iframe and a popup with the token POSTed, never in a URL', async ({
  page,
  context,
  request,
}) => {
  const app = new ConsolePage(page);
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  const id = await receiveAndOpen(page);

  const negotiation = page.getByRole('region', { name: 'Negotiation' });
  await expect(negotiation).toContainText('Sender offers iframe, blank · this console presents iframe, blank');
  for (const name of ['Open in iframe', 'Open in popup', 'Open by redirect'])
    await expect(page.getByRole('button', { name })).toBeEnabled();
  await expect(page.getByRole('region', { name: 'Diagnostics' })).toContainText(
    'frame-ancestors allows http://127.0.0.1:',
  );

  await page.getByRole('button', { name: 'Open in iframe' }).click();
  const frame = page.frameLocator('iframe[title="Web app in the iframe"]');
  await expect(frame.locator('#verdict')).toContainText('Access granted to “notes.md”');
  await expect(frame.locator('#token')).toContainText('received in the POST body (application/x-www-form-urlencoded)');
  await expect(frame.locator('#framed')).toHaveText('yes, inside a frame');
  await expect(page.getByRole('status', { name: 'Iframe observation' })).toContainText(
    'The app rendered in the iframe and reported back. As predicted.',
  );

  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Open in popup' }).click();
  const popup = await popupOpened;
  await expect(popup.locator('#verdict')).toContainText('Access granted to “notes.md”');
  await expect(popup.locator('#opener')).toHaveText('yes, opened by another window');
  await expect(popup.locator('#framed')).toHaveText('no, top-level window');
  // The iframe's controls still work after the popup.
  await expect(page.getByRole('button', { name: 'Open in iframe' })).toBeEnabled();
  await expect(page.getByRole('region', { name: 'Messages from the app' })).toContainText('popup · http://127.0.0.1:');

  // Neither the token nor the shared secret was in any URL of any page, popup or frame.
  const record = (await (await request.get(`/api/inbox/${id}`)).json()) as { body: { data: string } };
  const secret = (JSON.parse(record.body.data) as { protocol: { webapp: { sharedSecret: string } } }).protocol.webapp
    .sharedSecret;
  await page.getByRole('group', { name: 'Token exchange' }).getByText('Token exchange (signed').click();
  const answer = await page.getByRole('group', { name: 'Token exchange' }).textContent();
  const token = /"access_token":\s*"([^"]+)"/.exec(answer ?? '')?.[1];
  expect(token, 'the token shown in the exchange').toBeTruthy();
  expect(urls.length).toBeGreaterThan(5);
  expect(urls.filter((u) => u.includes(token!) || u.includes(secret) || /access_token/.test(u))).toEqual([]);
  app.expectClean();
});

test("with alpha's frame-ancestors 'none' fault the lab predicts the refusal, quotes the header, and sees it", async ({
  page,
  request,
}) => {
  await request.put('/api/demo/alpha/faults', { data: { webappNoFraming: true } });
  try {
    await receiveAndOpen(page);
    const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
    await expect(diagnostics).toContainText("iframe will be refused: frame-ancestors 'none' does not allow");
    await expect(diagnostics).toContainText("frame-ancestors 'none'");
    await page.getByRole('button', { name: 'Open in iframe' }).click();
    await expect(page.getByRole('status', { name: 'Iframe observation' })).toContainText(
      'The iframe stayed blank or was refused: no message from the app within 3 seconds. As predicted.',
    );
  } finally {
    await request.put('/api/demo/alpha/faults', { data: { webappNoFraming: false } });
  }
});

test('by redirect the whole tab goes to the app, and comes back through expired_session_redirect_uri', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  await request.put('/api/demo/alpha/faults', { data: { webappShortToken: true } });
  try {
    const id = await receiveAndOpen(page);
    await page.getByRole('button', { name: 'Open by redirect' }).click();
    await expect(page.locator('#verdict')).toContainText('Access granted to “notes.md”');
    await expect(page.locator('#top')).toHaveText('yes');
    expect(new URL(page.url()).pathname).toMatch(/^\/apps\/viewer\//);
    // The 10-second token expires; the app sends the browser back to the console.
    await expect(page).toHaveURL(new RegExp(`/webapp/${id}/ended$`), { timeout: 20_000 });
    // The demo app leaves a redirected tab after 8 s, before the 10-second token ends.
    await expect(
      page.getByText('The web app ended its session and sent you back here (the app’s timer).'),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Reopen in the webapp lab' }).click();
    await expect(page.getByRole('button', { name: 'Open by redirect' })).toBeVisible();
  } finally {
    await request.put('/api/demo/alpha/faults', { data: { webappShortToken: false } });
  }
});

test('X-Frame-Options DENY is predicted and seen; an app that refuses by script is told apart from headers', async ({
  page,
  request,
}) => {
  await request.put('/api/demo/alpha/faults', { data: { webappXfoDeny: true } });
  try {
    await receiveAndOpen(page);
    const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
    await expect(diagnostics).toContainText('iframe will be refused: X-Frame-Options DENY');
    await page.getByRole('button', { name: 'Open in iframe' }).click();
    await expect(page.getByRole('status', { name: 'Iframe observation' })).toContainText(
      'stayed blank or was refused: no message from the app within 3 seconds. As predicted.',
    );
  } finally {
    await request.put('/api/demo/alpha/faults', { data: { webappXfoDeny: false } });
  }
  await request.put('/api/demo/alpha/faults', { data: { webappRefuseFramed: true } });
  try {
    await page.reload();
    await expect(page.getByRole('region', { name: 'Diagnostics' })).toContainText('frame-ancestors allows');
    await page.getByRole('button', { name: 'Open in iframe' }).click();
    await expect(page.frameLocator('iframe[title="Web app in the iframe"]').locator('body')).toContainText(
      'This app refuses to run inside a frame.',
    );
    await expect(page.getByRole('status', { name: 'Iframe observation' })).toContainText(
      'The app loaded in the iframe, then refused to run framed (by its own script; no header says so).',
    );
  } finally {
    await request.put('/api/demo/alpha/faults', { data: { webappRefuseFramed: false } });
  }
});

test('the Token page exchanges a web app share without PROPFIND and offers the lab', async ({ page }) => {
  const app = new ConsolePage(page);
  await receiveAndOpen(page);
  await app.openJob('Token');
  const shares = page.getByRole('region', { name: 'Shares received' });
  await shares.getByRole('button').filter({ hasText: 'webapp' }).first().click();
  await expect(page.getByRole('checkbox', { name: /The uri is a web app/ })).toBeChecked();
  await page.getByRole('button', { name: 'Exchange the code and open the resource' }).click();
  const steps = page.getByRole('list', { name: 'Code flow steps' });
  await expect(steps).toContainText('Got a Bearer token, valid 300 s.');
  await expect(steps).toContainText('A web app is not read with PROPFIND');
  await expect(steps).not.toContainText('PROPFIND answered');
  await page.getByRole('link', { name: 'Open in the webapp lab' }).click();
  await expect(page.getByRole('button', { name: 'Open in iframe' })).toBeVisible();
  app.expectClean();
});

test("the console shares its own web app: alpha gets alpha's targets, legacy is told why not, and the console opens it by POST", async ({
  page,
  request,
}) => {
  const peers = ((await (await request.get('/api/demo')).json()) as { peers: { id: string; origin: string }[] }).peers;
  const alphaHost = new URL(peers.find((p) => p.id === 'alpha')!.origin).host;
  const legacyHost = new URL(peers.find((p) => p.id === 'legacy')!.origin).host;
  await page.goto('/compose');
  const section = page.getByRole('region', { name: 'Share from this console' });
  const form = section.getByRole('form', { name: 'Console share' });
  const verdict = section.getByRole('status', { name: 'Can it take a web app' });
  const fillIn = async (to: string, name: string) => {
    await form.getByRole('textbox', { name: 'Share with (OCM address)' }).fill(to);
    await form.getByRole('combobox', { name: 'What to share' }).selectOption('webapp');
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
  };
  const shareWith = async (to: string, name: string) => {
    await fillIn(to, name);
    await form.getByRole('button', { name: 'Share' }).click();
  };

  // Before Share is pressed, the panel has read each receiver's discovery and says whether it takes a web app.
  await fillIn(`carol@${alphaHost}`, 'to-alpha.md');
  await expect(verdict).toHaveText(
    `${alphaHost} advertises webapp-receive with targets iframe, blank: the web app can be sent, with those targets.`,
  );
  await fillIn(`erin@${legacyHost}`, 'to-legacy.md');
  await expect(verdict).toHaveText(
    `A web app cannot be sent to ${legacyHost}: the receiver does not advertise webapp-receive, so it does not take web-app shares.`,
  );

  await shareWith(`carol@${alphaHost}`, 'to-alpha.md');
  await expect(section.getByRole('status', { name: 'Console share result' })).toContainText(
    `carol@${alphaHost} answered 201. The app is at http://`,
  );
  await expect(section.getByRole('status', { name: 'Console share result' })).toContainText('(targets iframe, blank)');

  await shareWith(`erin@${legacyHost}`, 'to-legacy.md');
  await expect(section.getByRole('alert')).toHaveText(
    'Not sent: Left out webapp: the receiver does not advertise webapp-receive, so it does not take web-app shares.',
  );
  // The answer before pressing stays beside the refusal.
  await expect(verdict).toContainText(`A web app cannot be sent to ${legacyHost}`);

  // The console is a receiver too: it takes its own web-app share, exchanges the code and opens the app.
  const name = `self-${Date.now()}.md`;
  await shareWith(`bob@${new URL(page.url()).host}`, name);
  await expect(section.getByRole('status', { name: 'Console share result' })).toContainText('answered 201');
  const inbox = (await (await request.get('/api/inbox?limit=20')).json()) as {
    records: { id: string; endpoint: string; body: { data: string } }[];
  };
  const record = inbox.records.find((r) => r.endpoint === 'shares' && r.body.data.includes(name))!;
  await page.goto(`/webapp/${record.id}`);
  await page.getByRole('button', { name: 'Open in iframe' }).click();
  const frame = page.frameLocator('iframe[title="Web app in the iframe"]');
  await expect(frame.locator('h1')).toHaveText('OCM Explorer viewer');
  await expect(frame.locator('#verdict')).toContainText(`Access granted to “${name}”`);
  await expect(frame.locator('#token')).toContainText('received in the POST body (application/x-www-form-urlencoded)');
  await expect(frame.locator('#valid')).toHaveText('yes');
  await expect(page.getByRole('region', { name: 'Messages from the app' })).toContainText('iframe · http://127.0.0.1:');
});
