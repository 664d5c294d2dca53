/**
 * Web app shares on the receiving side (draft "Resource Access", web app step; "Share Creation
 * Notification", protocol.webapp): which target a receiver may use, the three opening modes the working
 * group talks about, the form the browser POSTs to the app, and what an app's response headers say about
 * being framed. Pure: no DOM, no fetch.
 */

export const WEBAPP_TARGETS = ['iframe', 'blank'] as const;
export type WebappTarget = (typeof WEBAPP_TARGETS)[number];

export const LAB_MODES = ['iframe', 'popup', 'redirect'] as const;
export type LabMode = (typeof LAB_MODES)[number];

/** How each mode maps onto the spec's two targets, and the form `target` it submits to. */
export const MODE_TARGET: Record<LabMode, { target: WebappTarget; formTarget: string; label: string }> = {
  iframe: { target: 'iframe', formTarget: '(the name of the lab iframe)', label: 'embedded in an iframe' },
  popup: { target: 'blank', formTarget: '_blank', label: 'a new window (popup)' },
  redirect: { target: 'blank', formTarget: '_top', label: 'the whole tab goes to the app' },
};

const isTarget = (t: unknown): t is WebappTarget => t === 'iframe' || t === 'blank';

export interface ModeVerdict {
  mode: LabMode;
  target: WebappTarget;
  /** Allowed by the spec: the mode's target is in share targets ∩ receiver targets. */
  allowed: boolean;
  reason: string;
}

export interface Negotiation {
  senderTargets: WebappTarget[];
  receiverTargets: WebappTarget[];
  /** share targets ∩ receiver webapp-receive targets: empty means the share cannot be presented. */
  usable: WebappTarget[];
  /** Values that are not a target the spec defines (ignored). */
  unknown: string[];
  /** Targets the sender offered that the receiver never advertised (the draft says the sender MUST NOT). */
  notAdvertised: WebappTarget[];
  modes: ModeVerdict[];
  summary: string;
}

const list = (ts: readonly string[]) => (ts.length ? ts.join(' and ') : 'nothing');

/** Picks the targets a receiver may use for a share, and says for each mode why it is or is not allowed. */
export function negotiate(shareTargets: readonly unknown[], receiverTargets: readonly unknown[]): Negotiation {
  const sender = [...new Set(shareTargets.filter(isTarget))];
  const receiver = [...new Set(receiverTargets.filter(isTarget))];
  const unknown = [...shareTargets, ...receiverTargets].filter((t) => !isTarget(t)).map((t) => String(t));
  const usable = WEBAPP_TARGETS.filter((t) => sender.includes(t) && receiver.includes(t));
  const notAdvertised = sender.filter((t) => !receiver.includes(t));
  const modes = LAB_MODES.map((mode): ModeVerdict => {
    const target = MODE_TARGET[mode].target;
    const allowed = usable.includes(target);
    const reason = allowed
      ? `allowed: both sides have target "${target}"`
      : !sender.includes(target)
        ? sender.length
          ? `outside the spec: the sender offered only ${list(sender)}`
          : 'outside the spec: the sender offered no target'
        : receiver.length
          ? `outside the spec: this receiver presents only ${list(receiver)}`
          : 'outside the spec: this receiver advertises no webapp-receive target';
    return { mode, target, allowed, reason };
  });
  const summary = usable.length
    ? `Usable targets: ${usable.join(', ')} (modes: ${modes
        .filter((m) => m.allowed)
        .map((m) => m.mode)
        .join(', ')}).`
    : 'No target in common: the receiver cannot present this web app share.';
  return { senderTargets: sender, receiverTargets: receiver, usable, unknown, notAdvertised, modes, summary };
}

/** A web app share as the lab needs it, read from a share notification's body. */
export interface WebappShare {
  uri: string;
  targets: string[];
  permissions: string[];
  requirements: string[];
  sharedSecret: string;
  appName?: string;
  appIconHint?: string;
  mediaTypes: string[];
  name: string;
  sender: string;
  /** ≤1.3 shape: uriTemplate or uri with viewMode, credentials carried in the URL. */
  historic?: { uriTemplate?: string; viewMode?: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The web app part of a share body, or why there is none. */
export function webappShareOf(doc: unknown): { ok: true; share: WebappShare } | { ok: false; error: string } {
  if (!isObject(doc) || !isObject(doc.protocol)) return { ok: false, error: 'This is not a share with a protocol.' };
  const w = doc.protocol.webapp;
  if (!isObject(w)) return { ok: false, error: 'This share offers no webapp protocol.' };
  const uri = str(w.uri) ?? str(w.uriTemplate) ?? '';
  const historic =
    w.viewMode !== undefined || w.uriTemplate !== undefined
      ? {
          ...(str(w.uriTemplate) ? { uriTemplate: str(w.uriTemplate) } : {}),
          ...(str(w.viewMode) ? { viewMode: str(w.viewMode) } : {}),
        }
      : undefined;
  return {
    ok: true,
    share: {
      uri,
      targets: strs(w.targets),
      permissions: strs(w.permissions),
      requirements: strs(w.requirements),
      sharedSecret: str(w.sharedSecret) ?? '',
      ...(str(w.appName) ? { appName: str(w.appName) } : {}),
      ...(str(w.appIconHint) ? { appIconHint: str(w.appIconHint) } : {}),
      mediaTypes: strs(w.mediaTypes),
      name: str(doc.name) ?? '(unnamed)',
      sender: str(doc.sender) ?? str(doc.owner) ?? '',
      ...(historic ? { historic } : {}),
    },
  };
}

// A host a Content-Security-Policy source names exactly: DNS labels (the URL parser has lowered and
// punycoded them), an IPv4 address, or a bracketed IPv6 address. The URL parser lets `*`, `;`, `'` and
// `,` through in hosts, and in a policy those widen it (`http://*`) or start another directive.
const EXACT_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/**
 * The one origin a page's policy may open to a web app: exactly `scheme://host[:port]` with scheme http(s)
 * and a plain host, nothing before or after it. The webapp lab's policy names only what passes here.
 */
export function exactAppOrigin(value: string): { ok: true; origin: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, error: `${JSON.stringify(value.slice(0, 80))} is not an origin (scheme://host[:port]).` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: `An app origin must be http or https, not ${url.protocol}` };
  if (!EXACT_HOST.test(url.hostname))
    return {
      ok: false,
      error: `The app host ${JSON.stringify(url.hostname.slice(0, 80))} is not one exact host name or address (no *, ; or quotes): the lab will not open its policy to it.`,
    };
  if (url.origin !== value)
    return {
      ok: false,
      error: `${JSON.stringify(value.slice(0, 80))} is not exactly an origin (scheme://host[:port]).`,
    };
  return { ok: true, origin: url.origin };
}

/** The app uri must be an absolute http(s) URL with a plain host, without credentials or a token in it. */
export function checkAppUri(uri: string): { ok: true; origin: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { ok: false, error: 'The app uri must be an absolute URL (https://…).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: `The app uri must be http or https, not ${url.protocol}` };
  const origin = exactAppOrigin(url.origin);
  if (!origin.ok) return origin;
  if (url.username || url.password) return { ok: false, error: 'The app uri carries credentials: refused.' };
  if (/(^|[?&#])(access_token|sharedSecret|token)=/i.test(url.search + url.hash))
    return {
      ok: false,
      error: 'The app uri carries a token in its query or fragment: tokens must not travel in URLs.',
    };
  return { ok: true, origin: url.origin };
}

/**
 * expired_session_redirect_uri: absolute, on the receiver (here: the console's own origin), no secrets in it.
 * The draft asks for https; plain http on loopback is reported, not refused.
 */
export function checkExpiredSessionRedirectUri(
  uri: string,
  receiverOrigin: string,
  secrets: readonly string[] = [],
): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(uri);
  } catch {
    return { ok: false, problems: ['expired_session_redirect_uri must be an absolute URL.'] };
  }
  if (url.origin !== receiverOrigin)
    problems.push(`expired_session_redirect_uri must be on the receiver (${receiverOrigin}).`);
  if (secrets.some((s) => s.length >= 4 && uri.includes(s)))
    problems.push('expired_session_redirect_uri contains a secret: it must not.');
  const ok = problems.length === 0;
  if (url.protocol !== 'https:') problems.push('Not https: the draft asks for an https URL (fine on loopback).');
  return { ok, problems };
}

/** The form fields the browser POSTs to the app, in order (application/x-www-form-urlencoded). */
export function webappFormFields(input: {
  accessToken: string;
  expiredSessionRedirectUri: string;
}): [name: string, value: string][] {
  return [
    ['access_token', input.accessToken],
    ['expired_session_redirect_uri', input.expiredSessionRedirectUri],
  ];
}

/** The same fields, as the body a browser sends (for showing, with the token masked by the caller). */
export function webappFormBody(fields: readonly [string, string][]): string {
  const params = new URLSearchParams();
  for (const [name, value] of fields) params.append(name, value);
  return params.toString();
}

/** Historic (≤1.3) web app access: the URL with the secret in it, which is why the group replaced it. */
export function historicAppUrl(uriOrTemplate: string, secret: string): string {
  if (uriOrTemplate.includes('{')) return uriOrTemplate.replace(/\{[^}]*\}/g, encodeURIComponent(secret));
  const url = new URL(uriOrTemplate);
  url.searchParams.set('sharedSecret', secret);
  return url.toString();
}

/** The sender's token endpoint from its discovery: tokenEndPoint, or {endPoint}/token as 1.2 servers had it. */
export function tokenEndpointOf(doc: unknown): string | undefined {
  if (!isObject(doc)) return undefined;
  if (typeof doc.tokenEndPoint === 'string') return doc.tokenEndPoint;
  return typeof doc.endPoint === 'string' ? `${doc.endPoint.replace(/\/+$/, '')}/token` : undefined;
}
