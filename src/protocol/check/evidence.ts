import type { CheckEvidence } from '../../contract/check.ts';

/** The status a probe got, or undefined when no answer came. */
export function statusOf(e: CheckEvidence | undefined): number | undefined {
  return e?.exchange?.response.status;
}

/** The probe's answer as JSON, or undefined when it is none (or not JSON). */
export function jsonOf(e: CheckEvidence | undefined): unknown {
  try {
    return e?.exchange ? JSON.parse(e.exchange.response.body.data) : undefined;
  } catch {
    return undefined;
  }
}

/** What a probe saw, in one line: the status and the start of the body, or why nothing came back. */
export function seenOf(e: CheckEvidence | undefined): string {
  if (!e) return 'not sent';
  if (e.failure) return `no answer: ${e.failure.message}`;
  if (!e.exchange) return 'no answer';
  const body = e.exchange.response.body.data.slice(0, 160);
  return `${e.exchange.response.status}${body ? ` ${body}` : ''}`;
}
