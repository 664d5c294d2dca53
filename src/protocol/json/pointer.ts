/** RFC 6901 JSON pointer from a path of keys and indexes. */
export function toPointer(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

/** Joins a pointer and one more key. */
export function childPointer(pointer: string, key: string | number): string {
  return pointer + '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The value at a path, or undefined when any step is missing. */
export function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = doc;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return current;
}
