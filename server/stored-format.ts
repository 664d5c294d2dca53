/**
 * Format versions of what the server keeps on disk (inbox.jsonl lines, shares.json, keys.json).
 *
 * Each file, or each line of a JSON-lines file, carries `"version": n`. Files written before versions
 * were written carry none and are read as version 1, the format they have (keys.json already said
 * `"version": 1`). A newer console reads an older version by running `migrations[n]` (n → n + 1) up to
 * its own; a version it does not know (written by a newer console) is unreadable, never guessed at.
 */
export interface StoredFormat {
  /** The version this console writes. */
  current: number;
  /** `migrations[n]` turns a version-n value into a version-(n + 1) one. */
  migrations: Readonly<Record<number, (value: Record<string, unknown>) => Record<string, unknown>>>;
}

/** A value brought up to the current version, or why it cannot be. */
export type Upgraded = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** The version a value was written in: 1 when it carries none. */
function versionOf(value: Record<string, unknown>): number | string {
  const version = value.version;
  if (version === undefined) return 1;
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1) return version;
  return `its version ${JSON.stringify(version)} is not a format version`;
}

/** Reads a stored value written in any version up to `format.current`, migrating it on the way. */
export function upgrade(format: StoredFormat, value: unknown): Upgraded {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: 'not a JSON object' };
  let current = value as Record<string, unknown>;
  let version = versionOf(current);
  if (typeof version === 'string') return { ok: false, error: version };
  if (version > format.current)
    return {
      ok: false,
      error: `written by a newer OCM Explorer (format version ${version}; this one reads up to ${format.current})`,
    };
  while (version < format.current) {
    const step = format.migrations[version];
    if (!step) return { ok: false, error: `no migration from format version ${version}` };
    current = step(current);
    version++;
  }
  return { ok: true, value: current };
}

/** Parses one stored JSON text; the error names what is wrong in a few words. */
export function parseStoredJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: `not JSON (${(err as Error).message})` };
  }
}

/** The first words of a zod issue list: where and what. */
export function describeIssue(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'not of the expected shape';
  const at = issue.path.map(String).join('.');
  return `not of the expected shape (${at ? `${at}: ` : ''}${issue.message})`;
}
