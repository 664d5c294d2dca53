// RFC 8941 §4.2.2: a parser of a Dictionary keeps the last value of a repeated key, so a header that names
// a member twice is read as if the earlier one were not there. A verifier that shows what it checked must
// see the repeat first: this scanner reads only the top-level member keys, before any parsing collapses them.

/** The member keys of a Dictionary field value, in order, repeats kept ("" for a member without a key). */
export function dictionaryMemberKeys(value: string): string[] {
  const keys: string[] = [];
  let member = '';
  let inString = false;
  let depth = 0;
  const flush = () => {
    const key = /^\s*([a-z*][a-z0-9_\-.*]*)/.exec(member)?.[1] ?? '';
    if (member.trim() !== '') keys.push(key);
    member = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (inString) {
      if (c === '\\') {
        member += c + (value[i + 1] ?? '');
        i++;
        continue;
      }
      if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      flush();
      continue;
    }
    member += c;
  }
  flush();
  return keys;
}

/** Each key named more than once in a Dictionary field value, with how many times. */
export function repeatedMembers(value: string): Array<{ key: string; times: number }> {
  const counts = new Map<string, number>();
  for (const key of dictionaryMemberKeys(value)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([key, times]) => ({ key, times }));
}
