import * as z from 'zod/mini';

/** GET /api/health: what the console header shows about its server. */
export const healthResponseSchema = z.object({
  name: z.string(),
  version: z.string(),
  status: z.literal('ok'),
  mode: z.enum(['local', 'public']),
  startedAt: z.string(),
  uptimeSeconds: z.number().check(z.int(), z.nonnegative()),
});

export type HealthResponse = z.infer<typeof healthResponseSchema>;
