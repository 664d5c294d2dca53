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
      else if (isOpen(inner))
        findings.push({
          severity: 'info',
          path: childPointer(pointer, key),
          code: 'fields.unknown',
          message: `"${key}" is not defined by the spec here; receivers ignore it.`,
          specRef: specRef(sectionForPath(kind, [...path, key])),
        });
    }
  };
  visit(schema, doc, '', []);
  return findings;
}
