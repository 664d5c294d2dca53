import * as z from 'zod/mini';

/**
 * A lint finding as it travels to the browser, the same for every source (discovery, inbox, lint
 * results): the field as a JSON pointer, the rule code, and the spec section by title with its link.
 */
export const findingSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string(),
  code: z.string(),
  message: z.string(),
  hint: z.optional(z.string()),
  specRef: z.optional(z.object({ section: z.string(), url: z.optional(z.string()) })),
});
export type Finding = z.infer<typeof findingSchema>;

/** The findings of both bodies of an exchange, as History keeps them and a HAR file carries them. */
export const bodyFindingsSchema = z.object({ request: z.array(findingSchema), response: z.array(findingSchema) });
export type BodyFindings = z.infer<typeof bodyFindingsSchema>;
