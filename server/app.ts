import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { resolve } from 'node:path';
import type { ServerConfig } from './config.ts';
import { allowedHostNames, hostCheck } from './guard/host-check.ts';
import { refuseMalformedPath } from './guard/path-encoding.ts';
import { sameOriginApi } from './guard/same-origin.ts';
import { consoleBodyCap, limitBodies } from './guard/body-limit.ts';
import { credentialOf, requireAccess, SessionStore } from './guard/access.ts';
import { RateLimiter, rateLimitOutbound } from './guard/rate-limit.ts';
import { GuessLimit } from './guard/guess-limit.ts';
import { sessionRoutes } from './routes/session.ts';
import type { DemoMesh } from './demo-mesh/index.ts';
import { discoveryDocument } from './demo-mesh/discovery.ts';
import { KeyStore } from './identity/key-store.ts';
import { createInbox } from './inbox/index.ts';
import type { InboxDeps } from './inbox/receive.ts';
import { createOutboundClient, type OutboundClient } from './outbound/http-client.ts';
import { readExtraCa } from './tls.ts';
import { demoRoutes } from './routes/demo.ts';
import { checkRoutes } from './routes/check.ts';
import { discoverRoutes } from './routes/discover.ts';
import { relayRoutes, type Relayed } from './routes/relay.ts';
import { noteRelayed } from './inbox/sent-shares.ts';
import { ShareStore } from './sharing/share-store.ts';
import { shareRoutes } from './routes/shares.ts';
import { InviteStore } from './invites/invite-store.ts';
import { acceptInviteWith } from './invites/accept.ts';
import { inviteRoutes } from './routes/invites.ts';
import { interopRoutes } from './routes/interop.ts';
import { exchangeCodeWith } from './sharing/exchange-code.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { identityRoutes } from './routes/identity.ts';
import { inboundRoutes } from './routes/inbound.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { keyRoutes } from './routes/keys.ts';
import { cachedFetchJson, verifyInbound } from './signer/verify-inbound.ts';
import { nodeSignatureEngine } from './signer/node-engine.ts';
import { installSignatureEngine } from '../src/signing/index.ts';

/** Path prefixes the server answers; everything else belongs to the SPA (or Vite in dev). */
export const SERVER_PATH_PREFIXES = [
  '/api/',
  '/ocm/',
  '/ocm-provider',
  '/.well-known/',
  '/wayf',
  '/apps/open/',
] as const;

export function isServerPath(path: string): boolean {
  return SERVER_PATH_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p));
}

export interface AppContext {
  config: ServerConfig;
  startedAt: Date;
  /** The inbox to use; by default one persisted in the config's data folder. */
  inbox?: InboxDeps;
  /** The embedded demo peers, when started. */
  demo?: DemoMesh;
  /** The console's signing keys; by default the store in the config's data folder. */
  keys?: Promise<KeyStore>;
  /** The shares the console sends; by default the store in the config's data folder. */
  shares?: ShareStore;
  /** The invites the console creates; by default the store in the config's data folder. */
  invites?: InviteStore;
  /** The server's outbound HTTP client; by default one built from the config's guard and limits. */
  outbound?: OutboundClient;
  /** false keeps the default inbox and keys in memory (tests); the data folder is not touched. */
  persist?: boolean;
}

/** The host part of the console's key ids: a hint receivers may use to find its discovery. */
export function kidPrefixFor(config: ServerConfig): string {
  return config.publicUrl ? new URL(config.publicUrl).host : `127.0.0.1:${config.port}`;
}

/** The console's base URL as peers see it: --public-url, else the origin the request came to. */
export function baseUrlFor(config: ServerConfig, requestUrl: string): string {
  return (config.publicUrl ?? new URL(requestUrl).origin).replace(/\/+$/, '');
}

/** Routes that make the server call other servers: rate-limited on a public instance. */
function isOutbound(method: string, path: string): boolean {
  return (
    (method === 'POST' &&
      (path === '/api/relay' || path === '/api/check' || path === '/api/shares' || path === '/api/interop')) ||
    (method === 'GET' && path === '/api/discover') ||
    (method === 'POST' && /^\/api\/demo\/[^/]+\/send$/.test(path))
  );
}

/**
 * Access control. A local console needs no sign-in (it binds loopback and refuses other sites). A
 * public one answers its API only to the holder of its access token (bearer, or the session cookie
 * a browser gets by signing in) and limits the outbound work each user and address can ask for.
 */
function guardPublicApi(app: Hono, config: ServerConfig, bodies: MiddlewareHandler): CredentialWatch {
  const token = config.public ? config.accessToken : undefined;
  if (config.public && !token) throw new Error('A public console needs an access token (--access-token).');
  const sessions = new SessionStore();
  // Ten wrong tokens a minute per address, whether typed at sign-in or sent as a bearer token.
  const guesses = new GuessLimit(new RateLimiter(10));
  if (token) {
    app.use('/api/*', requireAccess(token, sessions, guesses));
    const limit = rateLimitOutbound(new RateLimiter(config.rateLimit));
    app.use('/api/*', (c, next) => (isOutbound(c.req.method, c.req.path) ? limit(c, next) : next()));
    // The WAYF page is open to visitors with an invite link and reads the provider they name: limited too.
    app.use('/wayf', (c, next) => (c.req.query('provider') ? limit(c, next) : next()));
  }
  // After the credential check (a caller without one is not read at all), before any route reads a body.
  app.use('*', bodies);
  const publicUrl = config.publicUrl ? new URL(config.publicUrl) : undefined;
  const secure = (requestUrl: string) => {
    const url = new URL(requestUrl);
    return url.protocol === 'https:' || (publicUrl?.protocol === 'https:' && publicUrl.host === url.host);
  };
  app.route('/', sessionRoutes({ token, sessions, guesses, secure }));
  return (c, ended) => {
    const credential = token ? credentialOf(c, token, sessions) : undefined;
    return credential?.kind === 'session' ? sessions.watch(credential.id, ended) : () => undefined;
  };
}

/** Watches the credential a long request came with; see eventRoutes. */
type CredentialWatch = (c: Context, ended: () => void) => () => void;

/**
 * How the inbox checks a signature: the sender's discovery and JWKS are fetched through the guarded
 * client, so in public mode a peer cannot make this server call private addresses by naming them in a
 * keyid. Kept for a few seconds, as receivers do, so a burst of calls from one peer does not refetch its
 * keys each time.
 */
function verifyWith(outbound: OutboundClient, config: ServerConfig): NonNullable<InboxDeps['verify']> {
  const fetchKeys = cachedFetchJson((url) => outbound.fetchJson(url), 10_000);
  return (raw, doc) =>
    verifyInbound(
      { method: raw.method, url: `${baseUrlFor(config, raw.url)}${raw.target}`, headers: raw.headers, body: raw.bytes },
      fetchKeys,
      { doc, maxAgeSeconds: config.signatureMaxAge },
    );
}

/**
 * Builds the one Hono app behind every mode: mounted in `vite dev`/`vite preview` by the plugin,
 * and served standalone (with the built SPA) by server/index.ts. Tests call `app.request()` on it.
 */
export function createApp(ctx: AppContext): Hono {
  // The server signs and verifies with Node's synchronous crypto (same results, several times faster).
  installSignatureEngine(nodeSignatureEngine);
  const app = new Hono();
  const hosts = allowedHostNames(ctx.config.publicUrl, ctx.config.allowedHosts);
  app.use('*', hostCheck(hosts));
  app.use('*', refuseMalformedPath());
  app.use('/api/*', sameOriginApi(ctx.config.publicUrl));
  const watchCredential = guardPublicApi(app, ctx.config, limitBodies(consoleBodyCap(ctx.config.relayMaxRequestBytes)));
  app.route('/', healthRoutes({ startedAt: ctx.startedAt, mode: ctx.config.public ? 'public' : 'local' }));
  const persist = ctx.persist !== false;
  const keys =
    ctx.keys ??
    KeyStore.open(persist ? resolve(ctx.config.dataDir) : undefined, { kidPrefix: kidPrefixFor(ctx.config) });
  // Surface a broken key file at start-up rather than on the first request.
  keys.catch(() => undefined);
  const baseUrl = (url: string) => baseUrlFor(ctx.config, url);
  app.route('/', identityRoutes(keys, baseUrl));
  // A public instance never hands out a private key, whoever asks.
  app.route('/', keyRoutes(keys, { exportPrivate: !ctx.config.public }));
  const { config } = ctx;
  const outbound =
    ctx.outbound ??
    createOutboundClient(
      { publicMode: config.public, allowHosts: config.relayAllow },
      {
        requestBytes: config.relayMaxRequestBytes,
        responseBytes: config.relayMaxResponseBytes,
        connectMs: config.relayConnectTimeoutMs,
        totalMs: config.relayTimeoutMs,
      },
      undefined,
      { extraCa: readExtraCa(config.extraCa) },
    );
  const shares = ctx.shares ?? new ShareStore(persist ? resolve(config.dataDir) : undefined);
  // The inbox given (tests) is completed, never changed: the app works on its own copy.
  const given = ctx.inbox ?? createInbox(ctx.config, { persist });
  // SHARE_ACCEPTED / SHARE_DECLINED about a share the console sent name it by its id.
  const shareLinks = given.shareLinks ? { sentShare: (id: string) => shares.get(id), ...given.shareLinks } : undefined;
  // A share sent by hand through the relay is tracked, so what its receiver says about it is linked.
  const onRelayed = shareLinks ? (relayed: Relayed) => void noteRelayed(shareLinks, relayed) : undefined;
  app.route('/', relayRoutes(outbound, keys, baseUrl, config.relayMaxRequestBytes, onRelayed));
  app.route('/', discoverRoutes(outbound));
  app.route('/', checkRoutes({ client: outbound, keys, consoleBase: baseUrl }));
  app.route('/', shareRoutes({ outbound, keys, shares, consoleBase: baseUrl, ...(shareLinks ? { shareLinks } : {}) }));
  const invites = ctx.invites ?? new InviteStore(persist ? resolve(config.dataDir) : undefined);
  const emailDomain = config.publicUrl ? new URL(config.publicUrl).hostname : 'localhost';
  const inbox: InboxDeps = {
    ...given,
    exchangeCode: given.exchangeCode ?? exchangeCodeWith(shares),
    acceptInvite: given.acceptInvite ?? acceptInviteWith(invites, emailDomain),
    verify: given.verify ?? verifyWith(outbound, config),
    ...(shareLinks ? { shareLinks } : {}),
  };
  app.route(
    '/',
    inviteRoutes({
      invites,
      users: config.recipients,
      outbound,
      consoleBase: baseUrl,
      providers: () =>
        (ctx.demo?.peers ?? []).map(({ state }) => ({
          name: `${state.spec.name} (demo)`,
          target: state.origin,
          ...(typeof discoveryDocument(state).inviteAcceptDialog === 'string'
            ? {}
            : { unable: 'its discovery publishes no inviteAcceptDialog' }),
        })),
    }),
  );
  app.route(
    '/',
    interopRoutes({
      client: outbound,
      keys,
      shares,
      inbox: inbox.store,
      user: config.recipients[0] ?? 'alice',
      consoleBase: baseUrl,
    }),
  );
  app.route('/', inboundRoutes(inbox));
  app.route('/', inboxRoutes(inbox, baseUrl));
  app.route('/', eventRoutes(inbox.store, inbox.bus, { watchCredential }));
  app.route('/', demoRoutes(ctx.demo));
  app.all('/api/*', (c) => c.json({ error: 'not-found', message: `No API route ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
