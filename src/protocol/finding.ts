import type { Finding as WireFinding } from '../contract/finding.ts';
import { sectionTitle, type SpecRef } from './spec-refs.ts';

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

/** A finding as it travels to the browser: the spec section by its title, with its link. */
export function toWireFinding(f: Finding): WireFinding {
  return {
    severity: f.severity,
    path: f.path,
    code: f.code,
    message: f.message,
    ...(f.hint ? { hint: f.hint } : {}),
    specRef: { section: sectionTitle(f.specRef.section), url: f.specRef.url },
  };
}
