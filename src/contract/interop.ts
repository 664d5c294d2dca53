import * as z from 'zod/mini';
import { checkLineSchema, gradeSchema, worst, type Grade } from './check.ts';
import type { Exchange } from './exchange.ts';

/**
 * POST /api/interop {target, ...}: the interop report of one peer. Each step is a flow run against the peer
 * (or read from what it sent the console), with what was seen, each deviation named, and the exchanges.
 */
export const INTEROP_STEPS = [
  'discovery',
  'check',
  'share-sent',
  'share-received',
  'token-exchange',
  'invite-accepted-by-console',
  'invite-accepted-by-peer',
] as const;
export type InteropStepId = (typeof INTEROP_STEPS)[number];

export const INTEROP_STEP_TITLES: Record<InteropStepId, string> = {
  discovery: 'Discovery',
  check: 'Check',
  'share-sent': 'The console shares with the peer',
  'share-received': 'The peer shares with the console',
  'token-exchange': "The console exchanges the peer's code and reads the file",
  'invite-accepted-by-console': "The console accepts the peer's invite",
  'invite-accepted-by-peer': "The peer accepts the console's invite",
};

export const interopStepSchema = z.object({
  id: z.enum(INTEROP_STEPS),
  title: z.string(),
  grade: gradeSchema,
  /** What happened, in one or two sentences. */
  seen: z.string(),
  /** Each way the peer departs from draft-07 (or the console had to adapt to it), named. */
  deviations: z.array(z.string()),
  evidence: checkLineSchema.shape.evidence,
});
export type InteropStep = z.infer<typeof interopStepSchema>;

export const interopReportSchema = z.object({
  target: z.string(),
  base: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  grade: gradeSchema,
  steps: z.array(interopStepSchema),
  notes: z.array(z.string()),
});
export type InteropReport = z.infer<typeof interopReportSchema>;

/** What the run is asked to do beyond discovery and the check, each optional. */
export const interopRequestSchema = z.object({
  target: z.string(),
  /** An OCM address at the peer to share a small file with. */
  shareTo: z.optional(z.string()),
  /** An invite string or link the peer handed out, to accept. */
  invite: z.optional(z.string()),
  /** The client_id of the token request; by default the console's host, as the draft says. */
  clientId: z.optional(z.string()),
  /** How the token request is written: the RFC 6749 form ('oauth-form', the default) or the 1.2-era JSON. */
  tokenStyle: z.optional(z.enum(['oauth-form', 'ocm-1.2-json'])),
});
export type InteropRequest = z.infer<typeof interopRequestSchema>;

/** The report's grade: the worst of its steps (a skipped step counts only when all are). */
export function interopGrade(steps: readonly InteropStep[]): Grade {
  return worst(steps.map((s) => s.grade));
}

/** The steps whose exchanges are what the peer sent the console (read from its inbox), not what the console sent. */
const RECEIVED_STEPS: ReadonlySet<InteropStepId> = new Set(['share-received', 'invite-accepted-by-peer']);

/** The exchanges the console itself made during the run, once each (one exchange can back several steps). */
export function exchangesSentIn(report: InteropReport): Exchange[] {
  const sent = new Map<string, Exchange>();
  for (const step of report.steps) {
    if (RECEIVED_STEPS.has(step.id)) continue;
    for (const e of step.evidence) if (e.exchange) sent.set(e.exchange.id, e.exchange);
  }
  return [...sent.values()];
}
