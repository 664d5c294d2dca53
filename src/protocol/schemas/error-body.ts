import { z } from 'zod';
import { optStr, str } from './common.ts';

/** OCM `{message, validationErrors}` or OAuth `{error, error_description}` (token endpoint). */
export const errorBodySchema = z.looseObject({
  message: optStr,
  validationErrors: z.array(z.looseObject({ name: str, message: str })).optional(),
  error: optStr,
  error_description: optStr,
});
