import * as z from 'zod/mini';

/** GET /api/keys: the console's signing keys, public parts only. */
export const keyInfoSchema = z.object({
  kid: z.string(),
  use: z.enum(['rfc9421', 'cavage']),
  active: z.boolean(),
  createdAt: z.string(),
  kty: z.string(),
  crv: z.optional(z.string()),
  alg: z.optional(z.string()),
  thumbprint: z.string(),
  publicJwk: z.record(z.string(), z.unknown()),
  publicKeyPem: z.optional(z.string()),
});
export type KeyInfo = z.infer<typeof keyInfoSchema>;

export const keyListSchema = z.object({ keys: z.array(keyInfoSchema) });
export const exportedKeySchema = z.object({ kid: z.string(), privateKeyPem: z.string() });

export const KEY_KINDS = [
  'ed25519',
  'ecdsa-p256-sha256',
  'ecdsa-p384-sha384',
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
] as const;
