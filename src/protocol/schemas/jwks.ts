import { z } from 'zod';
import { str } from './common.ts';

/** A JWK Set (RFC 7517 §5) as published at a server's jwksUri; each key is checked by the lint rules. */
export const jwksSchema = z.looseObject({
  keys: z.array(z.looseObject({ kty: str })),
});
