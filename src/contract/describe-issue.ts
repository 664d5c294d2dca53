import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

/** Where a field is, as a user reads it: `.findings.request[0].severity`. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`;
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The first problem zod found, as "<where>: <what was expected>, got <what was there>" (zod's own
 * messages say only "Invalid input"). `prefix` names what was parsed, e.g. `entries[2]._ocm`.
 */
export function describeIssue(issues: readonly Issue[], input: unknown, prefix = ''): string {
  const issue = issues[0];
  if (!issue) return `${prefix || '(root)'}: not readable`;
  const where = `${prefix}${fieldPath(issue.path)}`.replace(/^\./, '') || '(root)';
  const got = kindOf(valueAt(input, issue.path));
  if (issue.code === 'invalid_type') return `${where}: expected ${issue.expected}, got ${got}`;
  if (issue.code === 'invalid_value')
    return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'invalid_union') return `${where}: not any of the accepted shapes (got ${got})`;
  return `${where}: ${issue.message}`;
}
