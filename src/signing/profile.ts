// Signature profiles as plain data. The signing core does not know OCM: an application (src/protocol)
// describes what it requires in these shapes and passes the profile in.

export type SignatureParamName = 'created' | 'expires' | 'nonce' | 'alg' | 'keyid' | 'tag';

export interface Rfc9421Profile {
  name: string;
  /** Covered components, in order, as `"@method"`-style identifiers. */
  components: readonly string[];
  requiredParams: readonly SignatureParamName[];
  /** Value of the `tag` parameter that marks the application's signature. */
  tag?: string;
  /** The `keyid` must equal the `kid` of a key in the signer's JWK Set. */
  keyidIsKid?: boolean;
  /** The algorithm comes from the key (JWK `alg`); the `alg` parameter is optional and must agree. */
  algorithmFromKey?: boolean;
  /** Algorithms a verifier must refuse (e.g. hmac-sha256 in OCM). */
  forbiddenAlgorithms?: readonly string[];
  /** Add a Content-Digest with this algorithm when signing a message that lacks one. */
  contentDigest?: 'sha-256' | 'sha-512';
  /** Add Content-Length when signing a message that lacks one. */
  addContentLength?: boolean;
  /** Reject `created` older than this many seconds. */
  maxAgeSeconds?: number;
  /** Tolerated clock difference for `created` in the future. */
  clockSkewSeconds?: number;
  /** The order the signer writes its parameters in (a verifier takes whatever order it receives). */
  paramOrder?: readonly SignatureParamName[];
}

export interface CavageProfile {
  name: string;
  /** The `headers` list, e.g. ['(request-target)', 'content-length', 'date', 'digest', 'host']. */
  headers: readonly string[];
  algorithm: string;
  /** How keyId looks, for messages, e.g. 'https://<host>/ocm#signature'. */
  keyIdFormat?: string;
  /** Add `Digest: SHA-256=...` when missing. */
  digest?: 'SHA-256' | 'SHA-512';
  addDate?: boolean;
  addHost?: boolean;
  addContentLength?: boolean;
  /** Reject a Date header older than this many seconds. */
  maxDateAgeSeconds?: number;
  /** How the signing string is written: draft-12's `name: value` lines (default) or the values alone. */
  signingStringLines?: 'name-value' | 'values-only';
}
