import * as z from 'zod/mini';
import { unreadableSchema } from './inbound.ts';

/**
 * What the console knows of the state of shares and share requests, kept by the server (share-states.json)
 * and read by the Inbox: each entry links a share (or request) to the notifications and answers about it.
 */
export const shareEventSchema = z.object({
  recordId: z.string(),
  type: z.string(),
  at: z.string(),
  by: z.enum(['peer', 'console']),
  outcome: z.enum(['applied', 'duplicate']),
  status: z.enum(['pending', 'accepted', 'declined', 'unshared']),
  permissions: z.optional(z.array(z.string())),
  shareWith: z.optional(z.string()),
});

export const trackedShareSchema = z.object({
  /** received: a share the console received (its inbox record); sent: one it sent; request: a share request. */
  side: z.enum(['received', 'sent', 'request']),
  /** The inbox record of the received share or request; the console share's id for a sent one. */
  key: z.string(),
  providerId: z.optional(z.string()),
  /** host[:port] of the server that sent the share (received shares), to match a notification's senderDomain. */
  from: z.optional(z.string()),
  name: z.optional(z.string()),
  /**
   * Sent shares: how the share was made. console: by the console itself (it keeps the file and the secret);
   * hand: crafted in Compose and sent through the relay (its secret is known to no one here).
   */
  how: z.optional(z.enum(['console', 'hand'])),
  /** Sent shares: the receiver's OCM address (the share's shareWith) and when the receiver took the share. */
  to: z.optional(z.string()),
  sentAt: z.optional(z.string()),
  /** Requests: the providerId of the share that answered the request (a sent entry's key). */
  answeredBy: z.optional(z.string()),
  status: z.enum(['pending', 'accepted', 'declined', 'unshared']),
  permissions: z.optional(z.array(z.string())),
  events: z.array(shareEventSchema),
});
export type TrackedShare = z.infer<typeof trackedShareSchema>;

export const shareStatesSchema = z.object({
  shares: z.array(trackedShareSchema),
  unreadable: z.optional(unreadableSchema),
});
export type ShareStates = z.infer<typeof shareStatesSchema>;
