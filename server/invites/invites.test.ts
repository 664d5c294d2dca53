import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteListSchema, sentInviteViewSchema } from '../../src/contract/invites.ts';
import { decodeInviteString, lint } from '../../src/protocol/index.ts';
import { createApp } from '../app.ts';
import { defaultServerConfig } from '../config.ts';
import { startDemoMesh } from '../demo-mesh/index.ts';
import { createInbox } from '../inbox/index.ts';
import { InviteStore } from './invite-store.ts';

const mesh = await startDemoMesh();
afterAll(() => mesh.close());
const alpha = mesh.peers[0]!.state;

function setup() {
  const config = defaultServerConfig({});
  const inbox = createInbox(config, { persist: false });
  const app = createApp({ config, startedAt: new Date(), inbox, persist: false, demo: mesh });
  const base = 'http://127.0.0.1:8080';
  const json = { 'content-type': 'application/json' };
  const post = (path: string, body: unknown) =>
    app.request(`${base}${path}`, { method: 'POST', body: JSON.stringify(body), headers: json });
  const get = (path: string) => app.request(`${base}${path}`);
  return { app, inbox, post, get };
}

const acceptance = (token: string) => ({
  recipientProvider: 'receiver.example.org',
  token,
  userID: 'u-51',
  email: 'richard@example.org',
  name: 'Richard Feynman',
});

describe('the console as invite sender', () => {
  it('creates an invite with its string and WAYF link, and answers invite-accepted 200, then 409', async () => {
    const { post, get, inbox } = setup();
    const created = sentInviteViewSchema.parse(await (await post('/api/invites', { user: 'bob' })).json());
    expect(created).toMatchObject({
      user: 'bob',
      state: 'open',
      link: `http://127.0.0.1:8080/wayf?token=${created.token}`,
    });
    expect(decodeInviteString(created.inviteString)).toMatchObject({
      ok: true,
      token: created.token,
      providerDomain: '127.0.0.1:8080',
      encoding: 'base64url',
    });
    const first = await post('/ocm/invite-accepted', acceptance(created.token));
    expect(first.status).toBe(200);
    const answer: unknown = await first.json();
    expect(answer).toEqual({ userID: 'bob', email: 'bob@localhost', name: 'Bob (OCM Explorer)' });
    // The console answers as the draft's Invite Acceptance Response says: it lints clean.
    expect(lint('invite-response', answer).findings).toEqual([]);
    const list = inviteListSchema.parse(await (await get('/api/invites')).json());
    expect(list.invites[0]).toMatchObject({
      state: 'accepted',
      accepted: { userID: 'u-51', name: 'Richard Feynman', recipientProvider: 'receiver.example.org' },
    });
    expect((await post('/ocm/invite-accepted', acceptance(created.token))).status).toBe(409);
    expect((await post('/ocm/invite-accepted', acceptance('made-up'))).status).toBe(400);
    // The link, opened again, says it was used and what to do.
    const used = await get(`/wayf?token=${created.token}`);
    expect(used.status).toBe(409);
    expect(await used.text()).toContain(
      'This invite from bob@127.0.0.1:8080 was already accepted; an invite can be accepted once. Ask bob for a new one.',
    );
    // Every call is in the inbox, as before.
    expect(inbox.store.list().map((r) => r.response?.status)).toEqual([400, 409, 200]);
  });

  it('refuses a signed acceptance whose signature fails with 401, and leaves the invite open', async () => {
    const { app, post, get, inbox } = setup();
    const created = sentInviteViewSchema.parse(await (await post('/api/invites', { user: 'bob' })).json());
    const body = JSON.stringify(acceptance(created.token));
    // An OCM signature over a Content-Digest that is not the body's: it cannot verify, whoever signed it.
    const forged = await app.request('http://127.0.0.1:8080/ocm/invite-accepted', {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'content-digest': `sha-256=:${Buffer.alloc(32).toString('base64')}:`,
        'signature-input': `sig1=("@method" "@target-uri" "content-digest");created=${Math.floor(Date.now() / 1000)};keyid="https://receiver.example.org/ocm#key";alg="ed25519";tag="ocm"`,
        signature: `sig1=:${Buffer.alloc(64).toString('base64')}:`,
      },
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ message: 'SIGNATURE_INVALID' });
    const list = inviteListSchema.parse(await (await get('/api/invites')).json());
    expect(list.invites[0]).toMatchObject({ token: created.token, state: 'open' });
    expect(inbox.store.list()[0]).toMatchObject({ verification: { status: 'failed' }, response: { status: 401 } });
  });

  it('refuses an invite for a user the console does not have', async () => {
    const { post } = setup();
    expect((await post('/api/invites', { user: 'mallory' })).status).toBe(400);
  });

  it('advertises invites, invite-wayf and its inviteAcceptDialog', async () => {
    const doc = (await (await setup().get('/.well-known/ocm')).json()) as Record<string, unknown>;
    expect(doc.capabilities).toEqual(expect.arrayContaining(['invites', 'invite-wayf']));
    expect(doc.inviteAcceptDialog).toBe('/invites/accept');
  });

  it('serves a WAYF page listing the demo peers, and sends a choice to that provider’s accept dialog', async () => {
    const { post, get } = setup();
    const { token } = sentInviteViewSchema.parse(await (await post('/api/invites', {})).json());
    const page = await get(`/wayf?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
    const html = await page.text();
    expect(html).toContain('alice@127.0.0.1:8080');
    expect(html).toContain(alpha.origin);
    const chosen = await get(`/wayf?token=${token}&provider=${encodeURIComponent(alpha.origin)}`);
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe(
      `${alpha.origin}/invites/accept?token=${token}&providerDomain=127.0.0.1%3A8080`,
    );
    const unknown = await get('/wayf?token=nope');
    expect(unknown.status).toBe(404);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toContain('This console (127.0.0.1:8080) does not know this invite: the link may be mistyped');
    // Nothing to choose, so the page does not promise a provider will show the invite.
    expect(unknownHtml).not.toContain('your provider will show the invite');
  });

  it('names a provider that cannot accept invites instead of redirecting', async () => {
    const { post, get } = setup();
    const { token } = sentInviteViewSchema.parse(await (await post('/api/invites', {})).json());
    const legacy = mesh.peers[1]!.state.origin;
    const res = await get(`/wayf?token=${token}&provider=${encodeURIComponent(legacy)}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/does not publish an inviteAcceptDialog/);
  });

  it('offers only the providers that can accept from a link, and names the others apart', async () => {
    const { post, get } = setup();
    const { token } = sentInviteViewSchema.parse(await (await post('/api/invites', {})).json());
    const html = await (await get(`/wayf?token=${token}`)).text();
    const legacy = mesh.peers[1]!.state.origin;
    const [offered, apart] = html.split('Known, but cannot accept from a link');
    expect(offered).toContain(`provider=${encodeURIComponent(alpha.origin)}`);
    expect(offered).not.toContain(encodeURIComponent(legacy));
    expect(apart).toContain(`${legacy}: its discovery publishes no inviteAcceptDialog`);
    expect(apart).not.toContain('href=');
  });
});

describe('the invite store on disk', () => {
  it('writes a format version and counts an entry it cannot read, writing it back untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'invites-'));
    const good = { token: 't1', user: 'alice', createdAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-08T00:00:00Z' };
    const broken = { token: 42 };
    writeFileSync(join(dir, 'invites.json'), JSON.stringify({ version: 1, invites: [good, broken] }));
    const store = new InviteStore(dir);
    expect(store.list().map((i) => i.token)).toEqual(['t1']);
    expect(store.unreadable).toMatchObject({ count: 1, firstError: expect.stringMatching(/^invite 2:/) });
    store.create('bob');
    const written = JSON.parse(readFileSync(join(dir, 'invites.json'), 'utf8')) as {
      version: number;
      invites: unknown[];
    };
    expect(written.version).toBe(1);
    expect(written.invites).toHaveLength(3);
    expect(written.invites).toContainEqual(broken);
  });

  it('never overwrites a file it cannot read at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'invites-'));
    writeFileSync(join(dir, 'invites.json'), '{not json');
    const store = new InviteStore(dir);
    store.create('alice');
    expect(readFileSync(join(dir, 'invites.json'), 'utf8')).toBe('{not json');
    expect(store.unreadable?.count).toBe(1);
  });
});

describe('the WAYF page and a provider whose inviteAcceptDialog is not a web page', () => {
  // A provider of the visitor's choosing, on loopback, publishing whatever dialog the test sets.
  let dialog = '';
  const provider = createServer((req, res) => {
    if (req.url?.startsWith('/.well-known/ocm')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ enabled: true, apiVersion: '1.2.0', endPoint: 'http://x/ocm', inviteAcceptDialog: dialog }),
      );
    } else res.writeHead(404).end();
  });
  beforeAll(() => new Promise<void>((done) => provider.listen(0, '127.0.0.1', done)));
  afterAll(() => new Promise<void>((done) => provider.close(() => done())));

  it.each([
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'JavaScript:alert(1)',
  ])('refuses to send a visitor to %s, and says why on the page', async (given) => {
    dialog = given;
    const { post, get } = setup();
    const { token } = sentInviteViewSchema.parse(await (await post('/api/invites', {})).json());
    const origin = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    const res = await get(`/wayf?token=${token}&provider=${encodeURIComponent(origin)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toMatch(/publishes an inviteAcceptDialog that is not an http\(s\) address/);
  });
});
