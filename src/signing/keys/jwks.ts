import { fail, jsonInput, ok, type Result } from '../result.ts';
import { materialFromJwk, type JwkObject, type KeyMaterial } from './material.ts';

export interface Jwks {
  keys: KeyMaterial[];
  /** Entries that could not be read, with the reason (a JWKS with one odd key is still usable). */
  skipped: Array<{ index: number; kid?: string; reason: string }>;
}

/** Parses a JWK Set document ({"keys": [...]}) from JSON text or an object. */
export function parseJwks(input: string | object): Result<Jwks> {
  const parsed = jsonInput(input, 'JWKS');
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return fail('bad-key', 'a JWK Set must be an object with a "keys" array', 'JWKS');
  const out: Jwks = { keys: [], skipped: [] };
  keys.forEach((entry: unknown, index) => {
    const kid = typeof (entry as JwkObject)?.kid === 'string' ? (entry as JwkObject).kid : undefined;
    if (typeof entry !== 'object' || entry === null) {
      out.skipped.push({ index, reason: 'not a JSON object' });
      return;
    }
    const material = materialFromJwk(entry as JwkObject, `JWKS key ${index}`);
    if (typeof material === 'string')
      out.skipped.push({ index, ...(kid === undefined ? {} : { kid }), reason: material });
    else out.keys.push(material);
  });
  return ok(out);
}

/** The key whose kid equals keyid exactly (OCM: keyid MUST equal the JWK kid). */
export function findKey(jwks: Jwks, keyid: string): KeyMaterial | undefined {
  return jwks.keys.find((k) => k.kid === keyid);
}

/** Kids that differ from keyid only in case, a trailing slash or a URL prefix: likely what the signer meant. */
export function nearKids(jwks: Jwks, keyid: string): string[] {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/\/+$/, '')
      .replace(/^https?:\/\//, '');
  return jwks.keys
    .map((k) => k.kid)
    .filter((kid): kid is string => kid !== undefined && kid !== keyid && norm(kid) === norm(keyid));
}
