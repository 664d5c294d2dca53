import * as z from 'zod/mini';
import { exchangeSchema, relayFailureSchema } from './exchange.ts';

/** POST /api/shares: a share the console sends from its own storage (a file, or its web app for it). */
export const consoleShareRequestSchema = z.object({
  to: z.string(),
  name: z.optional(z.string()),
  content: z.optional(z.string()),
  mustExchangeToken: z.optional(z.boolean()),
  protocol: z.optional(z.enum(['webdav', 'webapp'])),
  /** The console user who shares (alice by default). */
  from: z.optional(z.string()),
  permissions: z.optional(z.array(z.enum(['read', 'write', 'share']))),
  /** The inbox record of a request for a share this share answers: delivered, the request is shared. */
  request: z.optional(z.string()),
});
export type ConsoleShareRequest = z.infer<typeof consoleShareRequestSchema>;

/** Its answer: the share kept (secret left out) and the exchange, or why nothing was sent. */
export const consoleShareResultSchema = z.object({
  share: z.optional(
    z.object({
      id: z.string(),
      name: z.string(),
      shareWith: z.string(),
      protocol: z.enum(['webdav', 'webapp']),
      sentStatus: z.nullable(z.number()),
    }),
  ),
  exchange: z.optional(exchangeSchema),
  failure: z.optional(relayFailureSchema),
  problem: z.optional(z.string()),
  notes: z.array(z.string()),
  /** When the share answered a request: whether the request was marked shared, or why not. */
  answered: z.optional(z.object({ request: z.string(), ok: z.boolean(), message: z.optional(z.string()) })),
});
export type ConsoleShareResult = z.infer<typeof consoleShareResultSchema>;
