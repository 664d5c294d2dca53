import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import { headerPairs, signWithProfile } from '../../src/signing/index.ts';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// The console as a web-app sender, against its own demo peers over real HTTP: alpha (OCM 1.5, advertises
// webapp-receive) takes the share; the test then plays alpha's side of the web app step: the signed token
// exchange its server does, and the form POST its user's browser does.
const dir = mkdtempSync(join(tmpdir(), 'ocm-webapp-sender-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data') }),
);
afterAll(() => running.close());
const alpha = running.demo!.peers[0]!.state;
const legacy = running.demo!.peers[1]!.state;

interface Sent {
  status: number;
  share?: { id: string; protocol: string };
  exchange?: { response: { status: number }; request: { body?: { data: string } } };
  problem?: string;
  notes: string[];
}
const share = async (body: object): Promise<Sent> => {
  const res = await fetch(`${running.url}/api/shares`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: res.status, ...((await res.json()) as Omit<Sent, 'status'>) };
};

/** What alpha's server does when its user opens the share: exchange the code, signed with alpha's key. */
async function exchangeAsAlpha(code: string) {
  const url = `${running.url}/ocm/token`;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: new URL(alpha.origin).host,
    code,
  }).toString();
  const signed = await signWithProfile(
    { method: 'POST', url, headers: [['Content-Type', 'application/x-www-form-urlencoded']], body },
    OCM_RFC9421_PROFILE,
    { key: alpha.key, keyid: alpha.keyId },
  );
  if (!signed.ok) throw new Error(signed.error.message);
  const res = await fetch(url, { method: 'POST', headers: headerPairs(signed.value.message.headers), body });
  return { status: res.status, body: (await res.json()) as { access_token?: string; expires_in?: number } };
}

/** What the receiver's browser does: an application/x-www-form-urlencoded POST to the app uri. */
const openApp = (uri: string, token: string) =>
  fetch(uri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      access_token: token,
      expired_session_redirect_uri: `${alpha.origin}/apps/ended`,
    }).toString(),
  });

describe('the console as a web-app sender', () => {
  it("sends alpha a web-app share with alpha's targets, and alpha's side opens the console's app by POST", async () => {
    const sent = await share({
      to: `carol@${new URL(alpha.origin).host}`,
      protocol: 'webapp',
      name: 'board.md',
      content: '# Board notes\n',
    });
    expect(sent.status).toBe(200);
    expect(sent.share?.protocol).toBe('webapp');
    expect(sent.exchange?.response.status).toBe(201);
    const body = JSON.parse(sent.exchange!.request.body!.data) as { protocol: Record<string, Record<string, unknown>> };
    const webapp = body.protocol.webapp!;
    expect(Object.keys(body.protocol).sort()).toEqual(['name', 'webapp']);
    expect(webapp).toMatchObject({
      uri: `${running.url}/apps/open/${sent.share!.id}`,
      // Exactly what alpha's discovery advertises in webapp-receive.
      targets: ['iframe', 'blank'],
      requirements: ['must-exchange-token'],
      permissions: ['view'],
    });
    expect(sent.notes).toContain('webapp.targets are the ones the receiver advertises: iframe, blank.');

    const exchanged = await exchangeAsAlpha(webapp.sharedSecret as string);
    expect(exchanged.status).toBe(200);
    const token = exchanged.body.access_token!;
    expect(token).toBeTruthy();

    const res = await openApp(webapp.uri as string, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<title>OCM Explorer viewer</title>');
    expect(html).toContain('Access granted to “board.md”');
    expect(html).toMatch(
      /id="token">received in the POST body \(application\/x-www-form-urlencoded\), 36 characters, never in the URL/,
    );
    expect(html).toContain('<dd id="valid">yes</dd>');
    expect(html).toContain('<dd id="permissions">view</dd>');
    expect(Number(/id="remaining">(\d+)</.exec(html)?.[1])).toBeGreaterThan(290);
    expect(html).toContain('# Board notes');
    // The token opens the app, not the file over WebDAV: the share did not offer WebDAV.
    const dav = await fetch(`${running.url}/ocm/webdav/${sent.share!.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(dav.status).toBe(401);
    expect(await dav.text()).toContain('this is a web-app share: open /apps/open/');
    // alpha kept the web-app share for its user's browser; its server read nothing.
    expect(alpha.fetched.filter((f) => f.share === 'board.md')).toEqual([]);

    // The way back (end of the session, or leaving) goes into the page's script, and the token never does.
    expect(html).toContain(`"back":"${alpha.origin}/apps/ended"`);
    expect(html).not.toContain(token);
  });

  type Offered = { protocol: Record<string, { uri: string; sharedSecret: string }> };
  it('refuses the secret, a token in the URL, and a token for another share', async () => {
    const sent = await share({ to: `carol@${new URL(alpha.origin).host}`, protocol: 'webapp', name: 'a.md' });
    const webapp = (JSON.parse(sent.exchange!.request.body!.data) as Offered).protocol.webapp!;
    const secret = webapp.sharedSecret;
    const refused = 'The access token is unknown, expired, or for another share: access refused.';
    expect(await (await openApp(webapp.uri, secret)).text()).toContain(refused);

    const token = (await exchangeAsAlpha(secret)).body.access_token!;
    const inUrl = await (await fetch(`${webapp.uri}?access_token=${token}`)).text();
    expect(inUrl).toContain('An access_token was found in the URL');
    expect(inUrl).toContain('Opened without a form POST');

    // A token for a WebDAV share of the console does not open the app.
    const file = await share({ to: `carol@${new URL(alpha.origin).host}`, name: 'f.txt' });
    const fileCode = (JSON.parse(file.exchange!.request.body!.data) as Offered).protocol.webdav!.sharedSecret;
    const fileToken = (await exchangeAsAlpha(fileCode)).body.access_token!;
    const other = await openApp(`${running.url}/apps/open/${file.share!.id}`, fileToken);
    expect(await other.text()).toContain(refused);
    // And a token for this share does not open another one.
    expect(await (await openApp(`${running.url}/apps/open/${file.share!.id}`, token)).text()).toContain(refused);
  });

  it('says why a receiver that does not advertise webapp-receive gets no web-app share, and keeps none', async () => {
    const before = ((await (await fetch(`${running.url}/api/shares`)).json()) as { shares: unknown[] }).shares.length;
    const sent = await share({ to: `erin@${new URL(legacy.origin).host}`, protocol: 'webapp' });
    expect(sent.status).toBe(400);
    expect(sent.problem).toBe(
      'Not sent: Left out webapp: the receiver does not advertise webapp-receive, so it does not take web-app shares.',
    );
    expect(sent.exchange).toBeUndefined();
    expect(legacy.received.filter((r) => r.path === '/ocm/shares' && r.body.includes('"webapp"'))).toEqual([]);
    const after = ((await (await fetch(`${running.url}/api/shares`)).json()) as { shares: unknown[] }).shares.length;
    expect(after).toBe(before);
  });

  it('explains a protocol it does not know', async () => {
    const sent = await share({ to: `carol@${new URL(alpha.origin).host}`, protocol: 'ssh' });
    expect(sent.status).toBe(400);
    expect((sent as Sent & { message?: string }).message).toBe('"protocol" must be "webdav" or "webapp", not "ssh".');
  });
});
