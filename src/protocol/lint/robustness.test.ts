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

describe('a share with 61,000 unknown top-level keys', () => {
  const share = {
    shareWith: 'alice@example.org',
    name: 'f.txt',
    providerId: '1',
    owner: 'bob@example.net',
    sender: 'bob@example.net',
    shareType: 'user',
    resourceType: 'file',
    protocol: { name: 'webdav', options: { sharedSecret: 's' } },
  };
  const keys = Array.from({ length: 61_000 }, (_, i) => `field${String(i).padStart(6, '0')}`);

  it('lists the first 50, counts the rest in one finding, and looks for misspellings only among the first', () => {
    // "sharedWith" (for shareWith) is the 60th unknown key: past the ones looked at closely.
    const doc = { ...share, ...Object.fromEntries(keys.map((k, i) => [i === 59 ? 'sharedWith' : k, 1])) };
    delete (doc as Partial<typeof share>).shareWith;
    const findings = lint('share', doc).findings;
    const unknown = findings.filter((f) => f.code === 'fields.unknown');
    expect(unknown).toHaveLength(51);
    expect(unknown.find((f) => f.path === '')?.message).toMatch(
      /and 60950 more findings like this \(fields\.unknown\) not listed\. Only the first 50 unknown fields are checked/,
    );
    expect(findings.filter((f) => f.code === 'fields.did-you-mean')).toEqual([]);
  });

  it('still suggests the field a key among the first ones was meant to be', () => {
    const doc = { ...share, ...Object.fromEntries(keys.map((k, i) => [i === 10 ? 'sharedWith' : k, 1])) };
    delete (doc as Partial<typeof share>).shareWith;
    const meant = lint('share', doc).findings.filter((f) => f.code === 'fields.did-you-mean');
    expect(meant.map((f) => f.path)).toEqual(['/sharedWith']);
  });
});

describe('keys named like methods of every object', () => {
  it('are unknown fields, not fields the spec defines', () => {
    const doc = { ...fixture('discovery-1.5.json'), toString: 1, constructor: 2 };
    const paths = lint('discovery', doc)
      .findings.filter((f) => f.code === 'fields.unknown')
      .map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['/toString', '/constructor']));
  });
});
