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

/**
 * The OCM-stub's own draft-cavage variant (cs3org/OCM-stub, the peer the OCM test suite uses): the keyId is
 * the sender's bare host (it fetches `https://<keyId>/ocm-provider/` for the key), and the signing string is
 * the values of (request-target), content-length, host, date and digest, one a line, without names.
 */
export const OCM_STUB_CAVAGE_PROFILE = {
  name: 'OCM-stub draft-cavage variant',
  headers: ['(request-target)', 'content-length', 'host', 'date', 'digest'],
  algorithm: 'rsa-sha256',
  keyIdFormat: '<host>[:<port>]',
  digest: 'SHA-256',
  addDate: true,
  addHost: true,
  addContentLength: true,
  maxDateAgeSeconds: 300,
  signingStringLines: 'values-only',
} as const;

export type CavageVariant = 'nextcloud' | 'ocm-stub';

/** How the console signs towards a receiver, why, and (for draft-cavage) in which variant. */
export interface SigningChoice {
  profile: 'ocm' | 'cavage' | null;
  variant?: CavageVariant;
  /** One sentence a user reads next to the exchange: what was chosen, from which evidence. */
  reason: string;
}

/** The keyId to sign with for a draft-cavage variant, from the console's base URL. */
export function cavageKeyIdFor(variant: CavageVariant, consoleBase: string): string {
  return variant === 'ocm-stub' ? new URL(consoleBase).host : nextcloudKeyId(consoleBase);
}

/**
 * The signing choice from a receiver's discovery. RFC 9421 when it advertises `http-sig`. A legacy
 * `publicKey` published as a bare PEM string (no `keyId` beside it) is the OCM-stub's shape: such a
 * receiver takes the keyId as a host name and checks a names-free signing string, so it gets that form;
 * a Nextcloud-style `{keyId, publicKeyPem}` gets draft-cavage as Nextcloud signs it.
 */
export function signingChoiceFor(discovery: unknown): SigningChoice {
  const doc = typeof discovery === 'object' && discovery !== null ? (discovery as Record<string, unknown>) : {};
  const profile = signatureProfileFor(doc);
  if (profile === 'ocm') return { profile, reason: 'Signed with RFC 9421 (the receiver advertises http-sig).' };
  if (profile === null) return { profile, reason: 'Sent unsigned: the receiver advertises no signature support.' };
  if (typeof doc.publicKey === 'string') {
    const version = typeof doc.apiVersion === 'string' ? `apiVersion ${doc.apiVersion}, ` : '';
    return {
      profile,
      variant: 'ocm-stub',
      reason:
        `Signed with the OCM-stub's draft-cavage variant: the receiver (${version}no http-sig) publishes its ` +
        'publicKey as a bare PEM string with no keyId, as the OCM-stub does; such a receiver reads the keyId as ' +
        "the sender's host (it fetches https://<keyId>/ocm-provider/) and checks a signing string of header " +
        'values without names, so the keyId is the bare host and the signing string has no names. ' +
        'A draft-cavage-12 verifier would not accept this form.',
    };
  }
  return {
    profile,
    variant: 'nextcloud',
    reason: 'Signed with draft-cavage as Nextcloud does (the receiver publishes a legacy publicKey, no http-sig).',
  };
}

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
