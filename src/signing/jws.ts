import { compactVerify, flattenedVerify, generalVerify, importJWK, type FlattenedJWS, type GeneralJWS } from 'jose';
import { importKey } from './keys/import.ts';
import { publicJwkMembers } from './keys/material.ts';
import { errorText } from './result.ts';

type JwsVerdict = { ok: true; alg: string; payload: string } | { ok: false; reason: string };

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const SYMMETRIC = /^HS\d+$/;

function headerAlg(protectedPart: unknown): string | undefined {
  if (typeof protectedPart !== 'string') return undefined;
  try {
    const json = atob(protectedPart.replace(/-/g, '+').replace(/_/g, '/'));
    const alg = (JSON.parse(json) as { alg?: unknown }).alg;
    return typeof alg === 'string' ? alg : undefined;
  } catch {
    return undefined;
  }
}

/** The serialisation and its algorithm, or why this text is not a JWS a verifier can check. */
function parseJws(text: string):
  | { ok: true; form: 'compact' | 'flattened' | 'general'; value: string | FlattenedJWS | GeneralJWS; alg: string }
  | {
      ok: false;
      reason: string;
    } {
  const trimmed = text.trim();
  if (COMPACT.test(trimmed)) {
    const alg = headerAlg(trimmed.split('.')[0]);
    return alg
      ? { ok: true, form: 'compact', value: trimmed, alg }
      : { ok: false, reason: 'the JWS header names no alg' };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return { ok: false, reason: 'this is neither a compact JWS (header.payload.signature) nor JSON' };
  }
  if (typeof doc !== 'object' || doc === null || !('payload' in doc))
    return { ok: false, reason: 'this JSON is not a JWS: it has no "payload"' };
  const jws = doc as Record<string, unknown>;
  if (typeof jws.payload !== 'string')
    return {
      ok: false,
      reason:
        'this is not a JWS serialisation: "payload" is JSON written out (as in the draft\'s example), not base64url, so no signature covers it',
    };
  if (Array.isArray(jws.signatures)) {
    const alg = headerAlg((jws.signatures[0] as { protected?: unknown } | undefined)?.protected);
    return alg
      ? { ok: true, form: 'general', value: jws as unknown as GeneralJWS, alg }
      : { ok: false, reason: "the first signature's protected header names no alg" };
  }
  const alg = headerAlg(jws.protected);
  return alg
    ? { ok: true, form: 'flattened', value: jws as unknown as FlattenedJWS, alg }
    : { ok: false, reason: '"protected" is not a base64url-encoded header with an alg' };
}

/**
 * Verifies a JWS (compact `a.b.c`, or the flattened or general JSON form) with a public key given as PEM
 * or JWK, as a Directory Service document is signed (OCM Appendix C: the key comes out of band). An
 * unsigned (`none`) or shared-secret (`HS*`) JWS is refused: a federation list needs an asymmetric key.
 */
export async function verifyJws(jws: string, keyText: string): Promise<JwsVerdict> {
  const parsed = parseJws(jws);
  if (!parsed.ok) return parsed;
  if (parsed.alg === 'none' || SYMMETRIC.test(parsed.alg))
    return { ok: false, reason: `alg "${parsed.alg}" is not a signature a federation key can make` };
  const material = await importKey(keyText);
  if (!material.ok) return { ok: false, reason: material.error.message };
  try {
    const key = await importJWK(publicJwkMembers(material.value) as Parameters<typeof importJWK>[0], parsed.alg);
    const result =
      parsed.form === 'compact'
        ? await compactVerify(parsed.value as string, key)
        : parsed.form === 'flattened'
          ? await flattenedVerify(parsed.value as FlattenedJWS, key)
          : await generalVerify(parsed.value as GeneralJWS, key);
    return {
      ok: true,
      alg: result.protectedHeader?.alg ?? parsed.alg,
      payload: new TextDecoder().decode(result.payload),
    };
  } catch (error) {
    return { ok: false, reason: `the signature does not verify with this key: ${errorText(error)}` };
  }
}
