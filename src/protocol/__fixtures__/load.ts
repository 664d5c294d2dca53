import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Doc = Record<string, unknown>;

/** A fixture document, freshly parsed (callers may mutate it). */
export function fixture(name: string): Doc {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), 'utf8')) as Doc;
}

export function fixtureText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), 'utf8');
}

/** A fixture changed by `edit` (which gets a deep copy). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test edits reach into nested fixture fields
export function variant(name: string, edit: (doc: any) => void): Doc {
  const doc = fixture(name);
  edit(doc);
  return doc;
}
