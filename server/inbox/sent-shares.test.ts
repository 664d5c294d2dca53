import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { relayResultSchema, type RelayRequest } from '../../src/contract/exchange.ts';
import { inboundListSchema } from '../../src/contract/inbound.ts';
import { shareStatesSchema } from '../../src/contract/share-states.ts';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// The console and its demo mesh on real ports: shares sent by the console or by hand, and what alpha says of them.
const dir = mkdtempSync(join(tmpdir(), 'ocm-sent-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data') }),
);
afterAll(() => running.close());
const consoleHost = new URL(running.url).host;
const alpha = running.demo!.peers[0]!.state;
const alphaHost = new URL(alpha.origin).host;
const carol = `${alpha.spec.users[0]}@${alphaHost}`;

const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${running.url}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
const states = async () => shareStatesSchema.parse(await (await fetch(`${running.url}/api/inbox/shares`)).json());
const relay = async (request: RelayRequest) =>
  relayResultSchema.parse(await (await post('/api/relay', request, { 'x-relay-target': request.url })).json());
const alphaSays = async (type: string, providerId: string) => {
  const res = await post('/api/demo/alpha/send', {
    kind: 'notification',
    to: `alice@${consoleHost}`,
    notificationType: type,
    providerId,
  });
  expect(res.status).toBe(200);
};
const handShare = (providerId: string) => ({
  shareWith: carol,
  name: 'by-hand.txt',
  providerId,
  owner: `alice@${consoleHost}`,
  sender: `alice@${consoleHost}`,
  shareType: 'user',
  resourceType: 'file',
  protocol: {
    name: 'multi',
    webdav: {
      uri: `${running.url}/ocm/webdav/${providerId}`,
      sharedSecret: 'made-up-by-hand',
      permissions: ['read'],
      requirements: ['must-exchange-token'],
    },
  },
});
// alpha opens the shares it takes on its own (a token request to the console): find the request by its kind.
const newestRequest = async () =>
  inboundListSchema
    .parse(await (await fetch(`${running.url}/api/inbox?limit=20`)).json())
    .records.find((r) => r.endpoint === 'notifications' && r.body.data.includes('REQUEST_SHARE'));
const waitFor = async <T>(probe: () => T | undefined, ms = 5_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('a share sent by hand through the relay', () => {
  it('is tracked once alpha takes it, and alpha’s SHARE_ACCEPTED then SHARE_UNSHARED… are linked and move it', async () => {
    const sent = await relay({
      method: 'POST',
      url: `${alpha.origin}/ocm/shares`,
      headers: [['Content-Type', 'application/json']],
      body: { encoding: 'utf8', data: JSON.stringify(handShare('hand-1')) },
      sign: 'ocm',
    });
    if (!('exchange' in sent)) throw new Error(sent.failure.message);
    expect(sent.exchange.response.status).toBe(201);
    const tracked = (await states()).shares.find((s) => s.side === 'sent' && s.key === 'hand-1');
    expect(tracked).toMatchObject({ how: 'hand', to: carol, name: 'by-hand.txt', status: 'pending' });
    expect(Date.parse(tracked!.sentAt!)).not.toBeNaN();

    await alphaSays('SHARE_ACCEPTED', 'hand-1');
    const notice = inboundListSchema
      .parse(await (await fetch(`${running.url}/api/inbox?limit=20`)).json())
      .records.find((r) => r.endpoint === 'notifications' && r.body.data.includes('"hand-1"'));
    expect(notice?.response?.status, JSON.stringify(notice?.response)).toBe(201);
    const accepted = (await states()).shares.find((s) => s.key === 'hand-1');
    expect(accepted?.status).toBe('accepted');
    expect(accepted?.events.map((e) => [e.recordId, e.type, e.by])).toEqual([[notice!.id, 'SHARE_ACCEPTED', 'peer']]);
  });

  it('is not tracked when alpha refuses it, nor is a relayed notification or a dry run', async () => {
    const refused = await relay({
      method: 'POST',
      url: `${alpha.origin}/ocm/shares`,
      headers: [['Content-Type', 'application/json']],
      body: { encoding: 'utf8', data: JSON.stringify(handShare('hand-unsigned')) },
      sign: 'none',
    });
    if (!('exchange' in refused)) throw new Error(refused.failure.message);
    expect(refused.exchange.response.status).toBeGreaterThanOrEqual(400);
    await post(
      '/api/relay',
      {
        method: 'POST',
        url: `${alpha.origin}/ocm/shares`,
        headers: [['Content-Type', 'application/json']],
        body: { encoding: 'utf8', data: JSON.stringify(handShare('hand-dry')) },
        sign: 'ocm',
        dryRun: true,
      },
      { 'x-relay-target': `${alpha.origin}/ocm/shares` },
    );
    const note = await relay({
      method: 'POST',
      url: `${alpha.origin}/ocm/notifications`,
      headers: [['Content-Type', 'application/json']],
      body: {
        encoding: 'utf8',
        data: JSON.stringify({ ...handShare('hand-note'), notificationType: 'SHARE_ACCEPTED' }),
      },
      sign: 'ocm',
    });
    expect('exchange' in note).toBe(true);
    const keys = (await states()).shares.map((s) => s.key);
    expect(keys).not.toContain('hand-unsigned');
    expect(keys).not.toContain('hand-dry');
    expect(keys).not.toContain('hand-note');
  });

  it('a notification about it from another server than its receiver is not linked', async () => {
    await relay({
      method: 'POST',
      url: `${alpha.origin}/ocm/shares`,
      headers: [['Content-Type', 'application/json']],
      body: { encoding: 'utf8', data: JSON.stringify(handShare('hand-2')) },
      sign: 'ocm',
    });
    // Another server names alpha's share: it is not the share's receiver, and gets the spec default answer.
    const res = await post('/ocm/notifications', {
      notificationType: 'SHARE_DECLINED',
      senderDomain: 'elsewhere.example',
      resourceType: 'file',
      notification: { file: { providerId: 'hand-2' } },
    });
    expect(res.status).toBe(201);
    expect((await states()).shares.find((s) => s.key === 'hand-2')).toMatchObject({ status: 'pending', events: [] });
  });
});

describe('the console’s own share answering a request for a share', () => {
  it('marks the request shared and linked to the share; alpha exchanges the code and reads the file', async () => {
    const asked = await post('/api/demo/alpha/send', { kind: 'request-share', to: `alice@${consoleHost}` });
    expect(asked.status).toBe(200);
    const request = await newestRequest();
    const before = alpha.fetched.length;

    const res = await post('/api/shares', {
      to: carol,
      name: 'q3-plan.md',
      protocol: 'webdav',
      permissions: ['read'],
      request: request!.id,
    });
    const result = (await res.json()) as {
      share: { id: string };
      exchange: { response: { status: number }; request: { body: { data: string } } };
      answered: { request: string; ok: boolean };
    };
    expect(res.status).toBe(200);
    expect(result.exchange.response.status).toBe(201);
    expect(result.answered).toEqual({ request: request!.id, ok: true });
    const sentBody = JSON.parse(result.exchange.request.body.data) as {
      protocol: { webdav: { permissions: string[] } };
    };
    expect(sentBody.protocol.webdav.permissions).toEqual(['read']);

    const all = (await states()).shares;
    expect(all.find((s) => s.side === 'request' && s.key === request!.id)).toMatchObject({
      status: 'accepted',
      answeredBy: result.share.id,
    });
    expect(all.find((s) => s.side === 'sent' && s.key === result.share.id)).toMatchObject({
      how: 'console',
      to: carol,
      name: 'q3-plan.md',
    });

    const opened = await waitFor(() => (alpha.fetched.length > before ? alpha.fetched[0] : undefined));
    expect(opened).toMatchObject({ share: 'q3-plan.md', tokenStatus: 200, readStatus: 200 });
    expect(opened.error).toBeUndefined();
  });

  it('a share that was not delivered leaves the request pending, and says why', async () => {
    const asked = await post('/api/demo/alpha/send', { kind: 'request-share', to: `alice@${consoleHost}` });
    expect(asked.status).toBe(200);
    const request = await newestRequest();
    // The legacy peer takes no web app: nothing is sent.
    const legacyHost = new URL(running.demo!.peers[1]!.state.origin).host;
    const res = await post('/api/shares', { to: `bob@${legacyHost}`, protocol: 'webapp', request: request!.id });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ answered: { request: request!.id, ok: false } });
    expect((await states()).shares.find((s) => s.key === request!.id)).toBeUndefined();
  });

  it('refuses permissions a share cannot carry, naming them', async () => {
    const res = await post('/api/shares', { to: carol, permissions: ['read', 'delete'] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: '"permissions" may hold only read, write, share.' });
  });
});
