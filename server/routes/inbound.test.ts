import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inboundListSchema, inboundRecordSchema, inboxInfoSchema } from '../../src/contract/inbound.ts';
import { createApp } from '../app.ts';
import { defaultServerConfig } from '../config.ts';
import { createInbox } from '../inbox/index.ts';

function setup(overrides: Parameters<typeof defaultServerConfig>[0] = {}) {
  const config = defaultServerConfig(overrides);
  const inbox = createInbox(config, { persist: false });
  const app = createApp({ config, startedAt: new Date(), inbox, persist: false });
  const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    app.request(`http://127.0.0.1:8080${path}`, { method: 'POST', body, headers });
  return { app, inbox, post };
}

const share = JSON.stringify({
  shareWith: 'alice@127.0.0.1:8080',
  name: 'report.pdf',
  providerId: '7c084226',
  owner: 'bob@cloud.example.org',
  sender: 'bob@cloud.example.org',
  shareType: 'user',
  resourceType: 'file',
  protocol: { name: 'multi', webdav: { uri: 'x', sharedSecret: 's' } },
});

describe('the console receiving OCM calls', () => {
  it('accepts a share for alice, answers 201 as the spec says, and records everything', async () => {
    const { inbox, post } = setup();
    const res = await post('/ocm/shares', share, {
      'content-type': 'application/json',
      'x-trace': 'one',
      'X-Trace': 'two',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ recipientDisplayName: 'Alice (OCM Explorer)' });
    const [record] = inbox.store.list();
    expect(inboundRecordSchema.parse(record)).toMatchObject({
      method: 'POST',
      target: '/ocm/shares',
      endpoint: 'shares',
      stage: 'done',
      problems: [],
      body: { encoding: 'utf8', data: share, truncated: false },
      verification: { status: 'unsigned' },
      response: { status: 201, policy: 'spec' },
    });
  });

  it('records a body that is not JSON with the parser message, and answers 400', async () => {
    const { inbox, post } = setup();
    const res = await post('/ocm/notifications', '{"notificationType": SHARE_ACCEPTED}');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      message: 'INVALID_BODY',
      validationErrors: [{ name: 'body', message: 'NOT_JSON' }],
    });
    const [record] = inbox.store.list();
    expect(record!.problems.join(' ')).toMatch(/not JSON/);
    expect(record!.body.data).toBe('{"notificationType": SHARE_ACCEPTED}');
  });

  it('notes a wrong content type but still reads the JSON', async () => {
    const { inbox, post } = setup();
    const res = await post('/ocm/shares', share, { 'content-type': 'text/plain' });
    expect(res.status).toBe(201);
    expect(inbox.store.list()[0]!.problems).toEqual([
      'Content-Type is "text/plain"; this endpoint expects application/json.',
    ]);
  });

  it('keeps binary bodies as base64', async () => {
    const { app, inbox } = setup();
    await app.request('http://127.0.0.1/ocm/shares', {
      method: 'POST',
      body: new Uint8Array([0xff, 0xfe, 0x00, 0x01]),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(inbox.store.list()[0]!.body).toEqual({ encoding: 'base64', data: '//4AAQ==', size: 4, truncated: false });
  });

  it('reads the token endpoint as an OAuth form', async () => {
    const { inbox, post } = setup();
    const res = await post('/ocm/token', 'grant_type=authorization_code&client_id=peer.example&code=abc', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_grant' });
    expect(inbox.store.list()[0]!.problems).toEqual([]);
  });

  it('fails an OCM signature that names no keyid, and says why', async () => {
    const { inbox, post } = setup();
    await post('/ocm/shares', share, {
      'content-type': 'application/json',
      'signature-input': 'sig1=("@method");created=1;tag="ocm"',
      signature: 'sig1=:AAAA:',
    });
    expect(inbox.store.list()[0]!.verification).toMatchObject({
      status: 'failed',
      summary: expect.stringMatching(/no keyid/),
    });
  });

  it('refuses a share whose OCM signature fails under the default policy, and records it all the same', async () => {
    const { inbox, post } = setup();
    const signed = {
      'content-type': 'application/json',
      'signature-input': 'sig1=("@method");created=1;tag="ocm"',
      signature: 'sig1=:AAAA:',
    };
    const res = await post('/ocm/shares', share, signed);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'SIGNATURE_INVALID', detail: expect.stringMatching(/keyid/) });
    expect(inbox.store.list()[0]).toMatchObject({
      stage: 'done',
      body: { data: share },
      verification: { status: 'failed' },
      response: { status: 401, policy: 'spec' },
    });
  });

  it('answers 201 for the same failing signature under the lenient policy, still verifying and recording', async () => {
    const { app, inbox, post } = setup();
    const put = await app.request('http://127.0.0.1/api/inbox/policy/shares', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'lenient' }),
    });
    expect(put.status).toBe(200);
    const info = inboxInfoSchema.parse(await (await app.request('http://127.0.0.1:8080/api/inbox/info')).json());
    expect(info.policies).toEqual({ shares: { mode: 'lenient' } });
    const res = await post('/ocm/shares', share, {
      'content-type': 'application/json',
      'signature-input': 'sig1=("@method");created=1;tag="ocm"',
      signature: 'sig1=:AAAA:',
    });
    expect(res.status).toBe(201);
    expect(inbox.store.list()[0]).toMatchObject({
      verification: { status: 'failed' },
      response: { status: 201, policy: 'lenient' },
    });
  });

  it('refuses an unsigned notification when the console requires signatures (must-use-http-sig)', async () => {
    const config = defaultServerConfig();
    const inbox = { ...createInbox(config, { persist: false }), requireSignature: true };
    const app = createApp({ config, startedAt: new Date(), inbox, persist: false });
    const res = await app.request('http://127.0.0.1:8080/ocm/notifications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notificationType: 'SHARE_ACCEPTED', resourceType: 'file', providerId: '7c084226' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'SIGNATURE_REQUIRED' });
    expect(inbox.store.list()[0]!.verification).toMatchObject({ status: 'unsigned' });
  });

  it('in public mode, does not fetch keys from the private address a keyid names, and says so', async () => {
    const { inbox, post } = setup({ public: true, accessToken: 'inbound-Jx4Tq9Lw2Zr7Vc5Mb8Hs' });
    await post('/ocm/shares', JSON.stringify({ sender: 'x@10.0.0.1' }), {
      'content-type': 'application/json',
      'signature-input': 'sig1=("@method");created=1;keyid="10.0.0.1#k";tag="ocm"',
      signature: 'sig1=:AAAA:',
    });
    const verification = inbox.store.list()[0]!.verification!;
    expect(verification.status).toBe('failed');
    expect(verification.details?.join(' ')).toMatch(/public mode reaches only public addresses/);
  });

  it('records calls to paths OCM does not define, and answers 404', async () => {
    const { app, inbox } = setup();
    const res = await app.request('http://127.0.0.1/ocm/shares/123/permissions', { method: 'PUT', body: '{}' });
    expect(res.status).toBe(404);
    expect(inbox.store.list()[0]).toMatchObject({
      endpoint: 'other',
      method: 'PUT',
      target: '/ocm/shares/123/permissions',
    });
  });

  it('answers with a custom policy, including a delay, so a sender can be tested against errors', async () => {
    const { app, inbox, post } = setup();
    const put = await app.request('http://127.0.0.1/api/inbox/policy/shares', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        mode: 'custom',
        status: 503,
        contentType: 'application/json',
        body: '{"message":"MAINTENANCE"}',
        delayMs: 150,
      }),
    });
    expect(put.status).toBe(200);
    const started = Date.now();
    const res = await post('/ocm/shares', share);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('{"message":"MAINTENANCE"}');
    expect(inbox.store.list()[0]!.response).toMatchObject({ status: 503, policy: 'custom', delayMs: 150 });
  });

  it('refuses a malformed policy and says where', async () => {
    const { app } = setup();
    const res = await app.request('http://127.0.0.1/api/inbox/policy/shares', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'custom', status: 42 }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/Invalid policy/);
    const bad = await app.request('http://127.0.0.1/api/inbox/policy/nowhere', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"mode":"spec"}',
    });
    expect(bad.status).toBe(400);
  });

  it('lists records newest first, finds one by id, tells where to send, and clears', async () => {
    const { app, post } = setup();
    await post('/ocm/shares', share);
    await post('/ocm/notifications', '{"notificationType":"SHARE_ACCEPTED"}');
    const list = inboundListSchema.parse(await (await app.request('http://127.0.0.1:8080/api/inbox')).json());
    expect(list.records.map((r) => r.endpoint)).toEqual(['notifications', 'shares']);
    const one = await app.request(`http://127.0.0.1:8080/api/inbox/${list.records[1]!.id}`);
    expect(inboundRecordSchema.parse(await one.json()).endpoint).toBe('shares');
    const info = await (await app.request('http://127.0.0.1:8080/api/inbox/info')).json();
    expect(info).toMatchObject({
      endPoint: 'http://127.0.0.1:8080/ocm',
      recipients: [
        { name: 'alice', address: 'alice@127.0.0.1:8080' },
        { name: 'bob', address: 'bob@127.0.0.1:8080' },
      ],
    });
    expect(info).not.toHaveProperty('unreadable');
    await app.request('http://127.0.0.1:8080/api/inbox', { method: 'DELETE' });
    expect(inboundListSchema.parse(await (await app.request('http://127.0.0.1:8080/api/inbox')).json()).total).toBe(0);
  });
});

describe('an inbox file with lines the console cannot read', () => {
  it('says how many, where, and the first reason, in the list and in the inbox info', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-route-'));
    copyFileSync(
      join(import.meta.dirname, '../inbox/__fixtures__/inbox-broken-line.jsonl'),
      join(dataDir, 'inbox.jsonl'),
    );
    const config = defaultServerConfig({ dataDir });
    const app = createApp({ config, startedAt: new Date(), inbox: createInbox(config), persist: false });
    const unreadable = {
      count: 2,
      file: join(dataDir, 'inbox.jsonl'),
      firstError: expect.stringMatching(/^line 2 of inbox\.jsonl: not JSON/),
    };
    const list = inboundListSchema.parse(await (await app.request('http://127.0.0.1:8080/api/inbox')).json());
    expect(list).toMatchObject({ total: 2, unreadable });
    const info = await (await app.request('http://127.0.0.1:8080/api/inbox/info')).json();
    expect(info).toMatchObject({ unreadable });
  });
});
