import { compactVerify, flattenedVerify, importJWK, type FlattenedJWS } from 'jose';
import { importKey } from './keys/import.ts';
import { publicJwkMembers } from './keys/material.ts';
import { errorText } from './result.ts';

/**
 * Verifies a JWS (compact `a.b.c`, or the flattened JSON form) with a public key given as PEM or JWK,
 * as a Directory Service document is signed (OCM Appendix C: the key comes out of band).
 */
export async function verifyJws(
  jws: string,
  keyText: string,
): Promise<{ ok: true; alg: string; payload: string } | { ok: false; reason: string }> {
  const material = await importKey(keyText);
  if (!material.ok) return { ok: false, reason: material.error.message };
  try {
    const header = (jws.trim().startsWith('{') ? JSON.parse(jws) : undefined) as FlattenedJWS | undefined;
    const protectedHeader = header ? header.protected : jws.split('.')[0];
    const alg = String(
      (JSON.parse(atob((protectedHeader ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { alg?: unknown }).alg ?? '',
    );
    const key = await importJWK(publicJwkMembers(material.value) as Parameters<typeof importJWK>[0], alg);
    const result = header ? await flattenedVerify(header, key) : await compactVerify(jws.trim(), key);
    return { ok: true, alg: result.protectedHeader?.alg ?? alg, payload: new TextDecoder().decode(result.payload) };
  } catch (error) {
    return { ok: false, reason: `the signature does not verify with this key: ${errorText(error)}` };
  }
}
