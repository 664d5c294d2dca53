import type { Context } from 'hono';
import { randomUUID } from 'node:crypto';

/** What a valid access token opens: one share of the app's server. */
export interface AppGrant {
  shareId: string;
  name: string;
  content: string;
  permissions: string[];
  /** Unix ms. */
  expiresAt: number;
}

/** Ways the app can misbehave on purpose, so a receiver's embedding can be tested against them. */
export interface AppBehaviour {
  /** Answer `X-Frame-Options: DENY` (and no frame-ancestors). */
  xfoDeny?: boolean;
  /** Answer CSP `frame-ancestors 'none'`. */
  noFraming?: boolean;
  /** Refuse to run inside a frame (the page says so and shows nothing else). */
  refuseFramed?: boolean;
  /** Refuse every token. */
  rejectToken?: boolean;
}

export interface SelfReportingApp {
  /** Shown as the page's title and heading. */
  title: string;
  /** `app` in the report posted to the parent or opener. */
  reportName: string;
  /** The share named in the app's URL. */
  shareId: string;
  /** The share a live token opens, whichever share that is (the page checks it is this one). */
  grantFor(token: string): AppGrant | undefined;
  behaviour?: AppBehaviour;
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
 * A web app that reports on itself (draft "Resource Access", web app step): it takes the access token only
 * from a form POST body, never from the URL, and shows in the page how it was opened (framed, opener,
 * top-level), whether the token is valid, its permissions and remaining lifetime. It posts the same report
 * (no token) to its parent or opener, and when the token expires it sends the browser to
 * expired_session_redirect_uri. The demo peers and the console serve the same page, so a receiver sees the
 * same report whichever of them sent the share.
 */
export async function selfReportingAppPage(c: Context, app: SelfReportingApp): Promise<Response> {
  const behaviour = app.behaviour ?? {};
  const nonce = randomUUID();
  const ancestors = behaviour.noFraming ? "'none'" : '*';
  c.header(
    'content-security-policy',
    `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'${behaviour.xfoDeny ? '' : `; frame-ancestors ${ancestors}`}`,
  );
  if (behaviour.xfoDeny) c.header('x-frame-options', 'DENY');
  c.header('referrer-policy', 'no-referrer');
  c.header('cache-control', 'no-store');
  const tokenInUrl = new URL(c.req.url).searchParams.has('access_token');
  let body = '';
  let verdict: string;
  const report: Record<string, unknown> = { app: app.reportName, share: app.shareId, tokenInUrl };
  let expired: string | undefined;
  let remaining: number | undefined;
  if (c.req.method === 'POST') {
    const type = c.req.header('content-type') ?? '';
    const form = new URLSearchParams(await c.req.text());
    const token = form.get('access_token') ?? '';
    expired = httpUrl(form.get('expired_session_redirect_uri'));
    const found = token ? app.grantFor(token) : undefined;
    const grant =
      found && found.shareId === app.shareId && found.expiresAt > Date.now() && !behaviour.rejectToken
        ? found
        : undefined;
    if (grant) remaining = Math.round((grant.expiresAt - Date.now()) / 1000);
    verdict = grant
      ? `Access granted to “${htmlEscape(grant.name)}” (share ${htmlEscape(grant.shareId)}).`
      : token
        ? 'The access token is unknown, expired, or for another share: access refused.'
        : 'No access_token field in the form: access refused.';
    const permissions = grant?.permissions.join(', ') ?? '';
    Object.assign(report, {
      tokenBy: token ? 'POST' : 'none',
      contentType: type.split(';')[0],
      tokenValid: !!grant,
      ...(grant ? { permissions: grant.permissions, expiresIn: remaining } : {}),
      expiredSessionRedirectUri: expired ?? null,
    });
    body = `<dl>
<dt>access_token</dt><dd id="token">${token ? `received in the POST body (${htmlEscape(type.split(';')[0] ?? '')}), ${token.length} characters, never in the URL` : 'none'}</dd>
<dt>Token valid</dt><dd id="valid">${grant ? 'yes' : 'no'}</dd>
${grant ? `<dt>Permissions</dt><dd id="permissions">${htmlEscape(permissions)}</dd><dt>Remaining lifetime</dt><dd><span id="remaining">${remaining}</span> s</dd>` : ''}
<dt>expired_session_redirect_uri</dt><dd>${expired ? htmlEscape(expired) : 'not sent (or not an http(s) URL)'}</dd>
</dl>${grant ? `<pre>${htmlEscape(grant.content)}</pre>` : ''}`;
  } else {
    verdict =
      'Opened without a form POST: this app needs the access token in a POSTed form (field access_token) and never reads it from the URL.';
    report.tokenBy = 'none';
  }
  // Data for the page's script, as JSON that cannot close the script element.
  const state = JSON.stringify({
    report,
    back: expired,
    remaining,
    backSeconds: BACK_SECONDS,
    refuseFramed: !!behaviour.refuseFramed,
  }).replace(/</g, '\\u003c');
  const ok = report.tokenValid === true;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${htmlEscape(app.title)}</title>
<style>${STYLE}</style></head>
<body><p id="how" class="how">Opened: finding out how…</p>
<h1>${htmlEscape(app.title)}</h1>
<p id="verdict" class="${ok ? 'ok' : 'warn'}">${verdict}</p>
<p id="back" hidden>This demo app goes back to the console in <strong id="back-in">${BACK_SECONDS}</strong> s, as a
user leaving it would (a redirect has no other way back). <a id="back-link" href="#">Back now</a>
<button id="stay" type="button">Stay here</button></p>
${tokenInUrl ? '<p class="warn">An access_token was found in the URL: tokens must never travel in URLs. It was ignored.</p>' : ''}
${body}
<p>Framed: <strong id="framed">unknown</strong> · Opener: <strong id="opener">unknown</strong> · Top-level: <strong id="top">unknown</strong></p>
<script type="application/json" id="state">${state}</script>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
  return c.html(html);
}

/** How long a redirected app stays before it sends the tab back, so a room can read it. */
export const BACK_SECONDS = 8;

const STYLE = [
  'body{font:14px system-ui,sans-serif;margin:1rem;color:#0f172a;background:#fff}',
  '.how{font-size:1.6rem;font-weight:700;margin:0 0 .5rem;padding:.25rem .5rem;background:#e0f2fe;border-radius:4px}',
  'h1{font-size:1.1rem;margin:.25rem 0}#verdict{font-size:1.1rem;font-weight:600}.ok{color:#166534}.warn{color:#b91c1c}',
  '#back{font-size:1.1rem;background:#fef9c3;padding:.25rem .5rem}',
  'dt{font-weight:600}pre{background:#f1f5f9;padding:.5rem;white-space:pre-wrap;overflow-wrap:anywhere}',
].join('');

/**
 * The page's script: finds out how the window was opened (framed, opener), shows it first and in the
 * document title, and posts the report (no token) to the parent or opener. A window with neither was
 * reached by a redirect: nobody can hear a report, so the page says it on screen and, when it leaves
 * (its back link, a timer, or the token's end), puts the report in the fragment of
 * expired_session_redirect_uri, which never reaches a server.
 */
const SCRIPT = `(function () {
  var s = JSON.parse(document.getElementById('state').textContent);
  var framed = window.top !== window.self, opener = !!window.opener;
  var openedAs = framed ? 'frame' : opener ? 'popup' : 'redirect';
  var how = { frame: 'in a frame', popup: 'in a popup window (opened by the console)',
    redirect: 'in a full tab, no opener (a redirect)' }[openedAs];
  document.getElementById('how').textContent = 'Opened ' + how;
  document.title = how.charAt(0).toUpperCase() + how.slice(1) + ' · ' + document.title;
  document.getElementById('framed').textContent = framed ? 'yes, inside a frame' : 'no, top-level window';
  document.getElementById('opener').textContent = opener ? 'yes, opened by another window' : 'no';
  document.getElementById('top').textContent = framed ? 'no' : 'yes';
  var report = Object.assign({}, s.report, { framed: framed, opener: opener, openedAs: openedAs });
  if (framed && s.refuseFramed) {
    document.body.textContent = 'This app refuses to run inside a frame. Open it in a new window or tab.';
    report.refusedFramed = true;
    s.remaining = null;
    s.back = null;
  }
  try { if (framed) window.parent.postMessage(report, '*'); } catch (e) {}
  try { if (opener) window.opener.postMessage(report, '*'); } catch (e) {}
  var gone = false;
  function leave(why) {
    if (gone || !s.back) return;
    gone = true;
    var said = new URLSearchParams({ app: String(report.app), openedAs: openedAs, tokenBy: String(report.tokenBy),
      tokenValid: String(report.tokenValid === true), left: why });
    window.location.assign(s.back.split('#')[0] + '#' + said.toString());
  }
  if (s.back && openedAs === 'redirect') {
    var back = document.getElementById('back'), wait = s.backSeconds, shown = document.getElementById('back-in');
    back.hidden = false;
    document.getElementById('back-link').addEventListener('click', function (e) { e.preventDefault(); leave('back'); });
    var countdown = setInterval(function () {
      wait -= 1;
      shown.textContent = String(Math.max(wait, 0));
      if (wait <= 0) { clearInterval(countdown); leave('timer'); }
    }, 1000);
    document.getElementById('stay').addEventListener('click', function () {
      clearInterval(countdown);
      back.textContent = 'Staying. The browser\\'s back button returns to the console.';
    });
  }
  if (s.remaining !== undefined && s.remaining !== null) {
    var left = s.remaining, el = document.getElementById('remaining');
    var timer = setInterval(function () {
      left -= 1;
      if (el) el.textContent = String(Math.max(left, 0));
      if (left <= 0) { clearInterval(timer); leave('expired'); }
    }, 1000);
  }
})();`;
