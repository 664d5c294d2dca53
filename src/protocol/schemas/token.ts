import { z } from 'zod';
import { str } from './common.ts';

/** The form fields of the token request (sent as application/x-www-form-urlencoded). */
export const tokenRequestSchema = z.looseObject({
  grant_type: str,
  client_id: str.min(1),
  code: str.min(1),
});

export const tokenResponseSchema = z.looseObject({
  access_token: str.min(1),
  token_type: str,
  expires_in: z.number().int().positive().optional(),
});

export type TokenRequestDocument = z.infer<typeof tokenRequestSchema>;
export type TokenResponseDocument = z.infer<typeof tokenResponseSchema>;
