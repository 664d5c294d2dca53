import * as z from 'zod/mini';
import { findingSchema } from './finding.ts';

/**
 * What the console received at its own OCM endpoint, as stored and as pushed to the browser over
 * SSE (`event: inbound`, `id: <seq>`). Everything a peer sent is kept raw; the verdicts come after.
 */
export const INBOUND_ENDPOINTS = [
  'shares',
  'notifications',
  'invite-accepted',
  'token',
  'request-share',
  'other',
] as const;
export const inboundEndpointSchema = z.enum(INBOUND_ENDPOINTS);
export type InboundEndpoint = z.infer<typeof inboundEndpointSchema>;

export const headerPairsSchema = z.array(z.tuple([z.string(), z.string()]));
export type HeaderPairs = z.infer<typeof headerPairsSchema>;

export const storedBodySchema = z.object({
  /** The body as UTF-8 text when it decodes cleanly, else base64. */
  encoding: z.enum(['utf8', 'base64']),
  data: z.string(),
  /** Bytes received (all of them, even past the storage limit). */
  size: z.number(),
  /** True when more arrived than the console keeps; `data` holds the first part. */
  truncated: z.boolean(),
});
export type StoredBody = z.infer<typeof storedBodySchema>;

export const verificationSchema = z.object({
  /**
   * verified: a signature checked out; failed: one did not; unsigned: no OCM signature was sent (none at
   * all, or only signatures without tag="ocm", listed in otherSignatures); unchecked: not attempted.
   */
  status: z.enum(['verified', 'failed', 'unsigned', 'unchecked']),
  profile: z.optional(z.enum(['rfc9421', 'cavage'])),
  keyid: z.optional(z.string()),
  summary: z.string(),
  details: z.optional(z.array(z.string())),
  signatureBase: z.optional(z.string()),
  /** With status unsigned: the RFC 9421 signatures present that are not OCM's (no tag="ocm"). */
  otherSignatures: z.optional(z.array(z.object({ label: z.string(), tag: z.optional(z.string()) }))),
});
export type Verification = z.infer<typeof verificationSchema>;

export const inboundResponseSchema = z.object({
  status: z.number(),
  contentType: z.string(),
  body: z.string(),
  delayMs: z.number(),
  /**
   * 'spec' when the default (what the spec says, as a strict draft-07 peer) answered; 'lenient' when the
   * spec answer was given without refusing for the signature; 'custom' when a user-written answer did.
   */
  policy: z.enum(['spec', 'lenient', 'custom']),
});
export type InboundResponse = z.infer<typeof inboundResponseSchema>;

export const inboundRecordSchema = z.object({
  id: z.string(),
  seq: z.number(),
  receivedAt: z.string(),
  remoteAddress: z.nullable(z.string()),
  method: z.string(),
  /** Path and query exactly as requested. */
  target: z.string(),
  endpoint: inboundEndpointSchema,
  headers: headerPairsSchema,
  body: storedBodySchema,
  /** 'received' while being processed; 'done' once answered (or 'error' if processing itself failed). */
  stage: z.enum(['received', 'done', 'error']),
  /** Problems reading the message itself: wrong content type, not JSON, truncated, too large… */
  problems: z.array(z.string()),
  verification: z.optional(verificationSchema),
  findings: z.optional(z.array(findingSchema)),
  response: z.optional(inboundResponseSchema),
  /**
   * Set on a record as listed (GET /api/inbox, the event stream) when parts of it were cut to keep the list
   * small: its body, its findings or its answer. GET /api/inbox/<id> gives it whole. Never stored.
   */
  abridged: z.optional(z.boolean()),
});
export type InboundRecord = z.infer<typeof inboundRecordSchema>;

/**
 * Stored records the server could not read back (a broken line, a version from a newer console): they are
 * counted and kept on disk, never dropped silently. `file` is where they are kept now.
 */
export const unreadableSchema = z.object({ count: z.number(), file: z.string(), firstError: z.string() });
export type Unreadable = z.infer<typeof unreadableSchema>;

/**
 * A page of the inbox, newest first. `next` is the sequence number to ask for the following (older) page
 * with (`?before=<next>`); absent on the last page. `total` counts every record kept.
 */
export const inboundListSchema = z.object({
  records: z.array(inboundRecordSchema),
  total: z.number(),
  next: z.optional(z.number()),
  unreadable: z.optional(unreadableSchema),
});
export type InboundList = z.infer<typeof inboundListSchema>;

/**
 * How the console answers one endpoint: as the spec says (a strict draft-07 peer: a share or notification
 * whose OCM signature does not verify is refused, and an unsigned one when the console advertises
 * must-use-http-sig); leniently (the same answers, but never refused for the signature, for senders that
 * cannot sign yet); or as the user chose (to test a sender's error handling). Every mode records and
 * verifies alike.
 */
export const inboxPolicySchema = z.union([
  z.object({ mode: z.literal('spec'), delayMs: z.optional(z.number().check(z.int(), z.gte(0), z.lte(60_000))) }),
  z.object({ mode: z.literal('lenient'), delayMs: z.optional(z.number().check(z.int(), z.gte(0), z.lte(60_000))) }),
  z.object({
    mode: z.literal('custom'),
    status: z.number().check(z.int(), z.gte(100), z.lte(599)),
    contentType: z.string(),
    body: z.string(),
    delayMs: z.number().check(z.int(), z.gte(0), z.lte(60_000)),
  }),
]);
export type InboxPolicy = z.infer<typeof inboxPolicySchema>;

export const inboxPoliciesSchema = z.partialRecord(inboundEndpointSchema, inboxPolicySchema);
export type InboxPolicies = z.infer<typeof inboxPoliciesSchema>;

/** GET /api/inbox/info: where and to whom peers can send. */
export const inboxInfoSchema = z.object({
  endPoint: z.string(),
  recipients: z.array(z.object({ name: z.string(), address: z.string() })),
  policies: inboxPoliciesSchema,
  /** Present when lines of the inbox files could not be read at start-up. */
  unreadable: z.optional(unreadableSchema),
});
export type InboxInfo = z.infer<typeof inboxInfoSchema>;
