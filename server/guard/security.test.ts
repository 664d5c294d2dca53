import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.ts';
import { defaultServerConfig, type ServerConfig } from '../config.ts';

// A real HTTP server standing in for "a server of the attacker's choosing": any call it receives
// means the console was made to send something.
let hits = 0;
let target: Server;
let targetOrigin = '';
beforeAll(async () => {
  target = createServer((_req, res) => {
    hits++;
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"NOT_FOUND"}');
  });
  await new Promise<void>((done) => target.listen(0, '127.0.0.1', done));
  targetOrigin = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => target.close(() => done())));

const CONSOLE = 'http://127.0.0.1:8080';
const json = (body: unknown) => JSON.stringify(body);

function consoleApp(overrides: Partial<ServerConfig> = {}) {
  return createApp({ config: defaultServerConfig(overrides), startedAt: new Date(), persist: false });
}

/** Everything a cross-site request could have changed, read the way the console's own pages read it. */
async function snapshot(app: ReturnType<typeof consoleApp>, headers: Record<string, string> = {}) {
  const read = async (path: string) => (await app.request(`${CONSOLE}${path}`, { headers })).json();
  return {
    keys: await read('/api/keys'),
    shares: await read('/api/shares'),
    inbox: await read('/api/inbox'),
    info: await read('/api/inbox/info'),
    outboundCalls: hits,
  };
}

/** Each state-changing API route, with a body its own page would send. */
function stateChangingCalls(kid: string): Array<{ method: string; path: string; body?: string }> {
  return [
    { method: 'POST', path: '/api/keys', body: json({ use: 'rfc9421' }) },
    { method: 'POST', path: '/api/keys/rotate', body: json({ use: 'cavage' }) },
    {
      method: 'POST',
      path: `/api/keys/${encodeURIComponent(kid)}/export`,
      body: json({ confirm: 'export private key' }),
    },
    { method: 'DELETE', path: `/api/keys/${encodeURIComponent(kid)}` },
    {
      method: 'POST',
      path: '/api/keys/import',
      body: json({ use: 'rfc9421', key: '{"kty":"OKP","crv":"Ed25519","x":"","d":""}' }),
    },
    { method: 'DELETE', path: '/api/inbox' },
    { method: 'PUT', path: '/api/inbox/policy/shares', body: json({ mode: 'custom', status: 500 }) },
    { method: 'POST', path: '/api/relay', body: json({ method: 'GET', url: `${targetOrigin}/x`, headers: [] }) },
    { method: 'POST', path: '/api/check', body: json({ target: targetOrigin }) },
    { method: 'POST', path: '/api/shares', body: json({ to: `eve@${new URL(targetOrigin).host}` }) },
    { method: 'POST', path: '/api/demo/alpha/send', body: json({ kind: 'share', to: 'eve@evil.example' }) },
    { method: 'PUT', path: '/api/demo/alpha/faults', body: json({ serverError: true }) },
    { method: 'POST', path: '/api/demo/alpha/invites' },
  ];
}

const CROSS_SITE: Array<[string, Record<string, string>]> = [
  ['a foreign Origin', { origin: 'http://evil.example', 'content-type': 'application/json' }],
  ['another local origin (other port)', { origin: 'http://127.0.0.1:9999', 'content-type': 'application/json' }],
  ['Origin: null', { origin: 'null', 'content-type': 'application/json' }],
  ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }],
  ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }],
];

describe('no other web page can drive a local console', () => {
  const app = consoleApp();

  it.each(CROSS_SITE)('refuses every state-changing call with %s, and nothing changes', async (_name, headers) => {
    const before = await snapshot(app);
    const kid = (before.keys as { keys: Array<{ kid: string }> }).keys[0]!.kid;
    for (const call of stateChangingCalls(kid)) {
      const res = await app.request(`${CONSOLE}${call.path}`, { method: call.method, body: call.body, headers });
      expect(res.status, `${call.method} ${call.path}`).toBe(403);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('cross-origin');
      expect(body.message).toMatch(/Refused: .*other web pages cannot drive it/);
    }
    expect(await snapshot(app)).toEqual(before);
  });

  it('refuses bodies not declared as JSON (a text/plain or form body shaped like JSON) with 415', async () => {
    const before = await snapshot(app);
    const kid = (before.keys as { keys: Array<{ kid: string }> }).keys[0]!.kid;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      for (const call of stateChangingCalls(kid).filter((c) => c.body !== undefined)) {
        const res = await app.request(`${CONSOLE}${call.path}`, {
          method: call.method,
          body: call.body,
          headers: { 'content-type': type },
        });
        expect(res.status, `${call.method} ${call.path} as ${type}`).toBe(415);
      }
    }
    expect(await snapshot(app)).toEqual(before);
  });

  it('refuses a cross-site GET too, so a page cannot make the console fetch for it', async () => {
    const res = await app.request(`${CONSOLE}/api/discover?target=${encodeURIComponent(targetOrigin)}`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
    expect(hits).toBe(0);
  });

  it("accepts the console's own pages, and callers with no browser headers (curl, the CLI)", async () => {
    const own = await app.request(`${CONSOLE}/api/keys`, {
      method: 'POST',
      body: json({ use: 'rfc9421' }),
      headers: { origin: CONSOLE, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    });
    expect(own.status).toBe(201);
    const curl = await app.request(`${CONSOLE}/api/inbox/policy/shares`, {
      method: 'PUT',
      body: json({ mode: 'spec' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(curl.status).toBe(200);
  });

  it('accepts the public URL origin when the console sits behind a proxy', async () => {
    const proxied = consoleApp({ publicUrl: 'https://ocm.lab.example' });
    const res = await proxied.request(`http://ocm.lab.example/api/keys`, {
      method: 'POST',
      body: json({ use: 'rfc9421' }),
      headers: { origin: 'https://ocm.lab.example', 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
  });

  it('leaves the OCM endpoints open to peers, wherever they come from', async () => {
    const res = await app.request(`${CONSOLE}/ocm/notifications`, {
      method: 'POST',
      body: json({ notificationType: 'SHARE_ACCEPTED', resourceType: 'file', providerId: '7c084226' }),
      headers: { origin: 'https://peer.example', 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
  });
});

const TOKEN = 'lab-token-Hq7Zp2Wx9Lc4Tv8Rb3Nk';

describe('a public console is closed to everyone without its access token', () => {
  afterEach(() => vi.useRealTimers());
  const app = consoleApp({ public: true, accessToken: TOKEN, rateLimit: 3 });
  const API_ROUTES: Array<[string, string, string?]> = [
    ['GET', '/api/keys'],
    ['POST', '/api/keys', json({ use: 'rfc9421' })],
    ['GET', '/api/inbox'],
    ['GET', '/api/inbox/info'],
    ['GET', '/api/inbox/some-id'],
    ['DELETE', '/api/inbox'],
    ['PUT', '/api/inbox/policy/shares', json({ mode: 'spec' })],
    ['GET', '/api/events'],
    ['GET', '/api/shares'],
    ['POST', '/api/shares', json({ to: 'eve@evil.example' })],
    ['GET', '/api/demo'],
    ['GET', '/api/discover?target=cloud.example.org'],
    ['POST', '/api/relay', json({ method: 'GET', url: 'https://cloud.example.org/', headers: [] })],
    ['POST', '/api/check', json({ target: 'cloud.example.org' })],
    ['POST', '/api/keys/rotate', json({ use: 'rfc9421' })],
  ];
  const WITHOUT: Array<[string, Record<string, string>, string]> = [
    ['no credential', {}, ''],
    ['a wrong bearer token', { authorization: 'Bearer not-the-token-at-all' }, ''],
    ['Basic credentials holding the token', { authorization: `Basic ${btoa(`admin:${TOKEN}`)}` }, ''],
    ['a made-up session cookie', { cookie: 'ocmx_session=made-up-session-id' }, ''],
    ['the token in the query string', {}, `access_token=${TOKEN}`],
  ];

  it.each(WITHOUT)('answers every /api route with 401 given %s', async (_name, headers, query) => {
    const before = await snapshot(app, { authorization: `Bearer ${TOKEN}` });
    for (const [i, [method, path, body]] of API_ROUTES.entries()) {
      const url = `${CONSOLE}${path}${query ? `${path.includes('?') ? '&' : '?'}${query}` : ''}`;
      // Each from its own address: wrong tokens from one address are limited (see guess-limit.test.ts).
      const res = await app.request(
        url,
        { method, body, headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) } },
        { incoming: { socket: { remoteAddress: `198.51.100.${i}` } } },
      );
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await res.json()) as { message: string }).message).toMatch(/sign in .*\/sign-in/);
    }
    expect(await snapshot(app, { authorization: `Bearer ${TOKEN}` })).toEqual(before);
  });

  it('works with the bearer token, and still never exports a private key', async () => {
    const bearer = { authorization: `Bearer ${TOKEN}` };
    const list = await app.request(`${CONSOLE}/api/keys`, { headers: bearer });
    expect(list.status).toBe(200);
    const { kid } = ((await list.json()) as { keys: Array<{ kid: string }> }).keys[0]!;
    const exported = await app.request(`${CONSOLE}/api/keys/${encodeURIComponent(kid)}/export`, {
      method: 'POST',
      body: json({ confirm: 'export private key' }),
      headers: { ...bearer, 'content-type': 'application/json' },
    });
    expect(exported.status).toBe(403);
    expect(await exported.text()).not.toMatch(/PRIVATE KEY/);
  });

  it('keeps its status, discovery and OCM endpoints open to peers', async () => {
    expect((await app.request(`${CONSOLE}/api/health`)).status).toBe(200);
    expect((await app.request(`${CONSOLE}/.well-known/ocm`)).status).toBe(200);
    expect((await app.request(`${CONSOLE}/ocm-provider`)).status).toBe(200);
    expect((await app.request(`${CONSOLE}/ocm/jwks`)).status).toBe(200);
    const share = await app.request(`${CONSOLE}/ocm/notifications`, {
      method: 'POST',
      body: json({ notificationType: 'SHARE_ACCEPTED', resourceType: 'file', providerId: '7c084226' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(share.status).toBe(201);
  });

  it('signs a browser in with the token (HttpOnly, SameSite=Strict cookie) and out again', async () => {
    const signIn = (token: string) =>
      app.request(`${CONSOLE}/api/session`, {
        method: 'POST',
        body: json({ token }),
        headers: { origin: CONSOLE, 'content-type': 'application/json' },
      });
    expect(await (await app.request(`${CONSOLE}/api/session`)).json()).toEqual({ required: true, signedIn: false });

    const wrong = await signIn('a-wrong-token-of-some-length');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toMatch(/not this console's access token/);
    expect(wrong.headers.get('set-cookie')).toBeNull();

    const right = await signIn(TOKEN);
    expect(right.status).toBe(200);
    const setCookie = right.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^ocmx_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/); // plain http on loopback
    expect(setCookie).not.toContain(TOKEN);
    const cookie = setCookie.split(';')[0]!;

    expect(await (await app.request(`${CONSOLE}/api/session`, { headers: { cookie } })).json()).toEqual({
      required: true,
      signedIn: true,
    });
    expect((await app.request(`${CONSOLE}/api/keys`, { headers: { cookie } })).status).toBe(200);

    const out = await app.request(`${CONSOLE}/api/session`, { method: 'DELETE', headers: { cookie, origin: CONSOLE } });
    expect(out.status).toBe(200);
    expect((await app.request(`${CONSOLE}/api/keys`, { headers: { cookie } })).status).toBe(401);
  });

  it('marks the session cookie Secure when the console is reached over https', async () => {
    const behindTls = consoleApp({ public: true, accessToken: TOKEN, publicUrl: 'https://ocm.lab.example' });
    const res = await behindTls.request('http://ocm.lab.example/api/session', {
      method: 'POST',
      body: json({ token: TOKEN }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses to start without an access token', () => {
    expect(() => consoleApp({ public: true })).toThrow(/access token/);
  });

  it('limits outbound work per user and address: 429 with Retry-After, then recovers', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const limited = consoleApp({ public: true, accessToken: TOKEN, rateLimit: 3 });
    const discover = () =>
      limited.request(`${CONSOLE}/api/discover?target=127.0.0.1:1`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
    for (let i = 0; i < 3; i++) expect((await discover()).status).not.toBe(429);
    const refused = await discover();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(20);
    expect(((await refused.json()) as { message: string }).message).toMatch(/3 outbound requests a minute/);
    // Reads that do not go out are not limited.
    expect(
      (await limited.request(`${CONSOLE}/api/keys`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
    ).toBe(200);
    vi.setSystemTime(Date.now() + 20_000);
    expect((await discover()).status).not.toBe(429);
  });

  it('counts every request a check or an interop run sends, not only the call that starts it', async () => {
    // An OCM server on loopback (reachable here through --relay-allow) that counts what it is sent.
    let sent = 0;
    const peer = createServer((req, res) => {
      sent++;
      req.resume();
      const { port } = peer.address() as AddressInfo;
      const discovery = { enabled: true, apiVersion: '1.2.0', endPoint: `http://127.0.0.1:${port}/ocm` };
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(req.url === '/.well-known/ocm' ? JSON.stringify(discovery) : '{}');
    });
    await new Promise<void>((done) => peer.listen(0, '127.0.0.1', done));
    try {
      const origin = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
      const limited = consoleApp({ public: true, accessToken: TOKEN, rateLimit: 4, relayAllow: ['127.0.0.1'] });
      const call = (path: string) =>
        limited.request(`${CONSOLE}${path}`, {
          method: 'POST',
          body: json({ target: origin }),
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        });
      expect((await call('/api/check')).status).toBe(200);
      expect(sent).toBe(2);
      // The interop run is let in with the 3rd token and sends its 2nd request with the 4th; its 3rd is not sent.
      const run = await call('/api/interop');
      expect(run.status).toBe(200);
      expect(sent).toBe(4);
      expect(await run.text()).toContain('Not sent: this public console allows 4 outbound requests a minute');
      const refused = await call('/api/check');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(sent).toBe(4);
    } finally {
      peer.close();
    }
  });
});
