import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';
import type { PeerNet } from './net.ts';
import { readVerified } from './receive.ts';
import type { OutgoingShare, PeerState } from './types.ts';
import { credentialOf, davResponse } from '../webdav.ts';

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
      body: text.replace(/code=[^&]*/, 'code=…'),
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

const htmlEscape = (s: string) => s.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** An absolute http(s) URL, or undefined: the only kind of expired_session_redirect_uri the app follows. */
function httpUrl(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The demo web app (draft "Resource Access", web app step): it takes the access token only from a form
 * POST body, never from the URL, and shows in the page how it was opened (framed, opener, top-level),
 * whether the token is valid, its permissions and remaining lifetime. It posts the same report (no token)
 * to its parent or opener, and when the token expires it sends the browser to expired_session_redirect_uri.
 * The faults switch on X-Frame-Options DENY or frame-ancestors 'none'.
 */
export async function webapp(c: Context, peer: PeerState) {
  const shareId = c.req.param('id');
  const nonce = randomUUID();
  const ancestors = peer.faults.webappNoFraming ? "'none'" : '*';
  c.header(
    'content-security-policy',
    `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'${peer.faults.webappXfoDeny ? '' : `; frame-ancestors ${ancestors}`}`,
  );
  if (peer.faults.webappXfoDeny) c.header('x-frame-options', 'DENY');
  c.header('referrer-policy', 'no-referrer');
  c.header('cache-control', 'no-store');
  const tokenInUrl = new URL(c.req.url).searchParams.has('access_token');
  let body = '';
  let verdict: string;
  const report: Record<string, unknown> = { app: `${peer.spec.id} viewer`, share: shareId, tokenInUrl };
  let expired: string | undefined;
  let remaining: number | undefined;
  if (c.req.method === 'POST') {
    const type = c.req.header('content-type') ?? '';
    const form = new URLSearchParams(await c.req.text());
    const token = form.get('access_token') ?? '';
    expired = httpUrl(form.get('expired_session_redirect_uri'));
    const issued = peer.tokens.get(token);
    const share =
      issued && issued.shareId === shareId && issued.expiresAt > Date.now() && !peer.faults.webappRejectToken
        ? peer.shares.get(issued.shareId)
        : undefined;
    if (share && issued) remaining = Math.round((issued.expiresAt - Date.now()) / 1000);
    verdict = share
      ? `Access granted to “${htmlEscape(share.name)}” (share ${htmlEscape(share.id)}).`
      : token
        ? 'The access token is unknown, expired, or for another share: access refused.'
        : 'No access_token field in the form: access refused.';
    Object.assign(report, {
      tokenBy: token ? 'POST' : 'none',
      contentType: type.split(';')[0],
      tokenValid: !!share,
      ...(share ? { permissions: ['view'], expiresIn: remaining } : {}),
      expiredSessionRedirectUri: expired ?? null,
    });
    body = `<dl>
<dt>access_token</dt><dd id="token">${token ? `received in the POST body (${htmlEscape(type.split(';')[0] ?? '')}), ${token.length} characters, never in the URL` : 'none'}</dd>
<dt>Token valid</dt><dd id="valid">${share ? 'yes' : 'no'}</dd>
${share ? `<dt>Permissions</dt><dd>view</dd><dt>Remaining lifetime</dt><dd><span id="remaining">${remaining}</span> s</dd>` : ''}
<dt>expired_session_redirect_uri</dt><dd>${expired ? htmlEscape(expired) : 'not sent (or not an http(s) URL)'}</dd>
</dl>${share ? `<pre>${htmlEscape(share.content)}</pre>` : ''}`;
  } else {
    verdict =
      'Opened without a form POST: this app needs the access token in a POSTed form (field access_token) and never reads it from the URL.';
    report.tokenBy = 'none';
  }
  // Data for the page's script, as JSON that cannot close the script element.
  const state = JSON.stringify({
    report,
    expired: remaining !== undefined ? expired : undefined,
    remaining,
    refuseFramed: peer.faults.webappRefuseFramed,
  }).replace(/</g, '\\u003c');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${htmlEscape(peer.spec.name)} viewer</title>
<style>body{font:14px system-ui,sans-serif;margin:1rem;color:#0f172a;background:#fff}dt{font-weight:600}pre{background:#f1f5f9;padding:.5rem}.warn{color:#b91c1c}</style></head>
<body><h1>${htmlEscape(peer.spec.name)} viewer</h1>
<p id="verdict">${verdict}</p>
${tokenInUrl ? '<p class="warn">An access_token was found in the URL: tokens must never travel in URLs. It was ignored.</p>' : ''}
${body}
<p>Framed: <strong id="framed">unknown</strong> · Opener: <strong id="opener">unknown</strong> · Top-level: <strong id="top">unknown</strong></p>
<script type="application/json" id="state">${state}</script>
<script nonce="${nonce}">
(function () {
  var s = JSON.parse(document.getElementById('state').textContent);
  var framed = window.top !== window.self, opener = !!window.opener;
  document.getElementById('framed').textContent = framed ? 'yes, inside a frame' : 'no, top-level window';
  document.getElementById('opener').textContent = opener ? 'yes, opened by another window' : 'no';
  document.getElementById('top').textContent = framed ? 'no' : 'yes';
  var report = Object.assign({}, s.report, { framed: framed, opener: opener });
  if (framed && s.refuseFramed) {
    document.body.textContent = 'This app refuses to run inside a frame. Open it in a new window or tab.';
    report.refusedFramed = true;
    s.remaining = null;
  }
  try { if (framed) window.parent.postMessage(report, '*'); } catch (e) {}
  try { if (opener) window.opener.postMessage(report, '*'); } catch (e) {}
  if (s.remaining !== undefined && s.remaining !== null) {
    var left = s.remaining, el = document.getElementById('remaining');
    var timer = setInterval(function () {
      left -= 1;
      if (el) el.textContent = String(Math.max(left, 0));
      if (left <= 0) {
        clearInterval(timer);
        if (s.expired) window.location.assign(s.expired);
      }
    }, 1000);
  }
})();
</script>
</body></html>`;
  return c.html(html);
}
