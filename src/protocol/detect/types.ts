import type { Kind } from '../kinds.ts';
import type { Dialect, SpecVersion } from '../versions.ts';

export interface Evidence {
  /** JSON pointer of the field that decided. */
  path: string;
  reason: string;
}

export interface Detection {
  kind: Kind;
  /** The most likely version. */
  version: SpecVersion;
  /** Every plausible version, most likely first. */
  versions: SpecVersion[];
  dialect: Dialect;
  evidence: Evidence[];
}

/** What one kind's detector collects: a lower bound from features, and dialect hints. */
export interface Clues {
  min: SpecVersion;
  max?: SpecVersion;
  declared?: SpecVersion;
  dialect: Dialect;
  evidence: Evidence[];
}
