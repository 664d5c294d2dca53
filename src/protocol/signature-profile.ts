// How OCM signs its server-to-server requests, as plain data for the signing core (which does not know
// OCM). The shapes match src/signing's Rfc9421Profile and CavageProfile; the join happens where a request
// is sent or received (server code, src/api).

/** OCM draft -07 §5.1: RFC 9421 with tag="ocm", created and keyid required, keyid = JWK kid, alg from the JWK. */
export const OCM_RFC9421_PROFILE = {
  name: 'OCM',
  components: ['"@method"', '"@target-uri"', '"content-digest"', '"content-length"'],
  requiredParams: ['created', 'keyid'],
  tag: 'ocm',
  keyidIsKid: true,
  algorithmFromKey: true,
  forbiddenAlgorithms: ['hmac-sha256'],
  contentDigest: 'sha-256',
  addContentLength: true,
  // Not fixed by the spec; Nextcloud's cavage Date TTL and one independent receiver use 300 s.
  maxAgeSeconds: 300,
  clockSkewSeconds: 60,
  // The order the console writes parameters in: that of the draft's Appendix B example
  // (created;keyid;alg;tag), with expires and nonce, which OCM does not require, where RFC 9421 §2.3 lists
  // them. Verifiers take whatever order they receive (the order is part of the signed base).
  paramOrder: ['created', 'expires', 'keyid', 'nonce', 'alg', 'tag'],
} as const;

/** Nextcloud's legacy draft-cavage-12 profile (OCM §5.2), used towards peers without `http-sig`. */
export const NEXTCLOUD_CAVAGE_PROFILE = {
  name: 'Nextcloud draft-cavage',
  headers: ['(request-target)', 'content-length', 'date', 'digest', 'host'],
  algorithm: 'rsa-sha256',
  keyIdFormat: 'https://<host>[/<subfolder>]/ocm#signature',
  digest: 'SHA-256',
  addDate: true,
  addHost: true,
  addContentLength: true,
  maxDateAgeSeconds: 300,
} as const;

/** The keyId Nextcloud publishes for its cavage key: `https://<host>/ocm#signature`. */
export function nextcloudKeyId(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/ocm#signature`;
}

/**
 * How to sign towards a receiver, from its discovery: RFC 9421 when it advertises `http-sig`,
 * draft-cavage when it publishes only a legacy `publicKey`, unsigned when it shows neither.
 */
export function signatureProfileFor(discovery: unknown): 'ocm' | 'cavage' | null {
  const doc = typeof discovery === 'object' && discovery !== null ? (discovery as Record<string, unknown>) : {};
  if (Array.isArray(doc.capabilities) && doc.capabilities.includes('http-sig')) return 'ocm';
  return doc.publicKey ? 'cavage' : null;
}
