import * as z from 'zod/mini';

/** One invite the console created, as GET /api/invites lists it. */
export const sentInviteViewSchema = z.object({
  token: z.string(),
  user: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  state: z.enum(['open', 'accepted', 'expired']),
  accepted: z.optional(
    z.object({
      at: z.string(),
      userID: z.string(),
      email: z.string(),
      name: z.string(),
      recipientProvider: z.string(),
    }),
  ),
  /** base64url(token@host), no padding. */
  inviteString: z.string(),
  /** The console's WAYF link for it. */
  link: z.string(),
});
export type SentInviteView = z.infer<typeof sentInviteViewSchema>;

export const inviteListSchema = z.object({
  invites: z.array(sentInviteViewSchema),
  /** The local users an invite can be for. */
  users: z.array(z.string()),
  unreadable: z.optional(z.object({ count: z.number(), file: z.string(), firstError: z.string() })),
});
export type InviteList = z.infer<typeof inviteListSchema>;
