import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  discoverResultSchema,
  relayPreviewResultSchema,
  relayResultSchema,
  type RelayRequest,
} from '../../src/contract/exchange.ts';
import { inboundListSchema } from '../../src/contract/inbound.ts';
import { createApp } from '../app.ts';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// The console and its demo mesh on real ports: what the relay signs is verified by real peers.
const dir = mkdtempSync(join(tmpdir(), 'ocm-relay-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data') }),
);
afterAll(() => running.close());
const consoleHost = new URL(running.url).host;
const [alpha, legacy] = running.demo!.peers.map((p) => p.state.origin) as [string, string];

async function relay(request: RelayRequest, target = request.url) {
  const res = await fetch(`${running.url}/api/relay`, {
    method: 'POST',
    body: JSON.stringify(request),
    headers: { 'content-type': 'application/json', 'x-relay-target': target },
  });
  return { status: res.status, result: relayResultSchema.parse(await res.json()) };
}
const json = (value: unknown) => ({ encoding: 'utf8' as const, data: JSON.stringify(value) });

describe('the relay', () => {
  it.each(['wrong-digest', 'stale-created', 'unknown-keyid', 'unpublished-key', 'no-tag'] as const)(
    'signs with the deliberate fault %s, which alpha refuses, and names it on the exchange',
    async (fault) => {
      const request: RelayRequest = {
        method: 'POST',
        url: `${alpha}/ocm/notifications`,
        headers: [['Content-Type', 'application/json']],
        body: json({
          notificationType: 'SHARE_ACCEPTED',
          senderDomain: consoleHost,
          resourceType: 'file',
          shareType: 'user',
          notification: { file: { providerId: 'p1' } },
        }),
        sign: 'ocm',
        fault,
      };
      const { result } = await relay(request);
      if (!('exchange' in result)) throw new Error(result.failure.message);
      expect(result.exchange.signing?.fault).toBe(fault);
      expect(result.exchange.response.status, result.exchange.response.body.data).toBe(401);
      // Without the fault, the same request is accepted.
      const { result: clean } = await relay({ ...request, fault: undefined });
      if (!('exchange' in clean)) throw new Error(clean.failure.message);
      expect(clean.exchange.response.status).toBeLessThan(300);
    },
  );

  it('previews a request on a dry run: final headers and signature, nothing sent', async () => {
    const alphaState = running.demo!.peers[0]!.state;
    const before = alphaState.received.length;
    const request: RelayRequest = {
      method: 'POST',
      url: `${alpha}/ocm/notifications`,
      headers: [['Content-Type', 'application/json']],
      body: json({ notificationType: 'SHARE_ACCEPTED', resourceType: 'file', providerId: 'p1' }),
      sign: 'ocm',
      dryRun: true,
    };
    const res = await fetch(`${running.url}/api/relay`, {
      method: 'POST',
      body: JSON.stringify(request),
      headers: { 'content-type': 'application/json', 'x-relay-target': request.url },
    });
    const result = relayPreviewResultSchema.parse(await res.json());
    if (!('preview' in result)) throw new Error(result.failure.message);
    const names = result.preview.request.headers.map(([n]) => n.toLowerCase());
    expect(names).toEqual(
      expect.arrayContaining([
        'host',
        'content-type',
        'content-length',
        'content-digest',
        'signature-input',
        'signature',
      ]),
    );
    expect(result.preview.signing?.signatureBase).toMatch(/"@signature-params": /);
    expect(result.preview.request.body?.data).toContain('SHARE_ACCEPTED');
    await new Promise((r) => setTimeout(r, 100));
    expect(alphaState.received.length).toBe(before);
  });

  it('fetches a document and returns the whole exchange with timing', async () => {
    const { status, result } = await relay({
      method: 'GET',
      url: `${alpha}/.well-known/ocm`,
      headers: [['Accept', 'application/json']],
    });
    expect(status).toBe(200);
    if (!('exchange' in result)) throw new Error(result.failure.message);
    const { exchange } = result;
    expect(exchange.request.headers[0]).toEqual(['Host', new URL(alpha).host]);
    expect(exchange.response.status).toBe(200);
    expect(JSON.parse(exchange.response.body.data)).toMatchObject({ apiVersion: '1.5.0' });
    expect(exchange.timing.total).toBeGreaterThan(0);
    expect(exchange.signing).toBeNull();
  });

  it('signs with the OCM profile after the headers are final; alpha verifies it against the console discovery', async () => {
    const body = {
      notificationType: 'SHARE_ACCEPTED',
      senderDomain: consoleHost,
      resourceType: 'file',
      shareType: 'user',
      notification: { file: { providerId: 'p1' } },
    };
    const { result } = await relay({
      method: 'POST',
      url: `${alpha}/ocm/notifications`,
      headers: [['Content-Type', 'application/json']],
      body: json(body),
      sign: 'ocm',
    });
    if (!('exchange' in result)) throw new Error(result.failure.message);
    const { exchange } = result;
    expect(exchange.response.status).toBe(201);
    const names = exchange.request.headers.map(([n]) => n.toLowerCase());
    expect(names).toEqual(['host', 'content-type', 'content-length', 'content-digest', 'signature-input', 'signature']);
    expect(exchange.signing).toMatchObject({ profile: 'rfc9421', alg: 'ed25519' });
    expect(exchange.signing!.signatureBase).toContain(`"@target-uri": ${alpha}/ocm/notifications`);
    const peer = running.demo!.peers[0]!.state;
    expect(peer.received[0]).toMatchObject({ path: '/ocm/notifications', verified: 'verified' });
  });

  it('signs draft-cavage the Nextcloud way; the legacy peer verifies it with the console publicKey', async () => {
    const { result } = await relay({
      method: 'POST',
      url: `${legacy}/ocm/notifications`,
      headers: [['Content-Type', 'application/json']],
      body: json({ notificationType: 'SHARE_ACCEPTED', providerId: 'p1' }),
      sign: 'cavage',
    });
    if (!('exchange' in result)) throw new Error(result.failure.message);
    expect(result.exchange.response.status).toBe(201);
    expect(result.exchange.signing).toMatchObject({ profile: 'cavage', keyid: `${running.url}/ocm#signature` });
    expect(running.demo!.peers[1]!.state.received[0]).toMatchObject({ verified: 'verified' });
  });

  it("signs draft-cavage in the OCM-stub's variant when asked: the bare host as keyId, values without names", async () => {
    const { result } = await relay({
      method: 'POST',
      url: `${legacy}/ocm/notifications`,
      headers: [['Content-Type', 'application/json']],
      body: json({ notificationType: 'SHARE_ACCEPTED', providerId: 'p1' }),
      sign: 'cavage',
      cavageVariant: 'ocm-stub',
    });
    if (!('exchange' in result)) throw new Error(result.failure.message);
    expect(result.exchange.signing).toMatchObject({
      profile: 'cavage',
      keyid: new URL(running.url).host,
      variant: 'OCM-stub draft-cavage variant',
    });
    expect(result.exchange.signing!.signatureBase.split('\n')[0]).toBe('post /ocm/notifications');
  });

  it('replays a code-to-token exchange for a share alpha sent to alice, and the token opens the file', async () => {
    const sent = await fetch(`${running.url}/api/demo/alpha/send`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'share', to: `alice@${consoleHost}` }),
      headers: { 'content-type': 'application/json' },
    });
    expect(sent.status).toBe(200);
    const inbox = inboundListSchema.parse(await (await fetch(`${running.url}/api/inbox?limit=1`)).json());
    const share = JSON.parse(inbox.records[0]!.body.data) as {
      protocol: { webdav: { uri: string; sharedSecret: string } };
    };
    const discovery = (await (await fetch(`${alpha}/.well-known/ocm`)).json()) as { tokenEndPoint: string };

    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: consoleHost,
      code: share.protocol.webdav.sharedSecret,
    }).toString();
    const token = await relay({
      method: 'POST',
      url: discovery.tokenEndPoint,
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: { encoding: 'utf8', data: form },
      sign: 'ocm',
    });
    if (!('exchange' in token.result)) throw new Error(token.result.failure.message);
    expect(token.result.exchange.response.status).toBe(200);
    const { access_token } = JSON.parse(token.result.exchange.response.body.data) as { access_token: string };

    const read = await relay({
      method: 'GET',
      url: share.protocol.webdav.uri,
      headers: [['Authorization', `Bearer ${access_token}`]],
    });
    if (!('exchange' in read.result)) throw new Error(read.result.failure.message);
    expect(read.result.exchange.response.status).toBe(200);
    expect(read.result.exchange.response.body.data).toMatch(/^Hello from Alpha Cloud/);
  });

  it('never forwards cookies, Origin or Referer, and says so', async () => {
    const { result } = await relay({
      method: 'GET',
      url: `${alpha}/.well-known/ocm`,
      headers: [
        ['Cookie', 'session=secret'],
        ['Origin', 'http://evil.example'],
        ['Referer', 'http://evil.example/'],
      ],
    });
    if (!('exchange' in result)) throw new Error(result.failure.message);
    expect(result.exchange.request.headers.map(([n]) => n.toLowerCase())).toEqual(['host']);
    expect(result.exchange.notes).toEqual(
      expect.arrayContaining(['Cookie was not sent: the relay never forwards it.']),
    );
  });

  it('needs the target in the x-relay-target header too, and answers no CORS headers', async () => {
    const { status, result } = await relay({ method: 'GET', url: `${alpha}/.well-known/ocm` }, 'http://other.example/');
    expect(status).toBe(400);
    expect('failure' in result && result.failure).toMatchObject({ kind: 'bad-request', field: 'x-relay-target' });
    const preflight = await fetch(`${running.url}/api/relay`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-relay-target',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a transport failure as a RelayFailure with its kind', async () => {
    const { status, result } = await relay({ method: 'GET', url: 'http://127.0.0.1:9/' });
    expect(status).toBe(502);
    expect('failure' in result && result.failure.kind).toBe('refused');
    const bad = await relay({ method: 'get' as 'GET', url: `${alpha}/` });
    expect(bad.status).toBe(400);
  });

  it('in public mode, refuses loopback targets with 403', async () => {
    const token = 'relay-Gk6Pw3Xz8Qm1Rt5Vn9Dc';
    const app = createApp({
      config: defaultServerConfig({ public: true, accessToken: token }),
      startedAt: new Date(),
      persist: false,
    });
    const res = await app.request('http://127.0.0.1:8080/api/relay', {
      method: 'POST',
      body: JSON.stringify({ method: 'GET', url: `${alpha}/` }),
      headers: {
        'content-type': 'application/json',
        'x-relay-target': `${alpha}/`,
        authorization: `Bearer ${token}`,
      },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { failure: { kind: string } }).failure.kind).toBe('blocked');
  });
});

describe('discover', () => {
  const discover = async (query: string) => {
    const res = await fetch(`${running.url}/api/discover?${query}`);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it('reads alpha from an OCM address, from the well-known endpoint, as OCM 1.5', async () => {
    const { status, body } = await discover(`target=${encodeURIComponent(`carol@${new URL(alpha).host}`)}`);
    expect(status).toBe(200);
    const result = discoverResultSchema.parse(body);
    expect(result).toMatchObject({ base: alpha, answeredBy: 'well-known', legacy: null, detected: { version: '1.5' } });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads the legacy peer and names what is old about it', async () => {
    const result = discoverResultSchema.parse((await discover(`target=${encodeURIComponent(legacy)}`)).body);
    expect(result.answeredBy).toBe('well-known');
    expect(result.detected?.dialect).toMatch(/nextcloud/i);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('explains an unreachable server: each scheme of a bare host tried once, the legacy path not asked', async () => {
    const result = discoverResultSchema.parse((await discover('target=127.0.0.1:9')).body);
    expect(result.answeredBy).toBeNull();
    expect(result.unreachable).toEqual([
      expect.objectContaining({ base: 'http://127.0.0.1:9', failure: expect.objectContaining({ kind: 'refused' }) }),
    ]);
    expect(result.base).toBe('https://127.0.0.1:9');
    expect(result.wellKnown.failure?.kind).toBe('refused');
    expect(result.legacy).toBeNull();
    expect(result.problem).toBe('http://127.0.0.1:9: connection refused. https://127.0.0.1:9: connection refused.');
  });

  it('refuses an empty target', async () => {
    expect((await discover('target=')).status).toBe(400);
  });
});
