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

/**
 * Fields the spec does not define, reported as info: the spec lets senders add them and receivers
 * ignore them, but a typo ("sharedSecrets") looks exactly like this. Walks only the schema's own
 * shape, so depth is bounded by the schema, not by the document.
 */
export function unknownFieldFindings(kind: Kind, schema: z.ZodType, doc: unknown): Finding[] {
  const findings: Finding[] = [];
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
    for (const [key, child] of Object.entries(value)) {
      const known = shape[key];
      if (known) visit(known, child, childPointer(pointer, key), [...path, key]);
      else if (isOpen(inner)) {
        const meant = path.length === 0 ? closestKnown(key, Object.keys(shape), value) : undefined;
        if (meant) {
          findings.push({
            severity: 'warning',
            path: childPointer(pointer, key),
            code: 'fields.did-you-mean',
            message: `"${key}": did you mean "${meant}"? Receivers ignore "${key}", so "${meant}" is not sent at all.`,
            hint: `Rename "${key}" to "${meant}".`,
            specRef: specRef(sectionForPath(kind, [meant])),
          });
          continue;
        }
        findings.push({
          severity: 'info',
          path: childPointer(pointer, key),
          code: 'fields.unknown',
          message: `"${key}" is not defined by the spec here; receivers ignore it.`,
          specRef: specRef(sectionForPath(kind, [...path, key])),
        });
      }
    }
  };
  visit(schema, doc, '', []);
  return findings;
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
 * one edit for short names, two for longer ones, and only when the known field itself is absent.
 */
function closestKnown(key: string, known: string[], doc: Record<string, unknown>): string | undefined {
  if (key.length < 4 || key.length > 64) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    if (name in doc) continue;
    const distance = editDistance(key, name);
    const allowed = name.length <= 6 ? 1 : 2;
    if (distance > 0 && distance <= allowed && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
