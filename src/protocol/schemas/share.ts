import { z } from 'zod';
import { optStr, str, strings } from './common.ts';

export const webdavShareSchema = z.looseObject({
  uri: str,
  sharedSecret: optStr,
  permissions: strings.optional(),
  requirements: strings.optional(),
  accessTypes: strings.optional(),
  size: z.number().int().nonnegative().optional(),
});

// Both webapp generations: ≤1.3 (uriTemplate/viewMode) and 1.4+ (targets, permissions, requirements).
export const webappShareSchema = z.looseObject({
  uri: optStr,
  uriTemplate: optStr,
  viewMode: optStr,
  targets: strings.optional(),
  permissions: strings.optional(),
  requirements: strings.optional(),
  sharedSecret: optStr,
  appName: optStr,
  appIconHint: optStr,
  mediaTypes: strings.optional(),
});

export const sshShareSchema = z.looseObject({ uri: str, accessTypes: strings.optional() });

export const legacyOptionsSchema = z.looseObject({
  sharedSecret: optStr,
  permissions: z.union([z.string(), strings]).optional(),
});

export const shareProtocolSchema = z
  .object({
    name: str,
    options: legacyOptionsSchema.optional(),
    webdav: webdavShareSchema.optional(),
    webapp: webappShareSchema.optional(),
    ssh: sshShareSchema.optional(),
  })
  .catchall(z.unknown());

// Besides resourceId and scheme, an object named after the scheme carries its parameters.
export const encryptionSchema = z.object({ resourceId: str, scheme: str }).catchall(z.record(z.string(), z.unknown()));

export const shareSchema = z.looseObject({
  shareWith: str,
  name: str,
  description: optStr,
  providerId: str,
  owner: str,
  sender: str,
  ownerDisplayName: optStr,
  senderDisplayName: optStr,
  shareType: str,
  resourceType: str,
  expiration: z.number().int().optional(),
  encryption: encryptionSchema.optional(),
  protocol: shareProtocolSchema,
});

export type ShareDocument = z.infer<typeof shareSchema>;
