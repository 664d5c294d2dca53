import type { Finding, Severity } from '../finding.ts';
import { specRef, type SectionId } from '../spec-refs.ts';
import type { Dialect, SpecVersion } from '../versions.ts';
import { RULES, type RuleCode } from './catalogue.ts';
import type { Json } from './util.ts';

export interface ReportOptions {
  hint?: string;
  /** Overrides the catalogue severity (e.g. softer for an older version). */
  severity?: Severity;
  /** Overrides the catalogue section, for a rule shared by two kinds (a request and its answer). */
  section?: SectionId;
}

/** What a rule sees: the document, the version and dialect it is judged against, and a way to report. */
export interface CheckContext {
  doc: Json;
  version: SpecVersion;
  dialect: Dialect;
  report: (code: RuleCode, path: string, message: string, options?: ReportOptions) => void;
}

export function makeFinding(code: RuleCode, path: string, message: string, options: ReportOptions = {}): Finding {
  const rule = RULES[code];
  const finding: Finding = {
    severity: options.severity ?? rule.severity,
    path,
    code,
    message,
    specRef: specRef(options.section ?? rule.section),
  };
  if (options.hint) finding.hint = options.hint;
  return finding;
}

export function createContext(doc: Json, version: SpecVersion, dialect: Dialect, findings: Finding[]): CheckContext {
  return {
    doc,
    version,
    dialect,
    report: (code, path, message, options) => findings.push(makeFinding(code, path, message, options)),
  };
}
