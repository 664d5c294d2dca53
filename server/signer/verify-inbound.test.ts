import { describe, expect, it } from 'vitest';
import { NEXTCLOUD_CAVAGE_PROFILE, OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import {
  exportPublicJwk,
  exportSpkiPem,
  generateKey,
  signCavageWithProfile,
  signWithProfile,
  headerPairs,
  type HeaderPairs,
} from '../../src/signing/index.ts';
import { cachedFetchJson, verifyInbound, type FetchJson } from './verify-inbound.ts';

/** A sender's published documents, served by URL: the network as the verifier sees it. */
function published(docs: Record<string, unknown>): { fetchJson: FetchJson; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    fetchJson: async (url) => {
      asked.push(url);
      return url in docs ? { ok: true, status: 200, json: docs[url] } : { ok: false, error: 'connection refused' };
    },
  };
}

const body = JSON.stringify({ shareWith: 'alice@127.0.0.1:8080', name: 'a.txt' });
const target = 'http://127.0.0.1:8080/ocm/shares';

async function signedShare() {
  const key = await generateKey('ed25519', { kid: 'sender.example.org#key1' });
  const signed = await signWithProfile(
    { method: 'POST', url: target, headers: [['Content-Type', 'application/json']], body },
    OCM_RFC9421_PROFILE,
    { key },
  );
  if (!signed.ok) throw new Error(signed.error.message);
  const net = published({
    'https://sender.example.org/.well-known/ocm': {
      enabled: true,
      apiVersion: '1.5.0',
      endPoint: 'https://sender.example.org/ocm',
      jwksUri: 'https://sender.example.org/ocm/jwks',
    },
    'https://sender.example.org/ocm/jwks': { keys: [exportPublicJwk(key)] },
  });
  return { headers: headerPairs(signed.value.message.headers) as HeaderPairs, net };
}

describe('verifying what a peer sent', () => {
  it("verifies an RFC 9421 OCM signature with the key from the sender's discovery jwksUri", async () => {
    const { headers, net } = await signedShare();
    const result = await verifyInbound(
      { method: 'POST', url: target, headers, body: new TextEncoder().encode(body) },
      net.fetchJson,
    );
    expect(result).toMatchObject({ status: 'verified', profile: 'rfc9421', keyid: 'sender.example.org#key1' });
    expect(result.signatureBase).toContain('"@target-uri": http://127.0.0.1:8080/ocm/shares');
    expect(net.asked).toEqual(['https://sender.example.org/.well-known/ocm', 'https://sender.example.org/ocm/jwks']);
  });

  it('refuses a signature older than the window, which --signature-max-age widens', async () => {
    const { headers, net } = await signedShare();
    const received = { method: 'POST', url: target, headers, body: new TextEncoder().encode(body) };
    const later = Math.floor(Date.now() / 1000) + 400;
    const stale = await verifyInbound(received, net.fetchJson, { now: later });
    expect(stale.status).toBe('failed');
    expect([stale.summary, ...(stale.details ?? [])].join(' ')).toMatch(
      /before the verification time; the window is 300 s/,
    );
    const wider = await verifyInbound(received, net.fetchJson, { now: later, maxAgeSeconds: 600 });
    expect(wider.status).toBe('verified');
  });

  it('fails a tampered body and says the digest does not match', async () => {
    const { headers, net } = await signedShare();
    const result = await verifyInbound(
      { method: 'POST', url: target, headers, body: new TextEncoder().encode(body.replace('a.txt', 'b.txt')) },
      net.fetchJson,
    );
    expect(result.status).toBe('failed');
    expect([result.summary, ...(result.details ?? [])].join(' ')).toMatch(/[Dd]igest/);
  });

  it('fails when the URL the sender signed is not the one received (a proxy or subfolder)', async () => {
    const { headers, net } = await signedShare();
    const result = await verifyInbound(
      { method: 'POST', url: 'https://console.example.org/ocm/shares', headers, body: new TextEncoder().encode(body) },
      net.fetchJson,
    );
    expect(result.status).toBe('failed');
  });

  it("names the problem when the sender's discovery cannot be found", async () => {
    const { headers } = await signedShare();
    const result = await verifyInbound(
      { method: 'POST', url: target, headers, body: new TextEncoder().encode(body) },
      published({}).fetchJson,
    );
    expect(result).toMatchObject({
      status: 'failed',
      summary: "No discovery document found for the keyid's host sender.example.org.",
    });
    expect(result.details).toContain('https://sender.example.org/.well-known/ocm: connection refused');
  });

  it('finds the signer from the body first (sender, client_id…), as the spec says, whatever the keyid looks like', async () => {
    const key = await generateKey('ed25519', { kid: 'opaque-key-1' });
    const doc = { sender: 'bob@peer.example.net', shareWith: 'alice@127.0.0.1:8080' };
    const text = JSON.stringify(doc);
    const signed = await signWithProfile(
      { method: 'POST', url: target, headers: [['Content-Type', 'application/json']], body: text },
      OCM_RFC9421_PROFILE,
      { key },
    );
    if (!signed.ok) throw new Error(signed.error.message);
    const net = published({
      'https://peer.example.net/.well-known/ocm': { jwksUri: 'https://keys.peer.example.net/jwks' },
      'https://keys.peer.example.net/jwks': { keys: [exportPublicJwk(key)] },
    });
    const result = await verifyInbound(
      {
        method: 'POST',
        url: target,
        headers: headerPairs(signed.value.message.headers) as HeaderPairs,
        body: new TextEncoder().encode(text),
      },
      net.fetchJson,
      { doc },
    );
    expect(result.status).toBe('verified');
    expect(net.asked[0]).toBe('https://peer.example.net/.well-known/ocm');
  });

  it('verifies a Nextcloud-style draft-cavage signature with the legacy publicKey', async () => {
    const key = await generateKey('rsa-v1_5-sha256');
    const pem = await exportSpkiPem(key);
    if (!pem.ok) throw new Error(pem.error.message);
    const keyId = 'http://127.0.0.1:9201/ocm#signature';
    const signed = await signCavageWithProfile(
      { method: 'POST', url: target, headers: [['Content-Type', 'application/json']], body },
      NEXTCLOUD_CAVAGE_PROFILE,
      { key, keyId },
    );
    if (!signed.ok) throw new Error(signed.error.message);
    const net = published({
      'http://127.0.0.1:9201/.well-known/ocm': {
        enabled: true,
        apiVersion: '1.1.0',
        publicKey: { keyId, publicKeyPem: pem.value },
      },
    });
    const result = await verifyInbound(
      {
        method: 'POST',
        url: target,
        headers: headerPairs(signed.value.message.headers) as HeaderPairs,
        body: new TextEncoder().encode(body),
      },
      net.fetchJson,
    );
    expect(result).toMatchObject({ status: 'verified', profile: 'cavage', keyid: keyId });
    expect(result.signatureBase).toContain('(request-target): post /ocm/shares');
  });

  it('calls an unsigned request unsigned, and a bare Signature header unverifiable', async () => {
    const none = await verifyInbound(
      { method: 'POST', url: target, headers: [], body: new Uint8Array() },
      published({}).fetchJson,
    );
    expect(none.status).toBe('unsigned');
    const bare = await verifyInbound(
      { method: 'POST', url: target, headers: [['Signature', 'abc']], body: new Uint8Array() },
      published({}).fetchJson,
    );
    expect(bare.status).toBe('failed');
  });
});

describe('key fetching cache', () => {
  it('fetches a document once within its lifetime, and never keeps a failure', async () => {
    let calls = 0;
    const cached = cachedFetchJson(async (url) => {
      calls++;
      return url.endsWith('/down') ? { ok: false, error: 'refused' } : { ok: true, status: 200, json: { n: calls } };
    }, 60_000);
    await Promise.all([cached('https://a/jwks'), cached('https://a/jwks')]);
    expect(await cached('https://a/jwks')).toEqual({ ok: true, status: 200, json: { n: 1 } });
    await cached('https://a/down');
    await cached('https://a/down');
    expect(calls).toBe(3);
  });

  it('leaves a rejected fetch to its caller alone: nothing unhandled, nothing kept', async () => {
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      let calls = 0;
      const cached = cachedFetchJson(() => Promise.reject(new Error(`lost ${++calls}`)), 60_000);
      await expect(cached('https://a/jwks')).rejects.toThrow('lost 1');
      await expect(cached('https://a/jwks')).rejects.toThrow('lost 2');
      // Node reports an unhandled rejection once the microtasks have run: a macrotask later is enough.
      await new Promise((done) => setImmediate(done));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
    }
  });
});
