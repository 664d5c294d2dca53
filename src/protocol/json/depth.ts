import { toPointer } from './pointer.ts';

interface Frame {
  node: object;
  depth: number;
  parent: Frame | null;
  key: string | number;
}

/**
 * Whether a parsed value nests deeper than `max`, without recursion (JSON.parse accepts 10,000 levels,
 * a recursive walker would overflow the stack). Returns the pointer of the first node past the limit.
 * Only objects and arrays are stacked, and a pointer is spelled only for the node returned: a document
 * with 60,000 scalar fields costs one pass over them, not 60,000 strings.
 */
export function findTooDeep(value: unknown, max: number): string | null {
  if (value === null || typeof value !== 'object') return null;
  const stack: Frame[] = [{ node: value, depth: 0, parent: null, key: '' }];
  while (stack.length) {
    const frame = stack.pop()!;
    if (frame.depth >= max) return pointerOf(frame);
    const { node, depth } = frame;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child !== null && typeof child === 'object')
          stack.push({ node: child, depth: depth + 1, parent: frame, key: i });
      }
      continue;
    }
    // for…in is the cheapest walk over a large object; a JSON value has no inherited enumerable keys.
    for (const key in node) {
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object')
        stack.push({ node: child, depth: depth + 1, parent: frame, key });
    }
  }
  return null;
}

function pointerOf(frame: Frame): string {
  const path: (string | number)[] = [];
  for (let f: Frame | null = frame; f?.parent; f = f.parent) path.push(f.key);
  return toPointer(path.reverse());
}
