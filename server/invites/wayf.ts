import { acceptDialogLink } from '../../src/protocol/index.ts';
import { discoverTarget } from '../discovery/discover-target.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import type { InviteStore } from './invite-store.ts';

/** A provider offered on the WAYF page. */
export interface WayfProvider {
  name: string;
  /** What is discovered: a host or an origin. */
  target: string;
  /** Why it cannot take an invite from a link (its discovery has no inviteAcceptDialog): named, not offered. */
  unable?: string;
}

/** Where the WAYF sends the visitor for a chosen provider: its inviteAcceptDialog, or why it cannot. */
export async function wayfRedirect(
  client: OutboundClient,
  provider: string,
  token: string,
  providerDomain: string,
): Promise<{ location: string } | { problem: string }> {
  const scheme = /^http:\/\//i.test(provider) ? 'http' : /^https:\/\//i.test(provider) ? 'https' : undefined;
  const found = await discoverTarget(client, provider, scheme ? { scheme } : {});
  if ('error' in found) return { problem: found.error };
  const doc = found.document as Record<string, unknown> | null | undefined;
  if (!doc || typeof doc !== 'object')
    return {
      problem: `Could not read ${provider}'s OCM discovery: ${found.problem ?? 'it publishes no OCM discovery.'}`,
    };
  const dialog = doc.inviteAcceptDialog;
  if (typeof dialog !== 'string' || !dialog)
    return { problem: `${provider} does not publish an inviteAcceptDialog: it cannot accept invites from a link.` };
  let location: URL | undefined;
  try {
    location = new URL(acceptDialogLink(found.base, dialog, token, providerDomain));
  } catch {
    location = undefined;
  }
  // A dialog is a web page: javascript:, data:, vbscript:, file: … would run or open something in the visitor's
  // browser under a redirect from this console.
  if (location?.protocol !== 'http:' && location?.protocol !== 'https:')
    return {
      problem: `${provider} publishes an inviteAcceptDialog that is not an http(s) address (${JSON.stringify(dialog.slice(0, 80))}): this page sends visitors only to web pages.`,
    };
  return { location: location.href };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * The WAYF ("where are you from") page for an invite link: who invites, the known providers and a field for
 * any other. Server-rendered, no script: a visitor needs no access to the console's API to use it.
 */
export function wayfPage(args: {
  token: string;
  invites: InviteStore;
  consoleHost: string;
  providers: readonly WayfProvider[];
  problem?: string;
  /** What the visitor typed, kept in the field when it led nowhere. */
  typed?: string;
  now?: Date;
}): { status: number; html: string } {
  const invite = args.invites.get(args.token);
  const now = args.now ?? new Date();
  let intro: string;
  let status = 200;
  let usable = false;
  if (!args.token) {
    intro = 'This link carries no invite token: it was cut short. Ask the person who invited you for the link again.';
    status = 400;
  } else if (!invite) {
    intro = `This console (${escapeHtml(args.consoleHost)}) does not know this invite: the link may be mistyped, or the invite was made on another console. Ask the person who invited you for the link again.`;
    status = 404;
  } else if (invite.accepted) {
    intro = `This invite from ${escapeHtml(`${invite.user}@${args.consoleHost}`)} was already accepted; an invite can be accepted once. Ask ${escapeHtml(invite.user)} for a new one.`;
    status = 409;
  } else if (Date.parse(invite.expiresAt) <= now.getTime()) {
    intro = `This invite from ${escapeHtml(`${invite.user}@${args.consoleHost}`)} has expired. Ask ${escapeHtml(invite.user)} for a new one.`;
    status = 410;
  } else {
    usable = true;
    intro = `<strong>${escapeHtml(`${invite.user}@${args.consoleHost}`)}</strong> invites you to share through Open Cloud Mesh. Where is your account?`;
  }
  const token = escapeHtml(args.token);
  const choices = args.providers
    .filter((p) => !p.unable)
    .map(
      (p) =>
        `<li><a class="provider" href="?token=${encodeURIComponent(args.token)}&amp;provider=${encodeURIComponent(p.target)}">${escapeHtml(p.name)} <small>${escapeHtml(p.target)}</small></a></li>`,
    )
    .join('');
  const unable = args.providers
    .filter((p) => p.unable)
    .map((p) => `<li>${escapeHtml(p.name)} <small>${escapeHtml(p.target)}: ${escapeHtml(p.unable!)}</small></li>`)
    .join('');
  const body = usable
    ? `${args.problem ? `<p role="alert" class="problem">${escapeHtml(args.problem)}</p>` : ''}
      ${choices ? `<h2>Known providers</h2><ul>${choices}</ul>` : ''}
      ${unable ? `<h2>Known, but cannot accept from a link</h2><ul class="unable">${unable}</ul>` : ''}
      <form method="get" action="/wayf">
        <input type="hidden" name="token" value="${token}">
        <label for="provider">Another provider (its domain or URL)</label>
        <div class="row"><input id="provider" name="provider" required placeholder="cloud.example.org" value="${escapeHtml(args.typed ?? '')}">
        <button type="submit">Continue</button></div>
      </form>`
    : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Accept an invite — where are you from?</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1c2330}
main{max-width:36rem;margin:3rem auto;background:#fff;border:1px solid #d9dde4;border-radius:8px;padding:1.5rem 2rem}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1rem;margin:1.25rem 0 .5rem}
ul{list-style:none;padding:0;margin:0}li{margin:.25rem 0}
a.provider{display:block;padding:.5rem .75rem;border:1px solid #d9dde4;border-radius:6px;color:#1d4ed8;text-decoration:none}
a.provider:hover{background:#eef2ff}small{color:#5b6472;margin-left:.5rem}
label{display:block;margin:1.25rem 0 .25rem;font-weight:600}.row{display:flex;gap:.5rem}
input{flex:1;padding:.45rem .6rem;border:1px solid #b8bfca;border-radius:6px;font:inherit}
button{padding:.45rem 1rem;border:0;border-radius:6px;background:#1d4ed8;color:#fff;font:inherit;cursor:pointer}
.problem{background:#fdecec;border:1px solid #f3b4b4;padding:.5rem .75rem;border-radius:6px}
footer{margin-top:1.5rem;color:#5b6472;font-size:.85rem}
</style></head>
<body><main>
<h1>Accept an invite</h1>
<p>${intro}</p>
${body}
<footer>OCM Explorer at ${escapeHtml(args.consoleHost)}${usable ? ' · your provider will show the invite and ask you to accept it.' : ''}</footer>
</main></body></html>`;
  return { status, html };
}

/**
 * The WAYF page's own policy: like the console's pages (nothing loaded from elsewhere, no framing by other
 * origins, no script at all), except that a chosen provider's accept dialog is on another origin, so the form
 * may lead anywhere.
 */
export const WAYF_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'self'";
