import { z } from 'zod';
import type { Kind } from './kinds.ts';
import { schemaFor } from './schemas/index.ts';

const cache = new Map<Kind, Record<string, unknown>>();

/** JSON Schema (draft 2020-12) of a kind's input shape, for editor validation and completion. */
export function jsonSchemaFor(kind: Kind): Record<string, unknown> {
  let schema = cache.get(kind);
  if (!schema) {
    schema = z.toJSONSchema(schemaFor(kind), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    cache.set(kind, schema);
  }
  return schema;
}
