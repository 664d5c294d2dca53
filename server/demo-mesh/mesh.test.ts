import { webcrypto } from 'node:crypto';
import { createSignature } from 'http-message-sig';
import { afterAll, describe, expect, it } from 'vitest';
import { checkProbeBodies } from '../../src/protocol/check/plan.ts';
import { OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import { headerPairs, signWithProfile } from '../../src/signing/index.ts';
import { startDemoMesh } from './index.ts';
import { DEMO_CONTROL_HEADER } from './peer-app.ts';
import type { SendOutcome } from './send.ts';

// Both demo peers for real, on loopback ports, talking to each other over HTTP.
const mesh = await startDemoMesh();
afterAll(() => mesh.close());
const [alpha, legacy] = mesh.peers.map((p) => p.state) as [
  NonNullable<(typeof mesh.peers)[number]>['state'],
  NonNullable<(typeof mesh.peers)[number]>['state'],
];
const hostOf = (origin: string) => new URL(origin).host;
const control = { 'content-type': 'application/json', [DEMO_CONTROL_HEADER]: mesh.controlSecret };

async function send(origin: string, command: Record<string, unknown>): Promise<SendOutcome> {
  const res = await fetch(`${origin}/demo/send`, {
    method: 'POST',
    body: JSON.stringify(command),
    headers: control,
  });
  return (await res.json()) as SendOutcome;
}
const setFaults = (origin: string, faults: Record<string, unknown>) =>
  fetch(`${origin}/demo/faults`, {
    method: 'PUT',
    body: JSON.stringify(faults),
    headers: control,
  });

describe('the embedded demo mesh', () => {
  it('publishes discovery in each dialect', async () => {
    type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const a = (await (await fetch(`${alpha.origin}/.well-known/ocm`)).json()) as Json;
    expect(a).toMatchObject({
      apiVersion: '1.5.0',
      endPoint: `${alpha.origin}/ocm`,
      jwksUri: `${alpha.origin}/ocm/jwks`,
      criteria: ['must-exchange-token', 'must-use-http-sig'],
    });
    const jwks = (await (await fetch(a.jwksUri)).json()) as Json;
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: `${hostOf(alpha.origin)}#ed25519` });
    expect(jwks.keys[0].d).toBeUndefined();

    const l = (await (await fetch(`${legacy.origin}/ocm-provider`)).json()) as Json;
    expect(l).toMatchObject({
      apiVersion: '1.0-proposal1',
      version: '1.1.0',
      publicKey: { keyId: `${legacy.origin}/ocm#signature` },
    });
    expect(l.publicKey.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(l.jwksUri).toBeUndefined();
  });

  it('alpha sends an RFC 9421-signed share that legacy verifies and accepts', async () => {
    const out = await send(alpha.origin, { kind: 'share', to: `erin@${hostOf(legacy.origin)}` });
    expect(out.response?.status).toBe(201);
    expect(out.request?.headers.map(([n]) => n.toLowerCase())).toEqual(
      expect.arrayContaining(['content-digest', 'content-length', 'signature-input', 'signature']),
    );
    expect(out.signatureBase).toContain(
      '"@signature-params": ("@method" "@target-uri" "content-digest" "content-length")',
    );
    expect(legacy.received[0]).toMatchObject({
      path: '/ocm/shares',
      verified: 'verified',
      status: 201,
      checkProbe: false,
    });
    // The log shows that a secret was sent, never the secret itself.
    const sent = JSON.parse(out.request!.body) as { protocol: { webdav: { sharedSecret: string } } };
    expect(legacy.received[0]!.body).toContain('"sharedSecret":"…redacted…"');
    expect(legacy.received[0]!.body).not.toContain(sent.protocol.webdav.sharedSecret);
  });

  it("keeps the Check's probes in what a peer received, marked as such (the token probe's code still redacted)", async () => {
    const probes = checkProbeBodies(alpha.origin, { host: '127.0.0.1:1' });
    const post = (path: string, body: string, type: string) =>
      fetch(`${alpha.origin}${path}`, { method: 'POST', body, headers: { 'content-type': type } });
    expect((await post('/ocm/shares', probes.share, 'application/json')).status).toBe(401);
    expect(alpha.received[0]).toMatchObject({ path: '/ocm/shares', status: 401, checkProbe: true });
    expect((await post('/ocm/token', probes.tokenForm, 'application/x-www-form-urlencoded')).status).toBe(401);
    expect(alpha.received[0]).toMatchObject({ path: '/ocm/token', checkProbe: true });
    expect(alpha.received[0]!.body).toContain('code=…');
    expect(alpha.received[0]!.body).not.toContain('never-issued');
  });

  it('legacy sends a draft-cavage share; alpha verifies it but refuses it for lacking must-exchange-token', async () => {
    const out = await send(legacy.origin, { kind: 'share', to: `carol@${hostOf(alpha.origin)}` });
    expect(out.response?.status).toBe(400);
    expect(JSON.parse(out.response!.body)).toEqual({
      message: 'INVALID_PARAMETERS',
      validationErrors: [{ name: 'protocol', message: 'MUST_EXCHANGE_TOKEN' }],
    });
    expect(out.request?.headers.find(([n]) => n === 'Signature')?.[1]).toMatch(
      /^keyId="http:\/\/127\.0\.0\.1:\d+\/ocm#signature",algorithm="rsa-sha256",headers="\(request-target\) content-length date digest host"/,
    );
    expect(alpha.received[0]).toMatchObject({ verified: 'verified', status: 400 });
  });

  it('legacy notifies alpha; alpha refuses an unsigned call (must-use-http-sig)', async () => {
    const out = await send(legacy.origin, {
      kind: 'notification',
      to: hostOf(alpha.origin),
      notificationType: 'SHARE_ACCEPTED',
    });
    expect(out.response?.status).toBe(201);
    const unsigned = await fetch(`${alpha.origin}/ocm/notifications`, {
      method: 'POST',
      body: '{"notificationType":"SHARE_ACCEPTED"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({ message: 'SIGNATURE_REQUIRED' });
  });

  it('a notification signed without tag="ocm" is unsigned for OCM: alpha (must-use-http-sig) refuses it, legacy takes it', async () => {
    // Signed by http-message-sig with alpha's own Ed25519 key, as a proxy or an OCM-unaware signer would.
    const { d, x } = alpha.key.jwk as { d: string; x: string };
    const privateKey = await webcrypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', d, x }, 'Ed25519', false, [
      'sign',
    ]);
    const body = '{"notificationType":"SHARE_ACCEPTED","resourceType":"file"}';
    const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', Buffer.from(body))).toString('base64');
    const post = async (origin: string) => {
      const url = `${origin}/ocm/notifications`;
      const fields: Array<[string, string]> = [
        ['content-type', 'application/json'],
        ['content-digest', `sha-256=:${digest}:`],
        ['content-length', String(Buffer.byteLength(body))],
      ];
      const signature = await createSignature(
        { kind: 'request', method: 'POST', targetUri: url, fields: fields.map(([name, value]) => ({ name, value })) },
        {
          components: ['@method', '@target-uri', 'content-digest', 'content-length'],
          parameters: { created: Math.floor(Date.now() / 1000), keyid: `${hostOf(alpha.origin)}#ed25519` },
          signer: {
            algorithm: 'ed25519',
            sign: async (data) => new Uint8Array(await webcrypto.subtle.sign('Ed25519', privateKey, data)),
          },
        },
      );
      return fetch(url, {
        method: 'POST',
        body,
        headers: [
          ...fields.filter(([n]) => n !== 'content-length'),
          ['signature-input', signature.signatureInput],
          ['signature', signature.signature],
        ],
      });
    };
    const toAlpha = await post(alpha.origin);
    expect(toAlpha.status).toBe(401);
    expect(await toAlpha.json()).toEqual({ message: 'SIGNATURE_REQUIRED' });
    expect(alpha.received[0]).toMatchObject({
      verified: 'unsigned',
      summary: expect.stringContaining('Unsigned for OCM'),
    });
    const toLegacy = await post(legacy.origin);
    expect(toLegacy.status).toBe(201);
    expect(legacy.received[0]).toMatchObject({ verified: 'unsigned', status: 201 });
  });

  it('exchanges a share code for a token at alpha and reads the file over WebDAV with it', async () => {
    // alpha shares with its own user dave, so a request signed with alpha's key acts as the receiving server.
    const out = await send(alpha.origin, { kind: 'share', to: `dave@${hostOf(alpha.origin)}`, name: 'notes.txt' });
    expect(out.response?.status).toBe(201);
    const shareBody = JSON.parse(out.request!.body);
    const { uri, sharedSecret } = shareBody.protocol.webdav;
    expect(shareBody.protocol.webdav.requirements).toEqual(['must-exchange-token']);

    // The secret alone does not open a must-exchange-token share.
    expect((await fetch(uri, { headers: { authorization: `Bearer ${sharedSecret}` } })).status).toBe(401);

    const form = `grant_type=authorization_code&client_id=${hostOf(alpha.origin)}&code=${sharedSecret}`;
    const signed = await signWithProfile(
      {
        method: 'POST',
        url: `${alpha.origin}/ocm/token`,
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body: form,
      },
      OCM_RFC9421_PROFILE,
      { key: alpha.key },
    );
    if (!signed.ok) throw new Error(signed.error.message);
    const tokenRes = await fetch(`${alpha.origin}/ocm/token`, {
      method: 'POST',
      body: form,
      headers: headerPairs(signed.value.message.headers).filter(([n]) => n.toLowerCase() !== 'content-length'),
    });
    expect(tokenRes.status).toBe(200);
    const token = (await tokenRes.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 300 });

    const propfind = await fetch(uri, {
      method: 'PROPFIND',
      headers: { authorization: `Bearer ${token.access_token}`, depth: '0' },
    });
    expect(propfind.status).toBe(207);
    expect(await propfind.text()).toContain('<d:displayname>notes.txt</d:displayname>');
    const get = await fetch(uri, { headers: { authorization: `Bearer ${token.access_token}` } });
    expect(await get.text()).toMatch(/^Hello from Alpha Cloud/);

    // An unsigned token request is refused (alpha requires signatures), with an OAuth-shaped error.
    const unsigned = await fetch(`${alpha.origin}/ocm/token`, {
      method: 'POST',
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: 'invalid_client' });
  });

  it("legacy's shared-secret WebDAV opens with Basic auth, as Nextcloud's public.php/webdav does", async () => {
    const out = await send(legacy.origin, { kind: 'share', to: `carol@${hostOf(alpha.origin)}` });
    const secret = JSON.parse(out.request!.body).protocol.options.sharedSecret as string;
    const res = await fetch(`${legacy.origin}/public.php/webdav/`, {
      headers: { authorization: `Basic ${Buffer.from(`${secret}:`).toString('base64')}` },
    });
    expect(res.status).toBe(200);
    expect((await fetch(`${legacy.origin}/public.php/webdav/`)).status).toBe(401);
  });

  it('the fault switch makes signatures fail in ways the receiver names', async () => {
    await setFaults(alpha.origin, { wrongDigest: true });
    const digest = await send(alpha.origin, { kind: 'notification', to: hostOf(legacy.origin) });
    expect(digest.response?.status).toBe(401);
    expect(legacy.received[0]!.summary).toMatch(/[Dd]igest/);

    await setFaults(alpha.origin, { wrongDigest: false, staleCreated: true });
    const stale = await send(alpha.origin, { kind: 'notification', to: hostOf(legacy.origin) });
    expect(stale.response?.status).toBe(401);
    expect(legacy.received[0]!.summary).toMatch(/created|old/i);

    await setFaults(alpha.origin, { staleCreated: false, unknownKeyid: true });
    const unknown = await send(alpha.origin, { kind: 'notification', to: hostOf(legacy.origin) });
    expect(unknown.response?.status).toBe(401);
    expect(legacy.received[0]!.summary).toMatch(/no-such-key|keyid/i);

    await setFaults(alpha.origin, { unknownKeyid: false });
    await setFaults(legacy.origin, { serverError: true });
    const broken = await send(alpha.origin, { kind: 'notification', to: hostOf(legacy.origin) });
    expect(broken.response?.status).toBe(500);
    await setFaults(legacy.origin, { serverError: false });
    expect((await send(alpha.origin, { kind: 'notification', to: hostOf(legacy.origin) })).response?.status).toBe(201);
  });

  it('serves a web app that takes the token only from a POSTed form', async () => {
    const out = await send(alpha.origin, { kind: 'share', to: `dave@${hostOf(alpha.origin)}`, protocol: 'webapp' });
    const { uri } = JSON.parse(out.request!.body).protocol.webapp;
    const page = await (await fetch(uri)).text();
    expect(page).toContain('needs the access token in a POSTed form');
    const wrong = await (
      await fetch(uri, {
        method: 'POST',
        body: 'access_token=nope',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      })
    ).text();
    expect(wrong).toContain('access refused');
  });

  it('accepts an invite it issued once, and refuses unknown or repeated acceptances', async () => {
    const invite = (await (
      await fetch(`${alpha.origin}/demo/invites`, { method: 'POST', headers: control })
    ).json()) as {
      token: string;
      inviteString: string;
    };
    // The draft-07 invite string: base64url without padding.
    expect(invite.inviteString).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(invite.inviteString, 'base64url').toString()).toBe(`${invite.token}@${hostOf(alpha.origin)}`);
    const first = await send(legacy.origin, { kind: 'invite-accepted', to: hostOf(alpha.origin), token: invite.token });
    expect(first.response?.status).toBe(200);
    expect(JSON.parse(first.response!.body)).toMatchObject({ userID: 'carol', name: 'Carol' });
    expect(
      (await send(legacy.origin, { kind: 'invite-accepted', to: hostOf(alpha.origin), token: invite.token })).response
        ?.status,
    ).toBe(409);
    expect(
      (await send(legacy.origin, { kind: 'invite-accepted', to: hostOf(alpha.origin), token: 'nope' })).response
        ?.status,
    ).toBe(400);
  });

  it('legacy issues invites and reads an acceptance by its Nextcloud spelling, userId', async () => {
    const invite = (await (
      await fetch(`${legacy.origin}/demo/invites`, { method: 'POST', headers: control })
    ).json()) as { token: string; inviteString: string; sender: string };
    expect(atob(invite.inviteString)).toBe(`${invite.token}@${hostOf(legacy.origin)}`);
    expect(invite.sender).toBe(`erin@${hostOf(legacy.origin)}`);
    const acceptance = (userField: string) =>
      fetch(`${legacy.origin}/ocm/invite-accepted`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          recipientProvider: 'console.example',
          token: invite.token,
          [userField]: 'alice',
          email: 'alice@console.example',
          name: 'Alice',
        }),
      });
    const spelledAsSpec = await acceptance('userID');
    expect(spelledAsSpec.status).toBe(400);
    expect(await spelledAsSpec.json()).toEqual({
      message: 'INVALID_PARAMETERS',
      validationErrors: [{ name: 'userId', message: 'REQUIRED' }],
    });
    const spelledAsNextcloud = await acceptance('userId');
    expect(spelledAsNextcloud.status).toBe(200);
    expect(legacy.invites.get(invite.token)?.acceptedBy).toBe('alice@console.example');
  });

  it('legacy accepts an invite of another server with a cavage-signed acceptance carrying userId', async () => {
    const invite = (await (
      await fetch(`${alpha.origin}/demo/invites`, { method: 'POST', headers: control })
    ).json()) as { token: string };
    const out = await send(legacy.origin, { kind: 'invite-accepted', to: hostOf(alpha.origin), token: invite.token });
    expect(JSON.parse(out.request!.body)).toMatchObject({ userId: 'erin', token: invite.token });
    expect(out.request?.headers.find(([n]) => n === 'Signature')?.[1]).toMatch(/algorithm="rsa-sha256"/);
    expect(out.response?.status).toBe(200);
  });

  it('answers its demo controls only to the console that holds the control secret', async () => {
    const sharesBefore = alpha.shares.size;
    const faultsBefore = { ...alpha.faults };
    // What a page on another site could send without a preflight: a text/plain body, no secret.
    for (const [path, method] of [
      ['/demo/send', 'POST'],
      ['/demo/faults', 'PUT'],
      ['/demo/invites', 'POST'],
      ['/demo/state', 'GET'],
    ] as const) {
      const res = await fetch(`${alpha.origin}${path}`, {
        method,
        body:
          method === 'GET' ? undefined : JSON.stringify({ kind: 'share', to: 'eve@evil.example', serverError: true }),
        headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
      });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    const wrong = await fetch(`${alpha.origin}/demo/faults`, {
      method: 'PUT',
      body: JSON.stringify({ serverError: true }),
      headers: { ...control, [DEMO_CONTROL_HEADER]: 'guessed' },
    });
    expect(wrong.status).toBe(403);
    expect(alpha.shares.size).toBe(sharesBefore);
    expect(alpha.faults).toEqual(faultsBefore);
    // What a real peer serves stays open.
    expect((await fetch(`${alpha.origin}/.well-known/ocm`)).status).toBe(200);
  });

  it('says what went wrong when the target is not an OCM server', async () => {
    const out = await send(alpha.origin, { kind: 'share', to: 'zoe@127.0.0.1:9' });
    expect(out.ok).toBe(false);
    expect(out.error).toMatch(/no OCM discovery at 127\.0\.0\.1:9/);
  });
});
