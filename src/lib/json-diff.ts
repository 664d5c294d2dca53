/**
 * A structural comparison of two JSON values: the fields that differ, each named by its JSON pointer,
 * rather than a text diff (which reports moved keys and reformatting as changes).
 */
export interface JsonChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function jsonDiff(before: unknown, after: unknown, path = ''): JsonChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !Object.hasOwn(before, k))];
    return keys.flatMap((key) => {
      const at = `${path}/${escape(key)}`;
      if (!Object.hasOwn(after, key)) return [{ path: at, change: 'removed' as const, before: before[key] }];
      if (!Object.hasOwn(before, key)) return [{ path: at, change: 'added' as const, after: after[key] }];
      return jsonDiff(before[key], after[key], at);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: JsonChange[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const at = `${path}/${i}`;
      if (i >= after.length) changes.push({ path: at, change: 'removed', before: before[i] });
      else if (i >= before.length) changes.push({ path: at, change: 'added', after: after[i] });
      else changes.push(...jsonDiff(before[i], after[i], at));
    }
    return changes;
  }
  if (Object.is(before, after)) return [];
  return [{ path: path || '/', change: 'changed', before, after }];
}

/** Header values by lower-cased name (repeated headers joined with ", "), for a side-by-side table. */
export function headerRows(
  a: ReadonlyArray<readonly [string, string]>,
  b: ReadonlyArray<readonly [string, string]>,
): Array<{ name: string; a?: string; b?: string; same: boolean }> {
  const collect = (pairs: ReadonlyArray<readonly [string, string]>) => {
    const map = new Map<string, string>();
    for (const [name, value] of pairs) {
      const key = name.toLowerCase();
      map.set(key, map.has(key) ? `${map.get(key)}, ${value}` : value);
    }
    return map;
  };
  const left = collect(a);
  const right = collect(b);
  const names = [...left.keys(), ...[...right.keys()].filter((k) => !left.has(k))];
  return names.map((name) => ({
    name,
    a: left.get(name),
    b: right.get(name),
    same: left.get(name) === right.get(name),
  }));
}
