import { Hono, type Context } from 'hono';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { allowedHostNames, hostCheck } from '../guard/host-check.ts';
import { limitBodies, peerBodyCap } from '../guard/body-limit.ts';
import { sameOriginForm } from '../guard/same-origin.ts';
import { discoveryDocument, jwksDocument } from './discovery.ts';
import type { PeerNet } from './net.ts';
import { encodeInviteString } from '../../src/protocol/index.ts';
import { hostOf } from './peer-state.ts';
import { inviteAcceptDialog } from './invite-dialog.ts';
import { receiveOcm } from './receive.ts';
import { tokenEndpoint, webapp, webdav } from './resources.ts';
import { sendFromPeer, type SendCommand, type SendKind } from './send.ts';
import type { Faults, PeerState } from './types.ts';

const KINDS: SendKind[] = ['share', 'notification', 'invite-accepted', 'request-share'];
const mask = (secret: string) => `${secret.slice(0, 4)}…`;

/** What the peer shows about itself (secrets masked): the console and tests read it. */
function publicState(peer: PeerState) {
  return {
    id: peer.spec.id,
    name: peer.spec.name,
    dialect: peer.spec.dialect,
    origin: peer.origin,
    users: peer.spec.users.map((u) => `${u}@${hostOf(peer)}`),
    keyId: peer.keyId,
    faults: peer.faults,
    shares: [...peer.shares.values()].map((s) => ({ ...s, secret: mask(s.secret) })),
    invites: [...peer.invites.values()],
    received: peer.received,
    fetched: peer.fetched,
  };
}

async function readJson(c: Context): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await c.req.json();
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The header that carries the demo mesh's control secret from the console to its peers. */
export const DEMO_CONTROL_HEADER = 'x-ocm-explorer-demo-control';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * One embedded OCM server: discovery, OCM endpoint, token endpoint, WebDAV, web app, and its demo
 * controls. What a real peer serves is open to anyone; the controls (/demo/*) answer only callers with
 * the mesh's control secret (the console), since a page on another site could otherwise make a peer
 * send signed messages wherever it liked.
 */
export function createPeerApp(peer: PeerState, net: PeerNet, controlSecret: string): Hono {
  const app = new Hono();
  app.use('*', hostCheck(allowedHostNames(undefined, [])));
  app.use('*', limitBodies(peerBodyCap));
  app.use('/demo/*', async (c, next) => {
    const presented = c.req.header(DEMO_CONTROL_HEADER);
    if (presented === undefined || !timingSafeEqual(sha256(presented), sha256(controlSecret))) {
      return c.json(
        { message: 'FORBIDDEN: the demo controls answer only the console that started this peer (Inbox page → Send).' },
        403,
      );
    }
    return next();
  });
  const modern = peer.spec.dialect === 'ocm-1.5';

  app.get('/.well-known/ocm', (c) => c.json(discoveryDocument(peer)));
  if (!modern) app.get('/ocm-provider', (c) => c.json(discoveryDocument(peer)));
  if (modern) app.get('/ocm/jwks', (c) => c.json(jwksDocument(peer)));

  for (const endpoint of ['shares', 'notifications', 'invite-accepted', 'request-share'] as const) {
    app.post(`/ocm/${endpoint}`, (c) => receiveOcm(c, peer, net, endpoint));
  }
  if (modern) {
    app.post('/ocm/token', (c) => tokenEndpoint(c, peer, net));
    app.on(['PROPFIND', 'GET', 'HEAD', 'PUT', 'DELETE'], '/webdav/:id', (c) => webdav(c, peer, c.req.param('id')));
    app.on(['GET', 'POST'], '/apps/viewer/:id', (c) => webapp(c, peer));
    // Accepting makes the peer send a signed request to the server the form names: only its own page may post it.
    app.on(['GET', 'POST'], '/invites/accept', sameOriginForm(), (c) => inviteAcceptDialog(c, peer, net));
  } else {
    app.on(['PROPFIND', 'GET', 'HEAD', 'PUT', 'DELETE'], '/public.php/webdav/', (c) => webdav(c, peer));
  }
  app.all('/ocm/*', (c) => c.json({ message: 'NOT_FOUND' }, 404));

  app.get('/demo/state', (c) => c.json(publicState(peer)));
  app.put('/demo/faults', async (c) => {
    const body = await readJson(c);
    if (!body) return c.json({ message: 'Send a JSON object of faults to switch, e.g. {"wrongDigest": true}.' }, 400);
    const next: Faults = { ...peer.faults };
    for (const key of [
      'wrongDigest',
      'staleCreated',
      'unknownKeyid',
      'serverError',
      'webappXfoDeny',
      'webappNoFraming',
      'webappShortToken',
      'webappRefuseFramed',
      'webappRejectToken',
    ] as const)
      if (typeof body[key] === 'boolean') next[key] = body[key];
    if (typeof body.slowMs === 'number' && body.slowMs >= 0 && body.slowMs <= 30_000) next.slowMs = body.slowMs;
    peer.faults = next;
    return c.json(peer.faults);
  });
  app.post('/demo/invites', (c) => {
    const token = randomUUID();
    const user = peer.spec.users[0]!;
    peer.invites.set(token, { token, user, createdAt: new Date().toISOString() });
    // alpha writes the draft-07 invite string (base64url, no padding); legacy the standard base64 with padding
    // that servers wrote before the draft settled on base64url, so the console's reading of both can be seen.
    const inviteString = modern
      ? encodeInviteString(token, hostOf(peer))
      : Buffer.from(`${token}@${hostOf(peer)}`).toString('base64');
    return c.json({ token, inviteString, sender: `${user}@${hostOf(peer)}` }, 201);
  });
  app.post('/demo/send', async (c) => {
    const body = await readJson(c);
    if (!body || !KINDS.includes(body.kind as SendKind) || typeof body.to !== 'string') {
      return c.json({ ok: false, error: `Send {"kind": one of ${KINDS.join(', ')}, "to": "user@host"}.` }, 400);
    }
    const outcome = await sendFromPeer(peer, net, body as unknown as SendCommand);
    return c.json(outcome, outcome.request ? 200 : 502);
  });
  app.notFound((c) => c.json({ message: 'NOT_FOUND' }, 404));
  return app;
}
