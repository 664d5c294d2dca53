/**
 * Hierarchical query keys: invalidating a prefix refreshes everything under it. Every key the console uses
 * is made here, so a feature never spells one out.
 */
export const queryKeys = {
  all: ['ocm-explorer'] as const,
  health: () => [...queryKeys.all, 'health'] as const,
  session: () => [...queryKeys.all, 'session'] as const,
  demo: () => [...queryKeys.all, 'demo'] as const,
  /** What one demo peer received. */
  demoReceived: (peer: string) => [...queryKeys.demo(), 'received', peer] as const,
  keys: () => [...queryKeys.all, 'keys'] as const,
  history: () => [...queryKeys.all, 'history'] as const,
  discovery: {
    all: () => [...queryKeys.all, 'discovery'] as const,
    /** One server's discovery, as fetched with these options. */
    target: (target: string, options: { ua?: string; scheme?: string }) =>
      [...queryKeys.discovery.all(), 'target', target, options] as const,
    /** A JWK Set named by a discovery document's jwksUri. */
    jwks: (uri: string | undefined) => [...queryKeys.discovery.all(), 'jwks', uri] as const,
  },
  invites: {
    all: () => [...queryKeys.all, 'invites'] as const,
    /** The invites the console created (as Invite Sender). */
    list: () => [...queryKeys.invites.all(), 'list'] as const,
    /** An invite sender's discovery, read on the Invites page before accepting. */
    provider: (domain: string) => [...queryKeys.invites.all(), 'provider', domain] as const,
  },
  inbox: {
    all: () => [...queryKeys.all, 'inbox'] as const,
    records: () => [...queryKeys.inbox.all(), 'records'] as const,
    info: () => [...queryKeys.inbox.all(), 'info'] as const,
    /** One read of the list outside the live stream (the Token page's received shares). */
    snapshot: () => [...queryKeys.inbox.all(), 'snapshot'] as const,
    /** What the console answered to received shares (accept, decline), by record id. */
    replies: () => [...queryKeys.inbox.all(), 'replies'] as const,
    /** The server's share states (received shares, share requests, sent shares) with their linked notifications. */
    shares: () => [...queryKeys.inbox.all(), 'shares'] as const,
    /** One received message, by id. */
    record: (id: string) => [...queryKeys.inbox.all(), 'record', id] as const,
  },
  webapp: {
    all: () => [...queryKeys.all, 'webapp'] as const,
    /** This console's own webapp-receive targets, from its discovery. */
    ownTargets: () => [...queryKeys.webapp.all(), 'own-targets'] as const,
    /** An app URL's response headers (the lab's diagnostics), fetched without a token. */
    appHeaders: (uri: string) => [...queryKeys.webapp.all(), 'app-headers', uri] as const,
  },
};
