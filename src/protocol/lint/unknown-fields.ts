import { z } from 'zod';
import type { Finding } from '../finding.ts';
import type { Kind } from '../kinds.ts';
import { childPointer } from '../json/pointer.ts';
import { specRef } from '../spec-refs.ts';
import { sectionForPath } from './schema-findings.ts';
import { isRecord } from './util.ts';

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

/** Open objects accept unknown fields (catchall unknown); closed ones are the schema's business. */
function isOpen(schema: z.ZodObject): boolean {
  const catchall = schema._zod.def.catchall;
  return catchall instanceof z.ZodUnknown;
}

/** Unknown keys looked at closely (a suggestion, a finding each); the rest of a document's are only counted. */
export const MAX_UNKNOWN_LISTED = 50;

export interface UnknownFields {
  findings: Finding[];
  /** Unknown keys past the first MAX_UNKNOWN_LISTED: counted, not listed, no suggestion looked for. */
  unlisted: number;
}

/**
 * Fields the spec does not define, reported as info: the spec lets senders add them and receivers
 * ignore them, but a typo ("sharedSecrets") looks exactly like this. Walks only the schema's own
 * shape, so depth is bounded by the schema, not by the document. Only the first MAX_UNKNOWN_LISTED
 * unknown keys are looked at (and compared with the known names); the others are counted. Keys whose
 * pointer is in `explained` (a dialect finding already names them) are skipped.
 */
export function unknownFieldFindings(
  kind: Kind,
  schema: z.ZodType,
  doc: unknown,
  explained: ReadonlySet<string> = new Set(),
): UnknownFields {
  const findings: Finding[] = [];
  let listed = 0;
  let unlisted = 0;
  // The explained pointers by parent, so a key is looked up without spelling its pointer.
  const skip = new Map<string, Set<string>>();
  for (const at of explained) {
    const cut = at.lastIndexOf('/');
    if (cut < 0) continue;
    const parent = at.slice(0, cut);
    skip.set(parent, (skip.get(parent) ?? new Set()).add(at.slice(cut + 1)));
  }
  const visit = (s: z.ZodType, value: unknown, pointer: string, path: string[]): void => {
    const inner = unwrap(s);
    if (inner instanceof z.ZodArray && Array.isArray(value)) {
      value.forEach((item, i) =>
        visit(inner.element as z.ZodType, item, childPointer(pointer, i), [...path, String(i)]),
      );
      return;
    }
    if (!(inner instanceof z.ZodObject) || !isRecord(value)) return;
    const shape = inner.shape as Record<string, z.ZodType>;
    // The known fields are found from the schema's side (own keys only: "constructor" is no OCM field).
    let named = 0;
    for (const key of Object.keys(shape))
      if (Object.hasOwn(value, key)) {
        named++;
        visit(shape[key]!, value[key], childPointer(pointer, key), [...path, key]);
      }
    if (!isOpen(inner)) return;
    const skipped = skip.get(pointer);
    let explainedHere = 0;
    for (const spelled of skipped ?? []) {
      const key = unescapeKey(spelled);
      if (Object.hasOwn(value, key) && !Object.hasOwn(shape, key)) explainedHere++;
    }
    const keys = Object.keys(value);
    let listedHere = 0;
    // Only the first unknown keys are looked at; the rest of them are counted by subtraction, not walked.
    for (let i = 0; i < keys.length && listed < MAX_UNKNOWN_LISTED; i++) {
      const key = keys[i]!;
      if (Object.hasOwn(shape, key) || skipped?.has(escapeKey(key))) continue;
      listed++;
      listedHere++;
      const at = childPointer(pointer, key);
      const meant = path.length === 0 ? closestKnown(key, knownNames(inner), value) : undefined;
      if (meant) {
        findings.push({
          severity: 'warning',
          path: at,
          code: 'fields.did-you-mean',
          message: `"${key}": did you mean "${meant}"? Receivers ignore "${key}", so "${meant}" is not sent at all.`,
          hint: `Rename "${key}" to "${meant}".`,
          specRef: specRef(sectionForPath(kind, [meant])),
        });
        continue;
      }
      findings.push({
        severity: 'info',
        path: at,
        code: 'fields.unknown',
        message: `"${key}" is not defined by the spec here; receivers ignore it.`,
        specRef: specRef(sectionForPath(kind, [...path, key])),
      });
    }
    unlisted += keys.length - named - explainedHere - listedHere;
  };
  visit(schema, doc, '', []);
  return { findings, unlisted };
}

/** A key as RFC 6901 spells it inside a pointer; most keys need no escaping and are returned as they are. */
const escapeKey = (key: string): string =>
  key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;

const unescapeKey = (spelled: string): string => spelled.replace(/~1/g, '/').replace(/~0/g, '~');

/** The known names of an object schema by length, each with its place in the schema; made once per schema. */
type NameIndex = Map<number, { name: string; order: number }[]>;
const NAME_INDEX = new WeakMap<z.ZodObject, NameIndex>();

function knownNames(schema: z.ZodObject): NameIndex {
  let index = NAME_INDEX.get(schema);
  if (!index) {
    const built: NameIndex = new Map();
    Object.keys(schema.shape).forEach((name, order) =>
      built.set(name.length, [...(built.get(name.length) ?? []), { name, order }]),
    );
    NAME_INDEX.set(schema, built);
    index = built;
  }
  return index;
}

/** Optimal string alignment distance (a transposition counts as one edit), case-insensitive. */
function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...Array<number>(y.length).fill(0)]);
  for (let j = 1; j <= y.length; j++) d[0]![j] = j;
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[x.length]![y.length]!;
}

/**
 * The known field an unknown top-level key was probably meant to be ("messgage" for "message"): within
 * one edit for short names, two for longer ones, and only when the known field itself is absent. Names
 * whose length differs by more than two cannot be that close, so they are not compared.
 */
function closestKnown(key: string, known: NameIndex, doc: Record<string, unknown>): string | undefined {
  if (key.length < 4 || key.length > 64) return undefined;
  let best: { name: string; distance: number; order: number } | undefined;
  for (let length = key.length - 2; length <= key.length + 2; length++)
    for (const { name, order } of known.get(length) ?? []) {
      if (name in doc) continue;
      const distance = editDistance(key, name);
      const allowed = name.length <= 6 ? 1 : 2;
      // Ties go to the name the schema lists first.
      const better = !best || distance < best.distance || (distance === best.distance && order < best.order);
      if (distance > 0 && distance <= allowed && better) best = { name, distance, order };
    }
  return best?.name;
}
