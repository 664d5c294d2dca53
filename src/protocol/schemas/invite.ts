import { z } from 'zod';
import { str } from './common.ts';

export const inviteAcceptedSchema = z.looseObject({
  recipientProvider: str.min(1),
  token: str.min(1),
  userID: str.min(1),
  email: str,
  name: str,
});

export type InviteAcceptedDocument = z.infer<typeof inviteAcceptedSchema>;
