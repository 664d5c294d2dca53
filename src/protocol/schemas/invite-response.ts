import { z } from 'zod';
import { str } from './common.ts';

/**
 * What the Invite Sender answers 200 to POST /invite-accepted (draft-07 "Invite Acceptance Response
 * Details"): the Invite Sender's userID, email and name, all required strings.
 */
export const inviteResponseSchema = z.looseObject({
  userID: str.min(1),
  email: str,
  name: str,
});

export type InviteResponseDocument = z.infer<typeof inviteResponseSchema>;
