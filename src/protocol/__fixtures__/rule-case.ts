import type { RuleCode } from '../lint/catalogue.ts';
import type { Severity } from '../finding.ts';
import type { Kind } from '../kinds.ts';
import type { SpecVersion } from '../versions.ts';

/** A document that makes a rule fire (with the pointer it must name) or keeps it quiet. */
export interface RuleCase {
  code: RuleCode;
  kind: Kind;
  doc: unknown;
  spec?: SpecVersion;
  path?: string;
  severity?: Severity;
}
