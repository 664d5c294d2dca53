import * as z from 'zod/mini';
import { findingSchema } from './finding.ts';
import { headerPairsSchema, storedBodySchema } from './inbound.ts';

/**
 * One HTTP exchange made by the console's server on the browser's behalf: the request exactly as it
 * went over the wire (every header, the signature included), the response, how long each phase took,
 * and what was signed. A remote 4xx/5xx is an ordinary exchange.
 */
export const timingSchema = z.object({
  /** Milliseconds; null when the phase did not happen (an IP literal needs no DNS, http no TLS) or was not measured. */
  dns: z.nullable(z.number()),
  connect: z.nullable(z.number()),
  tls: z.nullable(z.number()),
  firstByte: z.nullable(z.number()),
  total: z.number(),
});
export type Timing = z.infer<typeof timingSchema>;

/**
 * Deliberate faults the relay can put into a signature, for negative tests of a receiver: a
 * Content-Digest (or Digest) that does not match the body, a `created` an hour old, a keyid the console
 * never published, a key that is not the published one (under the published keyid), or no `tag="ocm"`.
 */
export const RELAY_FAULTS = ['wrong-digest', 'stale-created', 'unknown-keyid', 'unpublished-key', 'no-tag'] as const;
export const relayFaultSchema = z.enum(RELAY_FAULTS);
export type RelayFault = z.infer<typeof relayFaultSchema>;

export const signingRecordSchema = z.object({
  profile: z.enum(['rfc9421', 'cavage']),
  keyid: z.string(),
  alg: z.optional(z.string()),
  label: z.optional(z.string()),
  /** The exact text that was signed (RFC 9421 signature base, or the cavage signing string). */
  signatureBase: z.string(),
  /** The headers the signer added, in order. */
  added: headerPairsSchema,
  /** A named non-standard variant the receiver expects (e.g. the OCM-stub's draft-cavage). */
  variant: z.optional(z.string()),
  /** The deliberate fault this signature carries, when one was asked for. */
  fault: z.optional(relayFaultSchema),
});
export type SigningRecord = z.infer<typeof signingRecordSchema>;

export const exchangeSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: headerPairsSchema,
    body: z.optional(storedBodySchema),
  }),
  response: z.object({
    status: z.number(),
    statusText: z.string(),
    headers: headerPairsSchema,
    body: storedBodySchema,
    /** True when the body was gzip/deflate/br encoded on the wire and is shown decoded. */
    decoded: z.optional(z.string()),
  }),
  timing: timingSchema,
  signing: z.nullable(signingRecordSchema),
  /** The user accepted an invalid TLS certificate for this request (lab servers). */
  insecureTls: z.boolean(),
  /** Things the relay did or noticed that the user should know (headers dropped, redirect not followed…). */
  notes: z.array(z.string()),
});
export type Exchange = z.infer<typeof exchangeSchema>;

const failureBase = { message: z.string() };

/** Transport problems: no HTTP answer came back. A closed set, each explained by explainRelayFailure. */
export const relayFailureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('blocked'), reason: z.string(), address: z.optional(z.string()), ...failureBase }),
  z.object({ kind: z.literal('dns'), host: z.string(), code: z.string(), ...failureBase }),
  z.object({ kind: z.literal('refused'), address: z.string(), ...failureBase }),
  z.object({ kind: z.literal('tls'), code: z.string(), detail: z.optional(z.string()), ...failureBase }),
  z.object({
    kind: z.literal('timeout'),
    phase: z.enum(['connect', 'headers', 'body', 'total']),
    afterMs: z.number(),
    ...failureBase,
  }),
  z.object({ kind: z.literal('too-large'), which: z.enum(['request', 'response']), limit: z.number(), ...failureBase }),
  z.object({ kind: z.literal('bad-request'), field: z.string(), ...failureBase }),
  z.object({ kind: z.literal('network'), code: z.string(), ...failureBase }),
  z.object({ kind: z.literal('rate-limited'), retryAfterSeconds: z.number(), ...failureBase }),
]);
export type RelayFailure = z.infer<typeof relayFailureSchema>;

/** What to tell a user about a failure: a title and what to try. Exhaustive over the kinds. */
export function explainRelayFailure(failure: RelayFailure): { title: string; advice: string } {
  switch (failure.kind) {
    case 'blocked':
      return {
        title: 'Blocked by the console',
        advice:
          'This console runs in public mode and does not reach private, loopback or link-local addresses. Run your own console locally to test lab servers.',
      };
    case 'dns':
      return {
        title: `The name ${failure.host} does not resolve`,
        advice:
          'Check the spelling, or whether the host is only known inside another network (VPN, /etc/hosts on another machine).',
      };
    case 'refused':
      return {
        title: 'Connection refused',
        advice: `Nothing listens at ${failure.address}. Check the port, and that the server is running.`,
      };
    case 'tls':
      return {
        title: 'TLS handshake failed',
        advice:
          'The certificate is not trusted for this name (self-signed, expired, wrong host). For a lab server you can accept it for one request (it will be marked on the exchange), or start the console with --extra-ca <its CA file> to trust it for good.',
      };
    case 'timeout':
      return {
        title: `Timed out while waiting for ${failure.phase === 'total' ? 'the whole exchange' : failure.phase}`,
        advice:
          'The server is slow or unreachable (a firewall that drops packets looks like this). Try again, or raise the timeout.',
      };
    case 'too-large':
      return {
        title: failure.which === 'request' ? 'The request body is too large' : 'The response is too large',
        advice: `The limit is ${failure.limit} bytes.`,
      };
    case 'bad-request':
      return { title: 'The request cannot be sent as given', advice: `Fix the ${failure.field}.` };
    case 'network':
      return { title: 'The connection failed', advice: `The network reported ${failure.code}.` };
    case 'rate-limited':
      return {
        title: 'Not sent: the outbound limit is reached',
        advice: `This public console counts every request it sends for you; try again in ${failure.retryAfterSeconds} s.`,
      };
  }
}

export const relayRequestSchema = z.object({
  method: z.string().check(z.regex(/^[A-Z]+$/, 'an upper-case HTTP method')),
  url: z.string(),
  headers: z.optional(headerPairsSchema),
  body: z.optional(z.object({ encoding: z.enum(['utf8', 'base64']), data: z.string() })),
  /** Sign after the final headers are fixed: OCM (RFC 9421 profile), draft-cavage (Nextcloud profile), or not. */
  sign: z.optional(z.enum(['none', 'ocm', 'cavage'])),
  /** Which of the console's keys to sign with; by default the active key of the profile's use. */
  keyId: z.optional(z.string()),
  /** With sign "cavage": Nextcloud's form (default), or the OCM-stub's variant (bare-host keyId, no names). */
  cavageVariant: z.optional(z.enum(['nextcloud', 'ocm-stub'])),
  /** Sign with a deliberate fault (negative tests); the exchange's signing record names it. */
  fault: z.optional(relayFaultSchema),
  insecureTls: z.optional(z.boolean()),
  timeoutMs: z.optional(z.number().check(z.int(), z.gte(100), z.lte(120_000))),
  /** Build and sign, but do not send: the answer is a preview of the exact request. */
  dryRun: z.optional(z.boolean()),
});
export type RelayRequest = z.infer<typeof relayRequestSchema>;

/** What a dry run answers: the request exactly as the relay would send it, signed, and what was signed. */
export const relayPreviewSchema = z.object({
  request: exchangeSchema.shape.request,
  signing: z.nullable(signingRecordSchema),
  notes: z.array(z.string()),
});
export type RelayPreview = z.infer<typeof relayPreviewSchema>;

export const relayResultSchema = z.union([
  z.object({ exchange: exchangeSchema }),
  z.object({ failure: relayFailureSchema }),
]);

/** POST /api/relay with dryRun: the preview, or why the request cannot be built or signed. */
export const relayPreviewResultSchema = z.union([
  z.object({ preview: relayPreviewSchema }),
  z.object({ failure: relayFailureSchema }),
]);
export type RelayPreviewResult = z.infer<typeof relayPreviewResultSchema>;
export type RelayResult = z.infer<typeof relayResultSchema>;

/** GET /api/discover?target=…: both discovery endpoints as fetched, and what the protocol core makes of the answer. */
export const discoverAttemptSchema = z.object({
  url: z.string(),
  exchange: z.optional(exchangeSchema),
  failure: z.optional(relayFailureSchema),
});
export const discoverResultSchema = z.object({
  /** What the user typed, and the base URL whose answers are below (the one that answered, if any did). */
  target: z.string(),
  base: z.string(),
  /**
   * The candidate bases asked before `base` where nothing answered (a bare host is tried over its other
   * scheme when the first gives no HTTP answer), each with its well-known URL and why it failed.
   */
  unreachable: z.optional(z.array(z.object({ base: z.string(), url: z.string(), failure: relayFailureSchema }))),
  wellKnown: discoverAttemptSchema,
  /** Tried only when the well-known answer is not a usable document. */
  legacy: z.nullable(discoverAttemptSchema),
  /** Which answer the document comes from. */
  answeredBy: z.nullable(z.enum(['well-known', 'legacy'])),
  document: z.unknown(),
  /** Why there is no usable document, when there is none. */
  problem: z.optional(z.string()),
  detected: z.nullable(
    z.object({
      version: z.string(),
      versions: z.array(z.string()),
      dialect: z.string(),
      evidence: z.array(z.object({ path: z.string(), reason: z.string() })),
    }),
  ),
  findings: z.array(findingSchema),
});
export type DiscoverResult = z.infer<typeof discoverResultSchema>;
