import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoListSchema, demoSendOutcomeSchema } from '../../src/contract/demo.ts';
import { inboundListSchema } from '../../src/contract/inbound.ts';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// The console with its demo mesh, as `npm start` runs them: real ports, real signatures, real keys.
const dir = mkdtempSync(join(tmpdir(), 'ocm-console-mesh-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data') }),
);
afterAll(() => running.close());
const consoleHost = new URL(running.url).host;

const api = async (path: string, init?: RequestInit) =>
  fetch(`${running.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
const send = async (peer: string, command: object) =>
  demoSendOutcomeSchema.parse(
    await (await api(`/api/demo/${peer}/send`, { method: 'POST', body: JSON.stringify(command) })).json(),
  );
const latest = async () => inboundListSchema.parse(await (await api('/api/inbox?limit=1')).json()).records[0]!;

describe('the console with its demo mesh', () => {
  it('lists the demo peers it started', async () => {
    const list = demoListSchema.parse(await (await api('/api/demo')).json());
    expect(list.enabled).toBe(true);
    expect(list.peers.map((p) => [p.id, p.dialect])).toEqual([
      ['alpha', 'ocm-1.5'],
      ['legacy', 'nextcloud-1.1'],
    ]);
    expect(list.peers[0]!.users[0]).toMatch(/^carol@127\.0\.0\.1:\d+$/);
  });

  it("receives alpha's RFC 9421-signed share for alice and verifies it against alpha's JWKS", async () => {
    const out = await send('alpha', { kind: 'share', to: `alice@${consoleHost}` });
    expect(out.response?.status).toBe(201);
    const record = await latest();
    expect(record).toMatchObject({
      endpoint: 'shares',
      response: { status: 201 },
      verification: { status: 'verified', profile: 'rfc9421' },
    });
    expect(record.verification!.signatureBase).toContain(`"@target-uri": http://${consoleHost}/ocm/shares`);
  });

  it("receives legacy's draft-cavage share and verifies it with the legacy publicKey", async () => {
    const out = await send('legacy', { kind: 'share', to: `bob@${consoleHost}` });
    expect(out.response?.status).toBe(201);
    expect((await latest()).verification).toMatchObject({ status: 'verified', profile: 'cavage' });
  });

  it("receives legacy's historic (≤1.3) web app share, with its uri template, and the lab opens no origin for it", async () => {
    const out = await send('legacy', { kind: 'share', to: `bob@${consoleHost}`, protocol: 'webapp' });
    expect(out.response?.status).toBe(201);
    const record = await latest();
    const body = JSON.parse(record.body.encoding === 'utf8' ? record.body.data : '{}') as {
      protocol: { webapp: { uriTemplate: string; viewMode: string } };
    };
    expect(body.protocol.webapp).toMatchObject({ viewMode: 'read' });
    expect(body.protocol.webapp.uriTemplate).toMatch(/\/apps\/viewer\/[^?]+\?sharedSecret=\{sharedSecret\}$/);
    // The secret would travel in the URL: the lab's page is not opened to that app's origin.
    const csp = (await fetch(`${running.url}/webapp/${record.id}`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-src 'self';");
  });

  it('shows what the fault switch breaks: a wrong Content-Digest fails verification, is refused with 401, and says so', async () => {
    expect(
      (await api('/api/demo/alpha/faults', { method: 'PUT', body: JSON.stringify({ wrongDigest: true }) })).status,
    ).toBe(200);
    const out = await send('alpha', { kind: 'notification', to: consoleHost });
    await api('/api/demo/alpha/faults', { method: 'PUT', body: JSON.stringify({ wrongDigest: false }) });
    // The console answers as a strict draft-07 peer: the notification is refused, and still recorded.
    expect(out.response?.status).toBe(401);
    const record = await latest();
    expect(record.response).toMatchObject({ status: 401, policy: 'spec' });
    expect(record.verification?.status).toBe('failed');
    expect([record.verification?.summary, ...(record.verification?.details ?? [])].join(' ')).toMatch(/[Dd]igest/);
  });

  it('names an unknown demo peer', async () => {
    const res = await api('/api/demo/gamma/send', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
  });
});
