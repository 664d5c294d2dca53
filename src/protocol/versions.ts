/**
 * OCM versions as the linter understands them. A "version" here is the spec generation whose rules
 * apply; the draft numbers map roughly (1.4 = draft -05/-06, 1.5 = draft -07).
 */
export const SPEC_VERSIONS = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5'] as const;
export type SpecVersion = (typeof SPEC_VERSIONS)[number];
export const LATEST_VERSION: SpecVersion = '1.5';

export const VERSION_LABELS: Record<SpecVersion, string> = {
  '1.0': '1.0 (2020, proposal era)',
  '1.1': '1.1 (2023)',
  '1.2': '1.2.x (2024–2025)',
  '1.3': '1.3 (2026-01, draft -00..-04)',
  '1.4': '1.4 (2026-06, draft -05/-06)',
  '1.5': '1.5 (2026-09, draft -07)',
};

/** Vendor dialects: how a deployed implementation deviates from the text. */
export const DIALECTS = ['spec', 'nextcloud', 'nextcloud-talk', 'owncloud10', 'reva', 'seafile'] as const;
export type Dialect = (typeof DIALECTS)[number];

export function isSpecVersion(value: string): value is SpecVersion {
  return (SPEC_VERSIONS as readonly string[]).includes(value);
}

/** -1, 0 or 1. */
export function compareVersions(a: SpecVersion, b: SpecVersion): number {
  return Math.sign(SPEC_VERSIONS.indexOf(a) - SPEC_VERSIONS.indexOf(b));
}

export const atLeast = (v: SpecVersion, min: SpecVersion): boolean => compareVersions(v, min) >= 0;
export const below = (v: SpecVersion, max: SpecVersion): boolean => compareVersions(v, max) < 0;

/**
 * Maps what servers put in `apiVersion` ("1.5.0", "1.0-proposal1", "v1.2", "1.2.2") or what a user
 * types for --spec ("1.4", "draft-07", "-05") to a spec version; null when it means nothing to us.
 */
export function parseSpecVersion(text: string): SpecVersion | null {
  const t = text.trim().toLowerCase();
  const draft = /^(?:draft-ietf-ocm-open-cloud-mesh-|draft-?|-)(\d{1,2})$/.exec(t);
  if (draft) {
    const n = Number(draft[1]);
    return n >= 7 ? '1.5' : n >= 5 ? '1.4' : '1.3';
  }
  const m = /^v?(\d+)\.(\d+)/.exec(t);
  if (!m) return null;
  const candidate = `${m[1]}.${m[2]}`;
  if (isSpecVersion(candidate)) return candidate;
  if (Number(m[1]) === 1 && Number(m[2]) > 5) return LATEST_VERSION;
  return null;
}
