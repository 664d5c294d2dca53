import type { z } from 'zod';
import type { Kind } from '../kinds.ts';
import { discoverySchema } from './discovery.ts';
import { errorBodySchema } from './error-body.ts';
import { inviteAcceptedSchema } from './invite.ts';
import { inviteResponseSchema } from './invite-response.ts';
import { directorySchema } from './directory.ts';
import { notificationSchema } from './notification.ts';
import { requestShareSchema } from './request-share.ts';
import { shareSchema } from './share.ts';
import { shareResponseSchema } from './share-response.ts';
import { jwksSchema } from './jwks.ts';
import { tokenRequestSchema, tokenResponseSchema } from './token.ts';

export const SCHEMAS: Record<Kind, z.ZodType> = {
  discovery: discoverySchema,
  share: shareSchema,
  notification: notificationSchema,
  'invite-accepted': inviteAcceptedSchema,
  'invite-response': inviteResponseSchema,
  'token-request': tokenRequestSchema,
  'token-response': tokenResponseSchema,
  'request-share': requestShareSchema,
  'share-response': shareResponseSchema,
  jwks: jwksSchema,
  directory: directorySchema,
  error: errorBodySchema,
};

export function schemaFor(kind: Kind): z.ZodType {
  return SCHEMAS[kind];
}
