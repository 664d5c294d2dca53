/**
 * Whether a parsed value nests deeper than `max`, without recursion (JSON.parse accepts 10,000 levels,
 * a recursive walker would overflow the stack). Returns the pointer of the first node past the limit.
 */
export function findTooDeep(value: unknown, max: number): string | null {
  const stack: Array<{ node: unknown; depth: number; pointer: string }> = [{ node: value, depth: 0, pointer: '' }];
  while (stack.length) {
    const { node, depth, pointer } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return pointer;
    if (Array.isArray(node))
      node.forEach((child, i) => stack.push({ node: child, depth: depth + 1, pointer: `${pointer}/${i}` }));
    else
      for (const [key, child] of Object.entries(node))
        stack.push({
          node: child,
          depth: depth + 1,
          pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        });
  }
  return null;
}
