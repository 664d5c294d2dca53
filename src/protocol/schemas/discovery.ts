import { z } from 'zod';
import { optStr, str, strings } from './common.ts';

// One schema for every version: where versions disagree (webdav path vs URL, webapp string vs {}),
// it accepts both and the version rules in check/ say which one fits the document's version.
export const webdavReceiveSchema = z.strictObject({ uri: z.enum(['absolute', 'relative']) });
export const webappReceiveSchema = z.strictObject({ targets: strings });

export const discoveryProtocolsSchema = z
  .object({
    webdav: optStr,
    'webdav-receive': webdavReceiveSchema.optional(),
    webapp: z.union([z.string(), z.strictObject({})]).optional(),
    'webapp-receive': webappReceiveSchema.optional(),
    ssh: optStr,
    'ssh-receive': z.strictObject({}).optional(),
  })
  // Custom protocols: a string (path) or an object; "-receive" for the receiving side.
  .catchall(z.union([z.string(), z.record(z.string(), z.unknown())]));

export const resourceTypeSchema = z.looseObject({
  name: str.min(1),
  shareTypes: strings,
  protocols: discoveryProtocolsSchema,
});

export const publicKeySchema = z.looseObject({ keyId: str, publicKeyPem: str });
export const publicKeysEntrySchema = z.looseObject({ keyId: str, publicKeyPem: str, algorithm: optStr });

export const discoverySchema = z.looseObject({
  enabled: z.boolean(),
  apiVersion: str,
  endPoint: str,
  provider: optStr,
  resourceTypes: z.array(resourceTypeSchema),
  capabilities: strings.optional(),
  criteria: strings.optional(),
  jwksUri: optStr,
  tokenEndPoint: optStr,
  inviteAcceptDialog: optStr,
  publicKey: publicKeySchema.optional(),
  publicKeys: z.array(publicKeysEntrySchema).optional(),
});

export type DiscoveryDocument = z.infer<typeof discoverySchema>;
