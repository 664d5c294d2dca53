import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture } from '../__fixtures__/load.ts';
import { guessKind } from '../detect/guess-kind.ts';
import { KINDS } from '../kinds.ts';
import { lint } from './engine.ts';

const files = readdirSync(fileURLToPath(new URL('../__fixtures__/', import.meta.url))).filter((f) =>
  f.endsWith('.json'),
);
const ODD_VALUES: unknown[] = [null, 0, -1, 1e300, '', 'x@', '\u0000', [], [null], [[]], {}, { a: {} }, true];

/** Every path down to depth 3, so each field can be replaced by something of the wrong type. */
function paths(value: unknown, prefix: string[] = [], depth = 0): string[][] {
  if (depth >= 3 || value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k], depth + 1)]);
}

function replaced(doc: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

describe('the linter never throws, whatever is in a field', () => {
  it.each(files)('%s with each field replaced by odd values, linted as every kind', (file) => {
    const doc = fixture(file);
    const kind = guessKind(doc).kind!;
    let runs = 0;
    for (const path of paths(doc))
      for (const value of ODD_VALUES) {
        const result = lint(kind, replaced(doc, path, value));
        for (const f of result.findings) expect(f.path === '' || f.path.startsWith('/')).toBe(true);
        runs++;
      }
    for (const other of KINDS) expect(() => lint(other, doc)).not.toThrow();
    expect(runs).toBeGreaterThan(0);
  });
  it.each(ODD_VALUES)('lints %j as a document of every kind', (value) => {
    for (const kind of KINDS) expect(lint(kind, value).valid).toBe(false);
  });
});

describe('a document with thousands of problems', () => {
  it('lists the first ones of each kind and says how many more there are', () => {
    const doc = {
      ...fixture('discovery-1.5.json'),
      ...Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`extra${i}`, i])),
    };
    const findings = lint('discovery', doc).findings.filter((f) => f.code === 'fields.unknown');
    expect(findings).toHaveLength(51);
    expect(findings.find((f) => f.path === '')?.message).toMatch(/and 4950 more findings like this/);
  });
});
