import * as z from 'zod/mini';

/** GET /api/demo: the embedded demo peers this console started (empty when run with --no-demo). */
export const demoFaultsSchema = z.object({
  wrongDigest: z.boolean(),
  staleCreated: z.boolean(),
  unknownKeyid: z.boolean(),
  serverError: z.boolean(),
  slowMs: z.number(),
  webappXfoDeny: z.boolean(),
  webappNoFraming: z.boolean(),
  webappShortToken: z.boolean(),
  webappRefuseFramed: z.boolean(),
  webappRejectToken: z.boolean(),
});
export type DemoFaults = z.infer<typeof demoFaultsSchema>;

export const demoPeerSchema = z.object({
  id: z.string(),
  name: z.string(),
  dialect: z.enum(['ocm-1.5', 'nextcloud-1.1']),
  origin: z.string(),
  /** OCM addresses of the peer's users. */
  users: z.array(z.string()),
  keyId: z.string(),
  faults: demoFaultsSchema,
});
export type DemoPeer = z.infer<typeof demoPeerSchema>;

export const demoListSchema = z.object({ enabled: z.boolean(), peers: z.array(demoPeerSchema) });

export const demoSendKinds = ['share', 'notification', 'invite-accepted', 'request-share'] as const;

/** POST /api/demo/:id/send: what the peer sent and what came back. */
export const demoSendOutcomeSchema = z.object({
  ok: z.boolean(),
  error: z.optional(z.string()),
  request: z.optional(
    z.object({
      method: z.string(),
      url: z.string(),
      headers: z.array(z.tuple([z.string(), z.string()])),
      body: z.string(),
    }),
  ),
  response: z.optional(
    z.object({ status: z.number(), headers: z.array(z.tuple([z.string(), z.string()])), body: z.string() }),
  ),
  signatureBase: z.optional(z.string()),
});
export type DemoSendOutcome = z.infer<typeof demoSendOutcomeSchema>;

/** POST /api/demo/:id/invites: an invite the peer created for its first user. */
export const demoInviteSchema = z.object({ token: z.string(), inviteString: z.string(), sender: z.string() });

/** GET /api/demo/:id/received: what a demo peer received and how it answered, newest first. */
export const demoReceivedSchema = z.object({
  received: z.array(
    z.object({
      at: z.string(),
      method: z.string(),
      path: z.string(),
      verified: z.enum(['verified', 'failed', 'unsigned']),
      summary: z.string(),
      status: z.number(),
      body: z.string(),
      /** One of the console's Check probes (a share to a user that does not exist, a code never issued). */
      checkProbe: z.optional(z.boolean()),
    }),
  ),
  /**
   * What the peer did with the webdav shares it accepted, newest first: exchanged the code at the sender's
   * token endpoint (its status), then read the file (its status, bytes), or why it stopped.
   */
  fetched: z.optional(
    z.array(
      z.object({
        at: z.string(),
        share: z.string(),
        from: z.string(),
        tokenStatus: z.nullable(z.number()),
        readStatus: z.nullable(z.number()),
        bytes: z.nullable(z.number()),
        error: z.optional(z.string()),
      }),
    ),
  ),
});
export type DemoReceived = z.infer<typeof demoReceivedSchema>;
