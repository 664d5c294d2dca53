/**
 * Typed routes: the only way features link to each other (features never import each other).
 */
export interface JobRoute {
  id: JobId;
  label: string;
  path: string;
  /** One line: what a user comes to this page for. */
  summary: string;
}

export type JobId =
  'discover' | 'compose' | 'inbox' | 'token' | 'webapp' | 'invites' | 'history' | 'keys' | 'check' | 'interop';

/**
 * A recorded request handed to Compose to edit and send again (History's "Edit and resend"), as router
 * state: method, URL, headers (without the ones the relay and the signer set), body and signing choice.
 */
export interface ComposeResend {
  method: string;
  url: string;
  headers: [string, string][];
  body?: { encoding: 'utf8' | 'base64'; data: string };
  sign: 'ocm' | 'cavage' | 'none';
  /** The OCM message kind, when the recorded exchange was one. */
  kind?: string;
}

/**
 * A share Compose starts from, carried in the URL: the Inbox's "Share it" answers a request for a share with a
 * share to the requester, of the resource asked for.
 */
export interface ComposeShareFill {
  /** The receiver's OCM address (the share's shareWith). */
  to: string;
  name: string;
  permissions: Array<'read' | 'write' | 'share'>;
  /** The console user who shares. */
  from?: string;
  /** The inbox record of the request being answered. */
  request?: string;
  /** What the request asks for: the file (webdav, the default) or the console's web app for it. */
  protocol?: 'webdav' | 'webapp';
}

const PERMISSIONS = ['read', 'write', 'share'] as const;

/** Reads what paths.compose() wrote; undefined when the URL asks for no share. */
export function readComposeFill(params: URLSearchParams): ComposeShareFill | undefined {
  const to = params.get('to');
  if (params.get('kind') !== 'share' || !to) return undefined;
  const asked = (params.get('permissions') ?? '').split(',');
  const permissions = PERMISSIONS.filter((p) => asked.includes(p));
  return {
    to,
    name: params.get('name') || 'shared.txt',
    permissions: permissions.length ? permissions : ['read'],
    ...(params.get('from') ? { from: params.get('from')! } : {}),
    ...(params.get('request') ? { request: params.get('request')! } : {}),
    ...(params.get('protocol') === 'webapp' ? { protocol: 'webapp' as const } : {}),
  };
}

export const paths = {
  home: '/',
  discover: (target?: string) => (target ? `/discover/${encodeURIComponent(target)}` : '/discover'),
  /** Compose; with a share to fill in (the Inbox's answer to a request for a share). */
  compose: (fill?: ComposeShareFill) => {
    if (!fill) return '/compose';
    const query = new URLSearchParams({ kind: 'share', to: fill.to, name: fill.name });
    query.set('permissions', fill.permissions.join(','));
    if (fill.from) query.set('from', fill.from);
    if (fill.request) query.set('request', fill.request);
    if (fill.protocol === 'webapp') query.set('protocol', 'webapp');
    return `/compose?${query.toString()}`;
  },
  /** The Inbox; with a record id, that record selected. */
  inbox: (id?: string) => (id ? `/inbox?id=${encodeURIComponent(id)}` : '/inbox'),
  /** The Token page; with a received share's inbox record id, its code flow filled in from that share. */
  token: (share?: string) => (share ? `/token?share=${encodeURIComponent(share)}` : '/token'),
  /** The webapp lab, for a received share (inbox record id) or for fields typed by hand. */
  webapp: (recordId?: string) => (recordId ? `/webapp/${encodeURIComponent(recordId)}` : '/webapp'),
  /** Where a web app sends the browser when its session ended (expired_session_redirect_uri). */
  webappEnded: (recordId?: string) => `/webapp/${encodeURIComponent(recordId ?? 'manual')}/ended`,
  invites: () => '/invites',
  history: () => '/history',
  keys: () => '/keys',
  check: (target?: string) => (target ? `/check/${encodeURIComponent(target)}` : '/check'),
  interop: (target?: string) => (target ? `/interop/${encodeURIComponent(target)}` : '/interop'),
} as const;

export const JOB_ROUTES: readonly JobRoute[] = [
  {
    id: 'discover',
    label: 'Discover',
    path: paths.discover(),
    summary: "Fetch a server's OCM discovery document and learn what is wrong with it.",
  },
  {
    id: 'compose',
    label: 'Compose',
    path: paths.compose(),
    summary: 'Craft, sign and send shares, notifications, invite acceptances and share requests.',
  },
  {
    id: 'inbox',
    label: 'Inbox',
    path: paths.inbox(),
    summary: 'See what other servers send to this console, and whether it verifies.',
  },
  {
    id: 'token',
    label: 'Token',
    path: paths.token(),
    summary: 'Replay a code-to-token exchange and check that the token opens the resource.',
  },
  {
    id: 'webapp',
    label: 'Webapp',
    path: paths.webapp(),
    summary: 'Demo webapp embedding: iframe, popup and redirect with a form-POSTed token.',
  },
  { id: 'invites', label: 'Invites', path: paths.invites(), summary: 'Create, decode and accept OCM invites.' },
  {
    id: 'history',
    label: 'History',
    path: paths.history(),
    summary: 'Every exchange sent from this console, exactly as it went over the wire.',
  },
  {
    id: 'keys',
    label: 'Keys',
    path: paths.keys(),
    summary: "The console's signing keys, and keys you import to sign or verify with.",
  },
  {
    id: 'check',
    label: 'Check',
    path: paths.check(),
    summary: 'A graded report of one OCM server: discovery, keys, signatures, validation.',
  },
  {
    id: 'interop',
    label: 'Interop',
    path: paths.interop(),
    summary: 'Run the flows with one peer (share, code, invites both ways) and export what worked and what deviated.',
  },
];

export function jobRoute(id: JobId): JobRoute {
  const job = JOB_ROUTES.find((j) => j.id === id);
  if (!job) throw new Error(`unknown job ${id}`);
  return job;
}
