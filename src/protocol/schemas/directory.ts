import { z } from 'zod';
import { str } from './common.ts';

/**
 * The payload of a Directory Service document (draft-07 "Appendix C: Directory Service"): the federation's
 * name and its servers, each an origin URL and a display name. The document itself is a JWS around this
 * payload (see directory.ts for the envelope); the schema judges what the JWS carries.
 */
export const directoryServerSchema = z.looseObject({ url: str.min(1), displayName: str.min(1) });

export const directorySchema = z.looseObject({
  federation: str.min(1),
  servers: z.array(directoryServerSchema),
});

export type DirectoryDocument = z.infer<typeof directorySchema>;
