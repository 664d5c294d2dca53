import { describe, expect, it } from 'vitest';
import { lint } from '../../src/protocol/index.ts';
import { OCM_RFC9421_PROFILE, NEXTCLOUD_CAVAGE_PROFILE } from '../../src/protocol/signature-profile.ts';
import { headerPairs, signCavageWithProfile, signWithProfile, type HeaderPairs } from '../../src/signing/index.ts';
import { createApp } from '../app.ts';
import { defaultServerConfig } from '../config.ts';
import { KeyStore } from '../identity/key-store.ts';
import { createInbox } from '../inbox/index.ts';
import { verifyInbound, type FetchJson } from '../signer/verify-inbound.ts';

const config = defaultServerConfig({ port: 8080 });
const keys = KeyStore.open(undefined, { kidPrefix: '127.0.0.1:8080' });
const app = createApp({ config, startedAt: new Date(), keys, inbox: createInbox(config, { persist: false }) });
/** The console's published documents, fetched through the app itself. */
const fetchJson: FetchJson = async (url) => {
  const res = await app.request(url);
  return { ok: true, status: res.status, json: await res.json() };
};

describe("the console's own OCM identity", () => {
  it('publishes a discovery document that lints clean (no errors) as OCM 1.5', async () => {
    const res = await app.request('http://127.0.0.1:8080/.well-known/ocm');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      enabled: true,
      apiVersion: '1.5.0',
      endPoint: 'http://127.0.0.1:8080/ocm',
      jwksUri: 'http://127.0.0.1:8080/ocm/jwks',
      tokenEndPoint: 'http://127.0.0.1:8080/ocm/token',
      // It sends web-app shares of its own app, and presents the ones it receives.
      resourceTypes: [{ protocols: { webapp: {}, 'webapp-receive': { targets: ['iframe', 'blank'] } } }],
    });
    const result = lint('discovery', doc);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.findings.filter((f) => /webapp/.test(f.code))).toEqual([]);
    expect(result.detected.version).toBe('1.5');
    // The legacy path answers the same document.
    expect(await (await app.request('http://127.0.0.1:8080/ocm-provider')).json()).toEqual(doc);
  });

  it('uses --public-url for every URL it publishes', async () => {
    const exposed = createApp({
      config: defaultServerConfig({ publicUrl: 'https://ocm.lab.example/console' }),
      startedAt: new Date(),
      keys,
      inbox: createInbox(config, { persist: false }),
    });
    const doc = (await (
      await exposed.request('https://ocm.lab.example/.well-known/ocm', { headers: { host: 'ocm.lab.example' } })
    ).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      endPoint: 'https://ocm.lab.example/console/ocm',
      jwksUri: 'https://ocm.lab.example/console/ocm/jwks',
    });
  });

  it('signs with its active key so that a receiver verifies against its published discovery (RFC 9421)', async () => {
    const store = await keys;
    const body = JSON.stringify({ sender: 'alice@127.0.0.1:8080', shareWith: 'carol@peer.example' });
    const signed = await signWithProfile(
      { method: 'POST', url: 'https://peer.example/ocm/shares', headers: [['Content-Type', 'application/json']], body },
      OCM_RFC9421_PROFILE,
      { key: store.active('rfc9421').material },
    );
    if (!signed.ok) throw new Error(signed.error.message);
    const result = await verifyInbound(
      {
        method: 'POST',
        url: 'https://peer.example/ocm/shares',
        headers: headerPairs(signed.value.message.headers) as HeaderPairs,
        body: new TextEncoder().encode(body),
      },
      fetchJson,
      { doc: JSON.parse(body) },
    );
    expect(result).toMatchObject({ status: 'verified', keyid: store.active('rfc9421').kid });
  });

  it('signs draft-cavage with its RSA key so that a Nextcloud-style receiver verifies with the legacy publicKey', async () => {
    const store = await keys;
    const body = '{"notificationType":"SHARE_ACCEPTED"}';
    const keyId = 'http://127.0.0.1:8080/ocm#signature';
    const signed = await signCavageWithProfile(
      {
        method: 'POST',
        url: 'https://nc.example/ocm/notifications',
        headers: [['Content-Type', 'application/json']],
        body,
      },
      NEXTCLOUD_CAVAGE_PROFILE,
      { key: store.active('cavage').material, keyId },
    );
    if (!signed.ok) throw new Error(signed.error.message);
    const result = await verifyInbound(
      {
        method: 'POST',
        url: 'https://nc.example/ocm/notifications',
        headers: headerPairs(signed.value.message.headers) as HeaderPairs,
        body: new TextEncoder().encode(body),
      },
      fetchJson,
    );
    expect(result).toMatchObject({ status: 'verified', profile: 'cavage', keyid: keyId });
  });

  it('manages keys over /api/keys: list public parts, generate, rotate, refuse deleting the active key, export only when confirmed', async () => {
    const list = (await (await app.request('http://127.0.0.1:8080/api/keys')).json()) as {
      keys: { kid: string; use: string; publicJwk: Record<string, unknown> }[];
    };
    expect(list.keys.map((k) => k.use)).toEqual(['rfc9421', 'cavage']);
    expect(JSON.stringify(list)).not.toMatch(/"d":/);

    const post = (path: string, body: unknown) =>
      app.request(`http://127.0.0.1:8080${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    const made = await post('/api/keys', { use: 'rfc9421', kind: 'ecdsa-p256-sha256' });
    expect(made.status).toBe(201);
    expect(await made.json()).toMatchObject({ kty: 'EC', crv: 'P-256', active: false });
    expect((await post('/api/keys', { use: 'rfc9421', kind: 'hmac-sha256' })).status).toBe(400);

    const active = list.keys[0]!.kid;
    const del = await app.request(`http://127.0.0.1:8080/api/keys/${encodeURIComponent(active)}`, { method: 'DELETE' });
    expect(del.status).toBe(400);
    expect(((await del.json()) as { message: string }).message).toMatch(/rotate first/);

    const refused = await post(`/api/keys/${encodeURIComponent(active)}/export`, {});
    expect(refused.status).toBe(400);
    const exported = await post(`/api/keys/${encodeURIComponent(active)}/export`, { confirm: 'export private key' });
    expect(((await exported.json()) as { privateKeyPem: string }).privateKeyPem).toMatch(/BEGIN PRIVATE KEY/);
    expect(exported.headers.get('cache-control')).toBe('no-store');

    const rotated = await post('/api/keys/rotate', { use: 'rfc9421' });
    expect(rotated.status).toBe(201);
    const jwks = (await (await app.request('http://127.0.0.1:8080/ocm/jwks')).json()) as { keys: { kid: string }[] };
    expect(jwks.keys[0]!.kid).toBe(((await rotated.json()) as { kid: string }).kid);
  });
});
