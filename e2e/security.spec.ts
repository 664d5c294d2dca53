import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ConsolePage } from './pages/console-page.ts';
import { PUBLIC_ACCESS_TOKEN, PUBLIC_CONSOLE_URL } from './servers.ts';

/** A page on another local origin that tries every kind of request a browser sends without asking. */
function attackPage(consoleUrl: string, peerUrl: string): string {
  const script = `
    const c = ${JSON.stringify(consoleUrl)};
    const peer = ${JSON.stringify(peerUrl)};
    const simple = (url, body) => fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }).catch(() => {});
    const preflighted = (url, method, body) => fetch(url, { method, headers: { 'content-type': 'application/json' }, body }).catch(() => {});
    (async () => {
      await simple(c + '/api/keys', '{"use":"rfc9421"}');
      await simple(c + '/api/keys/rotate', '{"use":"rfc9421"}');
      await simple(c + '/api/shares', '{"to":"eve@evil.example"}');
      await simple(c + '/api/demo/alpha/send', '{"kind":"share","to":"eve@evil.example"}');
      await simple(c + '/api/relay', '{"method":"GET","url":"http://127.0.0.1:1/","headers":[]}');
      await preflighted(c + '/api/inbox/policy/shares', 'PUT', '{"mode":"custom","status":500}');
      await preflighted(c + '/api/demo/alpha/faults', 'PUT', '{"serverError":true}');
      await preflighted(c + '/api/keys', 'POST', '{"use":"cavage"}');
      await simple(peer + '/demo/send', '{"kind":"share","to":"eve@evil.example"}');
      await preflighted(peer + '/demo/faults', 'PUT', '{"serverError":true}');
      document.getElementById('form').submit();
      document.title = 'done';
    })();`;
  // A form POST, the oldest trick: text/plain shaped like JSON, into a hidden frame.
  return `<!doctype html><title>attacking</title>
    <iframe name="sink" hidden></iframe>
    <form id="form" method="POST" action="${consoleUrl}/api/keys" enctype="text/plain" target="sink">
      <input type="hidden" name='{"use":"rfc9421","x":"' value='"}'>
    </form>
    <script>${script}</script>`;
}

async function consoleState(request: APIRequestContext, baseURL: string) {
  const read = async (path: string) => (await request.get(`${baseURL}${path}`)).json();
  const demo = (await read('/api/demo')) as { peers: Array<{ id: string; faults: unknown }> };
  return {
    keys: await read('/api/keys'),
    shares: await read('/api/shares'),
    policies: ((await read('/api/inbox/info')) as { policies: unknown }).policies,
    inboxTotal: ((await read('/api/inbox?limit=1')) as { total: number }).total,
    faults: demo.peers.map((p) => p.faults),
  };
}

test('a page on another origin cannot make the console or its demo peers do anything', async ({
  page,
  request,
  baseURL,
}) => {
  const demo = (await (await request.get(`${baseURL}/api/demo`)).json()) as { peers: Array<{ origin: string }> };
  const before = await consoleState(request, baseURL!);
  let attacker: Server | undefined;
  try {
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(attackPage(baseURL!, demo.peers[0]!.origin));
    });
    await new Promise<void>((done) => attacker!.listen(0, '127.0.0.1', done));
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;

    const answered: Array<{ url: string; status: number }> = [];
    page.on('response', (res) => {
      const url = res.url();
      if (url.startsWith(`${baseURL}/api/`) || url.includes('/demo/')) {
        if (res.request().method() !== 'OPTIONS') answered.push({ url, status: res.status() });
      }
    });
    await page.goto(attackerUrl);
    await expect(page).toHaveTitle('done');
    // Every request that reached the console or a peer was refused; the rest died at the preflight.
    await expect.poll(() => answered.length).toBeGreaterThanOrEqual(6);
    for (const { url, status } of answered) expect(status, url).toBe(403);
    expect(await consoleState(request, baseURL!)).toEqual(before);
  } finally {
    await new Promise<void>((done) => (attacker ? attacker.close(() => done()) : done()));
  }

  // The console's own pages still work, of course.
  const app = new ConsolePage(page);
  await app.open('/keys');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByRole('list', { name: 'Keys' }).getByRole('listitem')).toHaveCount(
    (before.keys as { keys: unknown[] }).keys.length + 1,
  );
});

test('a public console shows the sign-in page, refuses a wrong token, lets the right one in, and signs out', async ({
  page,
}) => {
  const app = new ConsolePage(page);
  await page.goto(`${PUBLIC_CONSOLE_URL}/keys`);
  await expect(page.getByRole('heading', { name: 'Sign in to this console' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Server status' })).toContainText('public mode');

  await page.getByLabel('Access token').fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText("That is not this console's access token.");

  await page.getByLabel('Access token').fill(PUBLIC_ACCESS_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Keys' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Keys' }).getByRole('listitem')).toHaveCount(2);
  expect(page.url()).not.toContain(PUBLIC_ACCESS_TOKEN);
  await expect(page.getByText('A public console never exports private keys.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export private key…' })).toHaveCount(0);
  const cookies = await page.context().cookies(PUBLIC_CONSOLE_URL);
  expect(cookies.find((c) => c.name === 'ocmx_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

  // A reload keeps the session; signing out ends it, and the API closes again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Keys' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to this console' })).toBeVisible();
  const after = await page.evaluate(async () => (await fetch('/api/keys')).status);
  expect(after).toBe(401);
  app.expectClean({ allowStatuses: [401] });
});
