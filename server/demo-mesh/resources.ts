import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';
import { redact } from '../../src/lib/redact.ts';
import { isCheckProbe } from '../../src/protocol/check-probe.ts';
import type { PeerNet } from './net.ts';
import { readVerified } from './receive.ts';
import type { OutgoingShare, PeerState } from './types.ts';
import { credentialOf, davResponse } from '../webdav.ts';
import { selfReportingAppPage } from '../webapp-app/self-report-page.ts';

const TOKEN_SECONDS = 300;

/**
 * OCM §6 token endpoint: a signed, form-encoded authorization_code grant whose code is a share's
 * sharedSecret. Answers an opaque bearer token, or an OAuth error (400 `{error}`).
 */
export async function tokenEndpoint(c: Context, peer: PeerState, net: PeerNet) {
  const { text, verified, refusal } = await readVerified(c, peer, net);
  const remember = (status: number) =>
    peer.received.unshift({
      at: new Date().toISOString(),
      method: 'POST',
      path: '/ocm/token',
      verified: verified.status,
      summary: verified.summary,
      status,
      body: redact(text),
      checkProbe: isCheckProbe({ path: '/ocm/token', body: text }),
    });
  if (peer.faults.serverError) {
    remember(500);
    return c.json({ error: 'server_error' }, 500);
  }
  if (refusal) {
    remember(401);
    return c.json({ error: 'invalid_client', error_description: verified.summary }, 401);
  }
  const form = new URLSearchParams(text);
  const fail = (error: string) => {
    remember(400);
    return c.json({ error }, 400);
  };
  if (form.get('grant_type') !== 'authorization_code')
    return fail(form.has('grant_type') ? 'unsupported_grant_type' : 'invalid_request');
  const code = form.get('code');
  if (!form.get('client_id') || !code) return fail('invalid_request');
  const share = [...peer.shares.values()].find((s) => s.secret === code);
  if (!share) return fail('invalid_grant');
  const token = randomUUID();
  const seconds = share.protocol === 'webapp' && peer.faults.webappShortToken ? 10 : TOKEN_SECONDS;
  peer.tokens.set(token, { token, shareId: share.id, expiresAt: Date.now() + seconds * 1000 });
  remember(200);
  return c.json({ access_token: token, token_type: 'Bearer', expires_in: seconds });
}

/** Which share a request may read: a live bearer token, or (legacy dialect, or no exchange required) the secret itself. */
export function authorisedShare(c: Context, peer: PeerState, shareId?: string): OutgoingShare | undefined {
  const credential = credentialOf(c);
  if (!credential) return undefined;
  if (credential.kind === 'bearer') {
    const issued = peer.tokens.get(credential.value);
    if (issued && issued.expiresAt > Date.now() && (!shareId || issued.shareId === shareId))
      return peer.shares.get(issued.shareId);
  }
  // Legacy access (§4 step 5): the sharedSecret itself, as Basic user name (or bearer), when no exchange is required.
  return [...peer.shares.values()].find(
    (s) => s.secret === credential.value && !s.mustExchangeToken && (!shareId || s.id === shareId),
  );
}

/** WebDAV: PROPFIND (depth 0) and GET of one shared file, for the bearer of its token. */
export function webdav(c: Context, peer: PeerState, shareId?: string) {
  const share = authorisedShare(c, peer, shareId);
  if (!share) {
    c.header('www-authenticate', peer.spec.dialect === 'ocm-1.5' ? 'Bearer realm="ocm"' : 'Basic realm="ocm"');
    return c.text('Unauthorized: send the access token from the token exchange as a Bearer token.', 401);
  }
  return davResponse(c, share);
}

/**
 * The demo web app (draft "Resource Access", web app step): the self-reporting page shared with the
 * console's own app, for this peer's shares and tokens. The faults switch on X-Frame-Options DENY,
 * frame-ancestors 'none', refusing to run framed and refusing every token.
 */
export function webapp(c: Context, peer: PeerState) {
  return selfReportingAppPage(c, {
    title: `${peer.spec.name} viewer`,
    reportName: `${peer.spec.id} viewer`,
    shareId: c.req.param('id') ?? '',
    grantFor: (token) => {
      const issued = peer.tokens.get(token);
      const share = issued ? peer.shares.get(issued.shareId) : undefined;
      return issued && share
        ? {
            shareId: share.id,
            name: share.name,
            content: share.content,
            permissions: ['view'],
            expiresAt: issued.expiresAt,
          }
        : undefined;
    },
    behaviour: {
      xfoDeny: peer.faults.webappXfoDeny,
      noFraming: peer.faults.webappNoFraming,
      refuseFramed: peer.faults.webappRefuseFramed,
      rejectToken: peer.faults.webappRejectToken,
    },
  });
}
