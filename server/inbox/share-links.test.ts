import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shareStatesSchema } from '../../src/contract/share-states.ts';
import { createApp } from '../app.ts';
import { defaultServerConfig } from '../config.ts';
import { ShareStore } from '../sharing/share-store.ts';
import { openDataStores } from '../storage-report.ts';
import { createInbox } from './index.ts';

function setup(dataDir?: string) {
  const config = defaultServerConfig(dataDir ? { dataDir } : {});
  const inbox = createInbox(config, { persist: !!dataDir });
  const app = createApp({ config, startedAt: new Date(), inbox, persist: !!dataDir });
  const json = { 'content-type': 'application/json' };
  const post = (path: string, body: unknown) =>
    app.request(`http://127.0.0.1:8080${path}`, { method: 'POST', body: JSON.stringify(body), headers: json });
  const states = async () =>
    shareStatesSchema.parse(await (await app.request('http://127.0.0.1:8080/api/inbox/shares')).json());
  return { app, inbox, post, states };
}

const share = (providerId: string, sender = 'bob@cloud.example.org') => ({
  shareWith: 'alice@127.0.0.1:8080',
  name: 'report.pdf',
  providerId,
  owner: sender,
  sender,
  shareType: 'user',
  resourceType: 'file',
  protocol: { name: 'multi', webdav: { uri: 'x', sharedSecret: 's' } },
});
const unshared = (providerId: string, senderDomain = 'cloud.example.org') => ({
  notificationType: 'SHARE_UNSHARED',
  senderDomain,
  resourceType: 'file',
  notification: { file: { providerId } },
});

describe('notifications linked to the share they name', () => {
  it('SHARE_UNSHARED moves the share to unshared, linked both ways; a repeat gets the same answer and moves nothing', async () => {
    const { inbox, post, states } = setup();
    expect((await post('/ocm/shares', share('p-1'))).status).toBe(201);
    const shareId = inbox.store.list()[0]!.id;

    const first = await post('/ocm/notifications', unshared('p-1'));
    expect(first.status).toBe(201);
    const again = await post('/ocm/notifications', unshared('p-1'));
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual({});

    const [notified, repeated] = inbox.store.list(2).reverse();
    const [entry] = (await states()).shares;
    expect(entry).toMatchObject({ side: 'received', key: shareId, providerId: 'p-1', name: 'report.pdf' });
    expect(entry!.status).toBe('unshared');
    expect(entry!.events.map((e) => [e.recordId, e.type, e.outcome])).toEqual([
      [notified!.id, 'SHARE_UNSHARED', 'applied'],
      [repeated!.id, 'SHARE_UNSHARED', 'duplicate'],
    ]);
  });

  it('a permission change (legacy RESHARE_CHANGE_PERMISSION too) keeps the new permissions', async () => {
    const { post, states } = setup();
    await post('/ocm/shares', share('p-2'));
    const res = await post('/ocm/notifications', {
      notificationType: 'SHARE_CHANGE_PERMISSION',
      senderDomain: 'cloud.example.org',
      resourceType: 'file',
      notification: { file: { providerId: 'p-2', permissions: ['read', 'write'] } },
    });
    expect(res.status).toBe(201);
    expect((await states()).shares[0]).toMatchObject({ status: 'pending', permissions: ['read', 'write'] });
  });

  it('answers 400 naming the field for an unknown providerId, and still records the call', async () => {
    const { inbox, post, states } = setup();
    await post('/ocm/shares', share('p-3'));
    const res = await post('/ocm/notifications', unshared('no-such-share'));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      message: 'SHARE_NOT_FOUND',
      validationErrors: [{ name: 'notification.file.providerId', message: 'NOT_FOUND' }],
    });
    expect(inbox.store.list()[0]).toMatchObject({ endpoint: 'notifications', response: { status: 400 } });
    expect((await states()).shares).toEqual([]);
  });

  it('a legacy notification names the top-level providerId when it is unknown', async () => {
    const { post } = setup();
    const res = await post('/ocm/notifications', {
      notificationType: 'SHARE_UNSHARED',
      resourceType: 'file',
      providerId: 'nope',
      notification: { sharedSecret: 's' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ validationErrors: [{ name: 'providerId', message: 'NOT_FOUND' }] });
  });

  it('a share-scoped notification from another server than the share’s sender finds no share', async () => {
    const { post } = setup();
    await post('/ocm/shares', share('p-4'));
    expect((await post('/ocm/notifications', unshared('p-4', 'evil.example'))).status).toBe(400);
    expect((await post('/ocm/notifications', unshared('p-4', 'cloud.example.org'))).status).toBe(201);
  });

  it('after an unshare, a different notification about the share is answered as for a share that is gone', async () => {
    const { post } = setup();
    await post('/ocm/shares', share('p-5'));
    await post('/ocm/notifications', unshared('p-5'));
    const late = await post('/ocm/notifications', {
      notificationType: 'SHARE_CHANGE_PERMISSION',
      senderDomain: 'cloud.example.org',
      resourceType: 'file',
      notification: { file: { providerId: 'p-5', permissions: ['read'] } },
    });
    expect(late.status).toBe(400);
    expect(await late.json()).toMatchObject({ validationErrors: [{ message: 'UNSHARED' }] });
  });

  it('SHARE_ACCEPTED about a share the console sent (its id is the providerId) moves that share to accepted', async () => {
    const config = defaultServerConfig();
    const shares = new ShareStore();
    const mine = shares.create({
      owner: 'alice@127.0.0.1:8080',
      shareWith: 'carol@alpha.example',
      name: 'notes.md',
      content: 'hello',
      protocol: 'webdav',
      mustExchangeToken: true,
    });
    const app = createApp({
      config,
      startedAt: new Date(),
      inbox: createInbox(config, { persist: false }),
      shares,
      persist: false,
    });
    const res = await app.request('http://127.0.0.1:8080/ocm/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        notificationType: 'SHARE_ACCEPTED',
        senderDomain: 'alpha.example',
        resourceType: 'file',
        notification: { file: { providerId: mine.id } },
      }),
    });
    expect(res.status).toBe(201);
    const read = shareStatesSchema.parse(await (await app.request('http://127.0.0.1:8080/api/inbox/shares')).json());
    expect(read.shares).toEqual([
      expect.objectContaining({ side: 'sent', key: mine.id, name: 'notes.md', status: 'accepted' }),
    ]);
  });

  it('SHARE_ACCEPTED about a share the console never sent (nor relayed) is still taken: 201, unlinked', async () => {
    const { post, states } = setup();
    const res = await post('/ocm/notifications', {
      notificationType: 'SHARE_ACCEPTED',
      resourceType: 'file',
      providerId: 'sent-from-compose',
    });
    expect(res.status).toBe(201);
    expect((await states()).shares).toEqual([]);
  });
});

describe('share states are kept on disk', () => {
  it('the console’s own accept survives a restart, and a later unshare moves it on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'share-states-'));
    const first = setup(dir);
    await first.post('/ocm/shares', share('p-6'));
    const shareId = first.inbox.store.list()[0]!.id;
    const answered = await first.post(`/api/inbox/${shareId}/answer`, { type: 'SHARE_ACCEPTED' });
    expect(answered.status).toBe(200);

    const file = JSON.parse(readFileSync(join(dir, 'share-states.json'), 'utf8'));
    expect(file.version).toBe(2);

    const second = setup(dir);
    expect((await second.states()).shares[0]).toMatchObject({ key: shareId, status: 'accepted' });
    expect((await second.post('/ocm/notifications', unshared('p-6'))).status).toBe(201);
    expect((await second.states()).shares[0]!.events.map((e) => [e.by, e.status])).toEqual([
      ['console', 'accepted'],
      ['peer', 'unshared'],
    ]);
  });

  it('a format-1 file is migrated on read: its sent shares were the console’s own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'share-states-'));
    const sent = { side: 'sent', key: 'c-1', providerId: 'c-1', name: 'a.txt', status: 'accepted', events: [] };
    const received = { side: 'received', key: 'in-1', providerId: 'p-1', status: 'pending', events: [] };
    writeFileSync(join(dir, 'share-states.json'), JSON.stringify({ version: 1, shares: [sent, received] }));
    const { states, post, inbox } = setup(dir);
    const read = await states();
    expect(read.unreadable).toBeUndefined();
    expect(read.shares).toEqual([{ ...sent, how: 'console' }, received]);
    // Written back in format 2 at the next change.
    await post('/ocm/shares', share('p-10'));
    await post(`/api/inbox/${inbox.store.list()[0]!.id}/answer`, { type: 'SHARE_ACCEPTED' });
    const file = JSON.parse(readFileSync(join(dir, 'share-states.json'), 'utf8'));
    expect(file.version).toBe(2);
    expect(file.shares).toContainEqual({ ...sent, how: 'console' });
  });

  it('an entry it cannot read is reported and written back as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'share-states-'));
    const odd = { side: 'received', key: 'in-9', status: 'somewhere', events: [] };
    writeFileSync(join(dir, 'share-states.json'), JSON.stringify({ version: 1, shares: [odd] }));
    const { post, states, inbox } = setup(dir);
    const read = await states();
    expect(read.unreadable).toMatchObject({ count: 1, file: join(dir, 'share-states.json') });
    expect(read.unreadable?.firstError).toMatch(/^entry 1: /);
    await post('/ocm/shares', share('p-7'));
    await post(`/api/inbox/${inbox.store.list()[0]!.id}/answer`, { type: 'SHARE_DECLINED' });
    const kept = JSON.parse(readFileSync(join(dir, 'share-states.json'), 'utf8')).shares;
    expect(kept).toContainEqual(odd);
    expect(kept).toContainEqual(expect.objectContaining({ status: 'declined' }));
  });

  it('the start-up output names a share-states file it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'share-states-'));
    writeFileSync(join(dir, 'share-states.json'), '{"version": 1, "shares": [{"side": "nowhere"}]}');
    const { notices } = await openDataStores(defaultServerConfig({ dataDir: dir }));
    expect(notices).toContainEqual(
      expect.stringMatching(/^share states: 1 entry could not be read and is kept in .*share-states\.json \(entry 1: /),
    );
  });

  it('a file from a newer console is never overwritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'share-states-'));
    const newer = JSON.stringify({ version: 99, shares: [] });
    writeFileSync(join(dir, 'share-states.json'), newer);
    const { post, states, inbox } = setup(dir);
    expect((await states()).unreadable?.firstError).toMatch(/newer OCM Explorer/);
    await post('/ocm/shares', share('p-8'));
    await post(`/api/inbox/${inbox.store.list()[0]!.id}/answer`, { type: 'SHARE_ACCEPTED' });
    expect(readFileSync(join(dir, 'share-states.json'), 'utf8')).toBe(newer);
    expect((await states()).shares[0]).toMatchObject({ status: 'accepted' });
  });
});

describe('the console’s answers to share requests', () => {
  const request = {
    notificationType: 'REQUEST_SHARE',
    senderDomain: 'alpha.example',
    resourceType: 'file',
    notification: {
      file: { owner: 'alice@127.0.0.1:8080', shareWith: 'carol@alpha.example', shareId: 'r-1', permissions: ['read'] },
    },
  };

  it('a declined request is kept as declined; it cannot be “accepted”', async () => {
    const { inbox, post, states } = setup();
    expect((await post('/ocm/notifications', request)).status).toBe(201);
    const id = inbox.store.list()[0]!.id;
    expect((await post(`/api/inbox/${id}/answer`, { type: 'SHARE_ACCEPTED' })).status).toBe(400);
    expect((await post(`/api/inbox/${id}/answer`, { type: 'SHARE_DECLINED' })).status).toBe(200);
    expect((await states()).shares[0]).toMatchObject({ side: 'request', key: id, status: 'declined' });
  });

  it('a request answered by a share is kept as accepted; a received share cannot be “answered by a share”', async () => {
    const { inbox, post, states } = setup();
    await post('/ocm/notifications', request);
    const id = inbox.store.list()[0]!.id;
    expect((await post(`/api/inbox/${id}/answer`, { type: 'Share Creation Notification' })).status).toBe(200);
    expect((await states()).shares[0]).toMatchObject({ side: 'request', status: 'accepted' });
    await post('/ocm/shares', share('p-9'));
    const shareId = inbox.store.list()[0]!.id;
    expect((await post(`/api/inbox/${shareId}/answer`, { type: 'Share Creation Notification' })).status).toBe(400);
  });

  it('answers for records that are not shares or requests are refused with the reason', async () => {
    const { post } = setup();
    const res = await post('/api/inbox/in-404/answer', { type: 'SHARE_ACCEPTED' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ message: 'No received message in-404.' });
  });
});
