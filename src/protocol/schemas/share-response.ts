import { z } from 'zod';
import { str } from './common.ts';

/**
 * What a receiver answers 201 to a share (draft-07 "Share Creation Response"): recipientDisplayName, and
 * recipientPublicKeys (OpenSSH public keys) when the share offered ssh.
 */
export const shareResponseSchema = z.looseObject({
  recipientDisplayName: str,
  recipientPublicKeys: z.optional(z.array(str)),
});

export type ShareResponseDocument = z.infer<typeof shareResponseSchema>;
