import { PRIMITIVES, type Primitive } from './algorithms.ts';
import { subtle } from './bytes.ts';
import { signatureEngine } from './engine.ts';
import { cryptoKeyFor, describeKey, keyTypeMatches, type KeyMaterial } from './keys/material.ts';
import { fail, ok, type Result, errorText } from './result.ts';

/** Signs bytes with one primitive; a key of the wrong type is an error naming both. */
export async function signBytes(
  material: KeyMaterial,
  primitive: Primitive,
  data: Uint8Array<ArrayBuffer>,
): Promise<Result<Uint8Array>> {
  if (!keyTypeMatches(material, primitive))
    return fail('alg-mismatch', `algorithm ${primitive} cannot be used with ${describeKey(material)}`, 'key');
  if (material.type === 'public')
    return fail('bad-key', `signing needs a private key, but ${material.source} is a public key`, 'key');
  try {
    const fast = signatureEngine()?.sign?.(material, primitive, data);
    if (fast) return ok(fast);
    const key = await cryptoKeyFor(material, primitive, 'sign');
    return ok(new Uint8Array(await subtle().sign(PRIMITIVES[primitive].signParams, key, data)));
  } catch (error) {
    return fail('crypto-failed', `signing with ${primitive} failed: ${errorText(error)}`, 'key');
  }
}

/** Verifies a signature; false for a signature that does not match, an error for an unusable key. */
export async function verifyBytes(
  material: KeyMaterial,
  primitive: Primitive,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array,
): Promise<Result<boolean>> {
  if (!keyTypeMatches(material, primitive))
    return fail('alg-mismatch', `algorithm ${primitive} cannot be used with ${describeKey(material)}`, 'key');
  try {
    const fast = signatureEngine()?.verify?.(material, primitive, data, signature);
    if (fast !== undefined) return ok(fast);
    const key = await cryptoKeyFor(material, primitive, 'verify');
    return ok(await subtle().verify(PRIMITIVES[primitive].signParams, key, new Uint8Array(signature), data));
  } catch (error) {
    return fail('crypto-failed', `verifying with ${primitive} failed: ${errorText(error)}`, 'key');
  }
}
