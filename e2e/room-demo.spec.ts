import { expect, test, type Locator, type Page } from '@playwright/test';
import { receiveAndOpen, withAlphaFault } from './pages/webapp-lab.ts';

// A common projector; the suite runs with Chromium's popup blocker on (one new window per click).
test.use({ viewport: { width: 1024, height: 768 } });

const REFUSED = 'the app refused the token: unknown, expired or for another share';

/** The element is on screen without scrolling, and its text fits its box. */
async function expectOnScreen(page: Page, element: Locator) {
  const box = await element.boundingBox();
  expect(box, 'on screen').not.toBeNull();
  const size = page.viewportSize()!;
  expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
  expect(box!.x + box!.width).toBeLessThanOrEqual(size.width);
  const fits = await element.evaluate((e) => {
    const box = e as unknown as { scrollWidth: number; clientWidth: number };
    return box.scrollWidth <= box.clientWidth;
  });
  expect(fits, 'its text fits its width').toBe(true);
}

test('one click in the room view shows the three modes, each telling itself apart, with the popup blocker on', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const urls: string[] = [];
  const posted: string[] = [];
  context.on('request', (r) => {
    urls.push(r.url());
    if (r.method() === 'POST' && r.postData()?.includes('access_token=')) posted.push(r.postData()!);
  });
  const popups: Page[] = [];
  page.on('popup', (p) => popups.push(p));
  const id = await receiveAndOpen(page);
  await expect(page).toHaveTitle('Webapp lab · OCM Explorer');

  await page.getByRole('button', { name: 'Open all three, for a room' }).click();
  const view = page.getByRole('dialog', { name: 'Side by side' });
  const report = (mode: string) => view.getByRole('status', { name: `${mode} report` });
  await expect(report('iframe')).toHaveText('app: in a frame · token by POST, valid');
  await expect(report('popup')).toHaveText('app: in a popup window (opened by the console) · token by POST, valid');
  await expect(view).not.toContainText('blocked');
  const frame = page.frameLocator('iframe[title="Web app, side by side"]');
  await expect(frame.locator('#how')).toHaveText('Opened in a frame');

  // The popup is a real window, and says what it is in its page and its title.
  expect(popups).toHaveLength(1);
  await expect(popups[0]!.locator('#how')).toHaveText('Opened in a popup window (opened by the console)');
  await expect(popups[0]!).toHaveTitle('In a popup window (opened by the console) · Alpha Cloud (OCM 1.5) viewer');

  // On a projector: nothing runs out of its column, and each verdict and the app's own line are on screen.
  await expect(report('redirect')).toContainText('this tab goes to the app by redirect in');
  for (const mode of ['iframe', 'popup', 'redirect']) {
    await expectOnScreen(page, view.getByRole('listitem', { name: `${mode} column` }));
    await expectOnScreen(page, report(mode));
  }
  const how = await frame.locator('#how').boundingBox();
  const iframeBox = await page.locator('iframe[title="Web app, side by side"]').boundingBox();
  expect(iframeBox!.y + how!.y + how!.height).toBeLessThanOrEqual(768);
  await page.screenshot({ path: '.test-reports/room-demo-1024.png' });

  // Then this very tab goes to the app: a top-level navigation without an opener, as a redirect is.
  await expect(page.locator('#how')).toHaveText('Opened in a full tab, no opener (a redirect)', { timeout: 20_000 });
  await expect(page).toHaveTitle('In a full tab, no opener (a redirect) · Alpha Cloud (OCM 1.5) viewer');
  await expect(page.locator('#verdict')).toContainText('Access granted to “notes.md”');
  await page.screenshot({ path: '.test-reports/room-demo-redirect-1024.png' });

  // The app sends the tab back after its few seconds; the room view returns with every report.
  await expect(page).toHaveURL(new RegExp(`/webapp/${id}\\?room=back$`), { timeout: 20_000 });
  await expect(report('redirect')).toHaveText('app: in a full tab, no opener (a redirect) · token by POST, valid');
  await expect(view).toContainText('(the app’s timer)');
  await expect(report('iframe')).toHaveText('app: in a frame · token by POST, valid');
  await expect(report('popup')).toHaveText('app: in a popup window (opened by the console) · token by POST, valid');
  await page.screenshot({ path: '.test-reports/room-demo-back-1024.png' });
  expect(popups).toHaveLength(1);

  // The token went in three POST bodies; neither it nor the secret was in any URL of any page, popup or frame.
  const token = new URLSearchParams(posted[0]).get('access_token')!;
  expect(posted.length).toBe(3);
  const record = (await (await page.request.get(`/api/inbox/${id}`)).json()) as { body: { data: string } };
  const secret = (JSON.parse(record.body.data) as { protocol: { webapp: { sharedSecret: string } } }).protocol.webapp
    .sharedSecret;
  expect(urls.filter((u) => u.includes(token) || u.includes(secret) || /access_token|sharedSecret/.test(u))).toEqual(
    [],
  );
});

test("with alpha's reject-token fault every mode says the token was refused, in red, never as predicted", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await withAlphaFault(page, 'webappRejectToken', async () => {
    await receiveAndOpen(page);
    await page.getByRole('button', { name: 'Open in iframe' }).click();
    const observation = page.getByRole('status', { name: 'Iframe observation' });
    await expect(observation).toContainText(`The app loaded in the iframe, and ${REFUSED}.`);
    await expect(observation).not.toContainText('predicted');
    // "Open in iframe" brought the frame into view.
    await expect(page.locator('iframe[title="Web app in the iframe"]')).toBeInViewport();
    await page.screenshot({ path: '.test-reports/lab-refused-1024.png' });
    await page.getByRole('region', { name: 'Open the app' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '.test-reports/lab-buttons-1024.png' });

    await page.getByRole('button', { name: 'Open all three, for a room' }).click();
    const view = page.getByRole('dialog', { name: 'Side by side' });
    const report = (mode: string) => view.getByRole('status', { name: `${mode} report` });
    await expect(report('iframe')).toHaveText(`app: in a frame · ${REFUSED}`);
    await expect(report('popup')).toHaveText(`app: in a popup window (opened by the console) · ${REFUSED}`);
    await expect(report('iframe')).toHaveClass(/text-red-700/);
    await expect(page).toHaveURL(/\?room=back$/, { timeout: 40_000 });
    await expect(report('redirect')).toHaveText(`app: in a full tab, no opener (a redirect) · ${REFUSED}`);
    await expect(report('redirect')).toHaveClass(/text-red-700/);
  });
});

test('with 10-second tokens the frame ends in a small session-ended card, never the console inside itself', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await withAlphaFault(page, 'webappShortToken', async () => {
    await receiveAndOpen(page);
    await page.getByRole('button', { name: 'Open in iframe' }).click();
    const frame = page.frameLocator('iframe[title="Web app in the iframe"]');
    await expect(frame.locator('#verdict')).toContainText('Access granted');
    await expect(frame.getByRole('status', { name: 'Session ended' })).toContainText('(the token expired)', {
      timeout: 20_000,
    });
    await expect(frame.getByRole('navigation', { name: 'Jobs' })).toHaveCount(0);
    await expect(frame.getByText('Open Cloud Mesh console')).toHaveCount(0);
    await expect(page.getByRole('status', { name: 'Iframe session' })).toContainText(
      'the app sent the frame to expired_session_redirect_uri (the token expired).',
    );
  });
});

test('from the home page one click has alpha share its web app and opens the room view (1280x720)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page).toHaveTitle('OCM Explorer');
  const start = page.getByRole('region', { name: 'Start here' });
  await expect(start).toContainText('2 demo OCM servers are running on this machine beside the console');
  await expect(start).toContainText('Alpha Cloud (OCM 1.5)');
  await page.screenshot({ path: '.test-reports/home-1280.png' });
  await start.getByRole('button', { name: 'Demo the three modes' }).click();
  await expect(page).toHaveURL(/\/webapp\/[^/?]+\?room=start$/);
  const view = page.getByRole('dialog', { name: 'Side by side' });
  await view.getByRole('button', { name: 'Open all three' }).click();
  const report = (mode: string) => view.getByRole('status', { name: `${mode} report` });
  await expect(report('iframe')).toHaveText('app: in a frame · token by POST, valid');
  await expect(report('popup')).toHaveText('app: in a popup window (opened by the console) · token by POST, valid');
  for (const mode of ['iframe', 'popup', 'redirect']) await expectOnScreen(page, report(mode));
  await page.screenshot({ path: '.test-reports/room-demo-1280.png' });
});
