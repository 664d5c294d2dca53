import { z } from 'zod';
import { ArgumentError, commaList, parseArgv, TRUE_WORDS } from './args.ts';
import { weakTokenReason } from './guard/token-strength.ts';

/**
 * Server options, from command-line flags first, then environment variables, then defaults.
 * Everything is validated here once; the rest of the server trusts the typed result.
 */
export const serverConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  dataDir: z.string().min(1).default('.ocm-explorer'),
  /** The base URL other OCM servers use to reach this console (tunnel, reverse proxy). */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Public mode: the relay refuses private and loopback targets, and the API needs the access token. */
  public: z.boolean().default(false),
  /** The token a public instance asks for (made at start when not given). */
  accessToken: z
    .string()
    .superRefine((token, ctx) => {
      const weak = weakTokenReason(token);
      if (weak) ctx.addIssue({ code: 'custom', message: weak });
    })
    .optional(),
  /** Public mode: outbound requests (relay, discovery, check, sharing) a minute, per user and per address. */
  rateLimit: z.coerce.number().int().positive().default(60),
  /** Extra host names accepted in the Host header (besides loopback names and the public URL's host). */
  allowedHosts: z.array(z.string().min(1)).default([]),
  /** Local users that can receive OCM shares at this console (alice@<console host>…). */
  recipients: z
    .array(z.string().regex(/^[^\s@/]+$/, 'a user name, without @ or spaces'))
    .min(1)
    .default(['alice', 'bob']),
  /** Largest body the inbox keeps from one received call. */
  maxInboundBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /**
   * Calls to /ocm/* a minute, per client address and per verified signer domain (a burst of as many, then
   * that pace); past it the answer is 429 with Retry-After. Default 60 on a public console, 600 on a local one.
   */
  inboundRateLimit: z.coerce.number().int().positive().optional(),
  /**
   * How old a received signature may be, in seconds (RFC 9421 created, draft-cavage Date): older is refused,
   * as deployed receivers refuse it. Default 300, Nextcloud's window.
   */
  signatureMaxAge: z.coerce.number().int().positive().default(300),
  /** Bytes of received records the inbox keeps in all (memory and inbox.jsonl), newest of each peer first. */
  inboxMaxBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024 * 1024),
  /** Bytes of received records the inbox keeps from one peer (address, or verified signer domain). */
  inboxPeerMaxBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 1024 * 1024),
  /** Host names the relay may reach in public mode even when they resolve to private addresses. */
  relayAllow: z.array(z.string().min(1)).default([]),
  /** Relay limits: request body, response body (then truncated), connect and total time. */
  relayMaxRequestBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  relayMaxResponseBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  relayConnectTimeoutMs: z.coerce.number().int().positive().default(5_000),
  relayTimeoutMs: z.coerce.number().int().positive().default(20_000),
  /** Start the embedded demo mesh (two OCM peers on loopback). */
  demo: z.boolean().default(true),
  /** Where the built SPA lives (standalone mode only). */
  staticDir: z.string().default('dist'),
  /** Serve https: with a self-signed certificate kept in the data folder, or the one given below. */
  tls: z.boolean().default(false),
  /** A certificate and its key (PEM files) to serve https with; giving them turns https on. */
  tlsCert: z.string().min(1).optional(),
  tlsKey: z.string().min(1).optional(),
  /** CA or certificate files the console trusts for its outbound https calls, beside the system's. */
  extraCa: z.array(z.string().min(1)).default([]),
});

export type ServerConfig = z.infer<typeof serverConfigSchema>;

/** Whether the console serves https (asked for, or implied by a given certificate). */
/** Calls to /ocm/* a minute per address and per signer domain: as configured, else by mode. */
export const inboundRateLimitOf = (config: ServerConfig): number =>
  config.inboundRateLimit ?? (config.public ? 60 : 600);

export const servesTls = (config: ServerConfig): boolean => config.tls || !!config.tlsCert || !!config.tlsKey;

/** Rules between options, each naming the flag to change. */
function checkCombination(config: ServerConfig): string | undefined {
  if (!!config.tlsCert !== !!config.tlsKey) return '--tls-cert and --tls-key go together: give both';
  if (servesTls(config) && config.publicUrl && new URL(config.publicUrl).protocol !== 'https:')
    return `--public-url ${config.publicUrl} is http, but the console serves https (--tls): use https://`;
  return undefined;
}

export class ConfigError extends Error {}

interface FlagSpec {
  key: keyof ServerConfig;
  env: string;
  kind: 'string' | 'boolean' | 'list';
  /** A `--no-x` flag: present means false. */
  negated?: boolean;
}

const FLAGS: Record<string, FlagSpec> = {
  '--host': { key: 'host', env: 'OCM_EXPLORER_HOST', kind: 'string' },
  '--port': { key: 'port', env: 'OCM_EXPLORER_PORT', kind: 'string' },
  '--data-dir': { key: 'dataDir', env: 'OCM_EXPLORER_DATA_DIR', kind: 'string' },
  '--public-url': { key: 'publicUrl', env: 'OCM_EXPLORER_PUBLIC_URL', kind: 'string' },
  '--public': { key: 'public', env: 'OCM_EXPLORER_PUBLIC', kind: 'boolean' },
  '--access-token': { key: 'accessToken', env: 'OCM_EXPLORER_ACCESS_TOKEN', kind: 'string' },
  '--rate-limit': { key: 'rateLimit', env: 'OCM_EXPLORER_RATE_LIMIT', kind: 'string' },
  '--allowed-host': { key: 'allowedHosts', env: 'OCM_EXPLORER_ALLOWED_HOSTS', kind: 'list' },
  '--static-dir': { key: 'staticDir', env: 'OCM_EXPLORER_STATIC_DIR', kind: 'string' },
  '--recipient': { key: 'recipients', env: 'OCM_EXPLORER_RECIPIENTS', kind: 'list' },
  '--no-demo': { key: 'demo', env: 'OCM_EXPLORER_DEMO', kind: 'boolean', negated: true },
  '--relay-allow': { key: 'relayAllow', env: 'OCM_EXPLORER_RELAY_ALLOW', kind: 'list' },
  '--relay-max-request-bytes': {
    key: 'relayMaxRequestBytes',
    env: 'OCM_EXPLORER_RELAY_MAX_REQUEST_BYTES',
    kind: 'string',
  },
  '--relay-max-response-bytes': {
    key: 'relayMaxResponseBytes',
    env: 'OCM_EXPLORER_RELAY_MAX_RESPONSE_BYTES',
    kind: 'string',
  },
  '--relay-connect-timeout-ms': {
    key: 'relayConnectTimeoutMs',
    env: 'OCM_EXPLORER_RELAY_CONNECT_TIMEOUT_MS',
    kind: 'string',
  },
  '--relay-timeout-ms': { key: 'relayTimeoutMs', env: 'OCM_EXPLORER_RELAY_TIMEOUT_MS', kind: 'string' },
  '--max-inbound-bytes': { key: 'maxInboundBytes', env: 'OCM_EXPLORER_MAX_INBOUND_BYTES', kind: 'string' },
  '--inbound-rate-limit': { key: 'inboundRateLimit', env: 'OCM_EXPLORER_INBOUND_RATE_LIMIT', kind: 'string' },
  '--signature-max-age': { key: 'signatureMaxAge', env: 'OCM_EXPLORER_SIGNATURE_MAX_AGE', kind: 'string' },
  '--inbox-max-bytes': { key: 'inboxMaxBytes', env: 'OCM_EXPLORER_INBOX_MAX_BYTES', kind: 'string' },
  '--inbox-peer-max-bytes': { key: 'inboxPeerMaxBytes', env: 'OCM_EXPLORER_INBOX_PEER_MAX_BYTES', kind: 'string' },
  '--tls': { key: 'tls', env: 'OCM_EXPLORER_TLS', kind: 'boolean' },
  '--tls-cert': { key: 'tlsCert', env: 'OCM_EXPLORER_TLS_CERT', kind: 'string' },
  '--tls-key': { key: 'tlsKey', env: 'OCM_EXPLORER_TLS_KEY', kind: 'string' },
  '--extra-ca': { key: 'extraCa', env: 'OCM_EXPLORER_EXTRA_CA', kind: 'list' },
};

export const CONFIG_HELP = `Options (flag, or environment variable):
  --host HOST             OCM_EXPLORER_HOST          interface to bind (default 127.0.0.1)
  --port PORT             OCM_EXPLORER_PORT          port (default 8080; 0 picks a free one)
  --data-dir DIR          OCM_EXPLORER_DATA_DIR      keys and received messages (default ./.ocm-explorer)
  --public-url URL        OCM_EXPLORER_PUBLIC_URL    base URL other servers use to reach this console
  --public                OCM_EXPLORER_PUBLIC=1      public mode: refuse private and loopback relay targets, require the access token
  --access-token TOKEN    OCM_EXPLORER_ACCESS_TOKEN  public mode: the token to sign in with (default: made at start, printed once)
  --rate-limit N          OCM_EXPLORER_RATE_LIMIT    public mode: outbound requests a minute per user and per address (default 60)
  --allowed-host NAME     OCM_EXPLORER_ALLOWED_HOSTS extra Host header names to accept (repeat, or comma list)
  --static-dir DIR        OCM_EXPLORER_STATIC_DIR    built console to serve (default ./dist)
  --recipient NAME        OCM_EXPLORER_RECIPIENTS    local users that can receive shares (repeat; default alice, bob)
  --max-inbound-bytes N   OCM_EXPLORER_MAX_INBOUND_BYTES  largest received body kept (default 1048576)
  --inbound-rate-limit N  OCM_EXPLORER_INBOUND_RATE_LIMIT /ocm/* calls a minute per address and per signer
                          (default 60; 600 when not --public)
  --signature-max-age S   OCM_EXPLORER_SIGNATURE_MAX_AGE  oldest received signature accepted, seconds (default 300)
  --inbox-max-bytes N     OCM_EXPLORER_INBOX_MAX_BYTES    received records kept in all (default 67108864)
  --inbox-peer-max-bytes N  OCM_EXPLORER_INBOX_PEER_MAX_BYTES  received records kept per peer (default 8388608)
  --no-demo               OCM_EXPLORER_DEMO=0        do not start the embedded demo mesh
  --tls                   OCM_EXPLORER_TLS=1         serve https, with a self-signed certificate made once and kept in <data-dir>/tls
  --tls-cert FILE         OCM_EXPLORER_TLS_CERT      serve https with this certificate (PEM; with --tls-key)
  --tls-key FILE          OCM_EXPLORER_TLS_KEY       the certificate's private key (PEM)
  --extra-ca FILE         OCM_EXPLORER_EXTRA_CA      also trust this CA/certificate for outbound https (repeat; NODE_EXTRA_CA_CERTS works too)
  --relay-allow NAME      OCM_EXPLORER_RELAY_ALLOW   in public mode, a host the relay may reach even if private (repeat)
  --relay-max-request-bytes N   (default 1048576)    --relay-max-response-bytes N   (default 10485760, then truncated)
  --relay-connect-timeout-ms N  (default 5000)       --relay-timeout-ms N           (default 20000)
                          (each also as OCM_EXPLORER_RELAY_MAX_REQUEST_BYTES, …_MAX_RESPONSE_BYTES, …_CONNECT_TIMEOUT_MS, …_TIMEOUT_MS)`;

/** Parses flags and environment into a validated config; throws ConfigError naming the bad option. */
export function parseServerConfig(argv: readonly string[], env: Record<string, string | undefined>): ServerConfig {
  const raw: Record<string, unknown> = {};
  for (const spec of Object.values(FLAGS)) {
    const value = env[spec.env];
    if (value === undefined || value === '') continue;
    if (spec.kind === 'boolean') raw[spec.key] = TRUE_WORDS.test(value);
    else if (spec.kind === 'list') raw[spec.key] = commaList(value);
    else raw[spec.key] = value;
  }
  let args;
  try {
    args = parseArgv(
      argv,
      Object.fromEntries(
        Object.entries(FLAGS).map(([name, spec]) => [name, spec.kind === 'string' ? 'value' : spec.kind]),
      ),
      {
        messages: {
          unknown: (name) => `unknown option ${name}\n\n${CONFIG_HELP}`,
          needsValue: (name) => `option ${name} needs a value`,
        },
      },
    );
  } catch (err) {
    if (err instanceof ArgumentError) throw new ConfigError(err.message);
    throw err;
  }
  const fromFlags: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(FLAGS)) {
    const on = args.flags.get(name);
    if (on !== undefined) fromFlags[spec.key] = spec.negated ? !on : on;
    if (args.values.has(name)) fromFlags[spec.key] = args.values.get(name);
    if (args.lists.has(name)) fromFlags[spec.key] = args.lists.get(name);
  }
  const parsed = serverConfigSchema.safeParse({ ...raw, ...fromFlags });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const flag = Object.entries(FLAGS).find(([, s]) => s.key === key)?.[0] ?? key;
    throw new ConfigError(`invalid value for ${flag}: ${issue.message}`);
  }
  const conflict = checkCombination(parsed.data);
  if (conflict) throw new ConfigError(conflict);
  return parsed.data;
}

/** Defaults only: what tests and the Vite plugin use unless they say otherwise. */
export function defaultServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return serverConfigSchema.parse(overrides);
}
