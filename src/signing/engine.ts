import type { Primitive } from './algorithms.ts';
import type { KeyMaterial } from './keys/material.ts';

/**
 * A faster way to run the primitives that a host may install: the server installs Node's synchronous
 * crypto, which signs and verifies Ed25519 several times faster than Node's WebCrypto. The steps
 * around them (components, signature base, parameters, policy) stay this module's own. Returning
 * undefined from a hook means "not handled here": WebCrypto then does the work, as in the browser.
 */
export interface SignatureEngine {
  sign?(material: KeyMaterial, primitive: Primitive, data: Uint8Array): Uint8Array | undefined;
  verify?(material: KeyMaterial, primitive: Primitive, data: Uint8Array, signature: Uint8Array): boolean | undefined;
  digest?(algorithm: 'SHA-256' | 'SHA-512', data: Uint8Array): Uint8Array | undefined;
}

let installed: SignatureEngine | undefined;

export function installSignatureEngine(engine: SignatureEngine | undefined): void {
  installed = engine;
}

export function signatureEngine(): SignatureEngine | undefined {
  return installed;
}
