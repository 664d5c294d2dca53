import type { SpecRef } from './spec-refs.ts';

export type Severity = 'error' | 'warning' | 'info';

/** One thing the linter noticed, tied to a field (JSON pointer), a stable rule code and a spec section. */
export interface Finding {
  severity: Severity;
  /** RFC 6901 JSON pointer of the field; "" is the whole document. */
  path: string;
  code: string;
  message: string;
  specRef: SpecRef;
  hint?: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.path.localeCompare(b.path),
  );
}
