// Where a discovery document keeps its keys, and what OCM asks of them (draft-07 §5.1, §5.2).

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface LegacyPublicKey {
  pem: string;
  /** The keyId the document publishes beside it (`{keyId, publicKeyPem}`); absent for a bare PEM string. */
  keyId?: string;
}

/**
 * The legacy draft-cavage key of a discovery document: `publicKey: {keyId, publicKeyPem}` as Nextcloud
 * publishes it, or a bare PEM string as some servers do. Undefined when there is no PEM to read.
 */
export function legacyPublicKey(doc: unknown): LegacyPublicKey | undefined {
  if (!isObject(doc)) return undefined;
  const pk = doc.publicKey;
  if (typeof pk === 'string') return pk ? { pem: pk } : undefined;
  if (isObject(pk) && typeof pk.publicKeyPem === 'string')
    return { pem: pk.publicKeyPem, ...(typeof pk.keyId === 'string' ? { keyId: pk.keyId } : {}) };
  return undefined;
}

/** The `keys` of a JWK Set, or undefined when the value is not one. */
export function jwkSetKeys(json: unknown): unknown[] | undefined {
  return isObject(json) && Array.isArray(json.keys) ? json.keys : undefined;
}

/**
 * What a key in a peer's JWK Set lacks for OCM: every key needs `kid` (it is the signature's keyid) and
 * `alg` (the algorithm comes from the key), and none may be symmetric (HMAC is forbidden). Empty when fine.
 */
export function jwkProblems(jwk: unknown): string[] {
  const k = isObject(jwk) ? jwk : {};
  const problems: string[] = [];
  if (typeof k.kid !== 'string') problems.push('no kid');
  if (typeof k.alg !== 'string') problems.push('no alg');
  if (k.kty === 'oct') problems.push('a symmetric key (forbidden)');
  return problems;
}
