import * as z from 'zod/mini';
import { exchangeSchema, relayFailureSchema } from './exchange.ts';

/** POST /api/check {target}: a graded report of one OCM server, with the exchanges behind each line. */
export const gradeSchema = z.enum(['pass', 'warn', 'fail', 'skip']);
export type Grade = z.infer<typeof gradeSchema>;

export const checkLineSchema = z.object({
  id: z.string(),
  title: z.string(),
  grade: gradeSchema,
  expected: z.string(),
  seen: z.string(),
  specRef: z.optional(z.object({ section: z.string(), url: z.optional(z.string()) })),
  evidence: z.array(
    z.object({ exchange: z.optional(exchangeSchema), failure: z.optional(relayFailureSchema), label: z.string() }),
  ),
});
export type CheckLine = z.infer<typeof checkLineSchema>;
/** One exchange (or transport failure) a line was graded on, with what it was for. */
export type CheckEvidence = CheckLine['evidence'][number];

export const AREAS = ['discovery', 'transport', 'keys', 'signatures', 'validation', 'token'] as const;
export type CheckArea = (typeof AREAS)[number];
export const AREA_TITLES: Record<CheckArea, string> = {
  discovery: 'Discovery',
  transport: 'Transport',
  keys: 'Keys',
  signatures: 'Signature policy',
  validation: 'Input validation',
  token: 'Token endpoint',
};

export const checkReportSchema = z.object({
  target: z.string(),
  base: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  grade: gradeSchema,
  areas: z.array(z.object({ area: z.enum(AREAS), grade: gradeSchema, lines: z.array(checkLineSchema) })),
  notes: z.array(z.string()),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

/** The worst grade of a list: fail over warn over pass; skip counts only when everything is skipped. */
export function worst(grades: Grade[]): Grade {
  if (grades.includes('fail')) return 'fail';
  if (grades.includes('warn')) return 'warn';
  if (grades.includes('pass')) return 'pass';
  return 'skip';
}
