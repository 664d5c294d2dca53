import { z } from 'zod';
import { optStr, str } from './common.ts';

// Both the 1.0–1.4 envelope (providerId + free-form notification) and the 1.5 one (senderDomain,
// notification.file…); which fields are required depends on the version, so the rules decide.
export const notificationSchema = z.looseObject({
  notificationType: str.min(1),
  senderDomain: optStr,
  resourceType: optStr,
  shareType: optStr,
  providerId: optStr,
  notification: z.record(z.string(), z.unknown()).optional(),
});

export type NotificationDocument = z.infer<typeof notificationSchema>;
