import type { Context } from 'hono';
import type { PeerNet } from './net.ts';
import { hostOf } from './peer-state.ts';
import { sendFromPeer } from './send.ts';
import type { PeerState } from './types.ts';

const esc = (s: string) => s.replace(/[<>&'"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(c: Context, peer: PeerState, title: string, inner: string, status = 200) {
  c.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
  // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with the page's own form
  // POST, which the cross-site guard must refuse; the URL (with its token) still never leaves the peer.
  c.header('referrer-policy', 'same-origin');
  c.header('cache-control', 'no-store');
  return c.html(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} — ${esc(peer.spec.name)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
button{padding:.4rem 1rem;font:inherit}pre{background:#f3f4f6;padding:.5rem;white-space:pre-wrap}</style></head>
<body><h1>${esc(title)}</h1>${inner}<p><small>${esc(peer.spec.name)} (demo peer) at ${esc(hostOf(peer))}</small></p></body></html>`,
    status as 200,
  );
}

/**
 * The peer's inviteAcceptDialog. Opened from another provider's WAYF page with `?token&providerDomain`, it
 * shows whose invite it is and accepts it on a click (the peer then POSTs /invite-accepted there, signed).
 * For one of its own tokens it says what became of the invite.
 */
export async function inviteAcceptDialog(c: Context, peer: PeerState, net: PeerNet) {
  const user = peer.spec.users[0]!;
  if (c.req.method === 'POST') {
    const form = new URLSearchParams(await c.req.text());
    const token = form.get('token') ?? '';
    const providerDomain = form.get('providerDomain') ?? '';
    if (!token || !providerDomain)
      return page(c, peer, 'Accept an invite', '<p>token and providerDomain are needed.</p>', 400);
    const outcome = await sendFromPeer(peer, net, { kind: 'invite-accepted', to: providerDomain, token });
    const status = outcome.response?.status;
    const verdict = outcome.error
      ? `Could not send the acceptance: ${esc(outcome.error)}`
      : status === 200
        ? `Accepted. ${esc(providerDomain)} answered 200; you and the invite sender are now contacts.`
        : `${esc(providerDomain)} answered ${status ?? 'nothing'}: the invite was not accepted.`;
    const body = outcome.response?.body;
    return page(
      c,
      peer,
      'Accept an invite',
      `<p role="status">${verdict}</p>${body !== undefined ? `<pre>${esc(typeof body === 'string' ? body : JSON.stringify(body))}</pre>` : ''}`,
    );
  }
  const token = c.req.query('token') ?? '';
  const providerDomain = c.req.query('providerDomain') ?? '';
  if (!providerDomain || providerDomain === hostOf(peer)) {
    const invite = peer.invites.get(token);
    return c.text(
      invite
        ? `Invite ${token} from ${invite.user}@${hostOf(peer)} is ${invite.acceptedBy ? `accepted by ${invite.acceptedBy}` : 'waiting to be accepted'}.`
        : `No invite ${token} here.`,
      invite ? 200 : 404,
    );
  }
  if (!token) return page(c, peer, 'Accept an invite', '<p>The link carries no token.</p>', 400);
  return page(
    c,
    peer,
    'Accept an invite',
    `<p>You were invited by someone at <strong>${esc(providerDomain)}</strong>. Accept as <strong>${esc(`${user}@${hostOf(peer)}`)}</strong>?</p>
<form method="post" action="/invites/accept"><input type="hidden" name="token" value="${esc(token)}">
<input type="hidden" name="providerDomain" value="${esc(providerDomain)}"><button type="submit">Accept invite</button></form>`,
  );
}
