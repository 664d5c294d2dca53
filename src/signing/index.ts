/**
 * HTTP message signatures for OCM Explorer: RFC 9421, draft-cavage-12, RFC 9530 digests and keys.
 * Pure and isomorphic (WebCrypto + structured-headers + jose): the same code runs in the browser,
 * the server and the CLI. Nothing here throws on bad input: results are data ({ ok, value | error },
 * or outcomes with `problems`).
 *
 * Messages: `{ method, url, headers, body? }` or `{ status, headers, body?, request? }`; headers are an
 * object or a list of [name, value] pairs (order and repeats kept).
 *
 * Sign (after the final headers such as Host, Content-Length, Content-Digest are fixed):
 *   signMessage(message, { key, components: '"@method" "@target-uri"', created?, expires?, nonce?,
 *     keyid?, tag?, alg?, includeAlg?, label? }) → Result<SignResult>
 *   signWithProfile(message, profile, { key, keyid?, now? })   adds the headers the profile needs first
 *   SignResult: { signatureBase, signatureInput, signature, headers (every header added), message, ... }
 *
 * Verify:  verifyMessage(message, { key | jwks, label?, profile?, now?, maxAgeSeconds? }) → VerifyOutcome
 *   { ok, label, keyid, alg, signatureBase, problems: [{ code, message, where }], warnings, notes }
 * Freshness: judgeSignatureTimes / judgeDateHeader (one window for created, expires and Date; default 300 s)
 * Doctor:  diagnose(message, { ...verify options, pastedBase? }) → DoctorReport (findings with fixes,
 *   the URL the signer must have used, a line diff against a pasted base)
 * Cavage:  signCavage / signCavageWithProfile / verifyCavage (names non-standard variants)
 * Digests: createContentDigest / checkContentDigest (RFC 9530), createLegacyDigest / checkLegacyDigest
 * Keys:    generateKey, importKey (PEM: PKCS#8, PKCS#1, SEC1, SPKI, RSA-PSS OID; or JWK JSON), importJwk,
 *   importSecret, exportPkcs8Pem, exportSpkiPem, exportPublicJwk, exportPrivateJwk, publicKeyOf,
 *   thumbprint (RFC 7638), parseJwks, findKey, toJwks
 */
import { headerValues, type HeaderInput } from './message.ts';

export {
  SIGNATURE_ALGORITHMS,
  isSignatureAlgorithm,
  algorithmFromJose,
  primitiveFromJose,
  joseName,
  type SignatureAlgorithm,
  type Primitive,
} from './algorithms.ts';
export { type ErrorCode, type Result, type SigningError } from './result.ts';
export {
  headerPairs,
  headerValues,
  withHeaders,
  isRequest,
  type HeaderInput,
  type HeaderPairs,
  type HttpMessageInput,
  type HttpRequestInput,
  type HttpResponseInput,
} from './message.ts';
export type { Rfc9421Profile, CavageProfile, SignatureParamName } from './profile.ts';

export {
  signMessage,
  signWithProfile,
  profileHeaders,
  resolveAlgorithm,
  DEFAULT_PARAM_ORDER,
  type SignOptions,
  type SignResult,
  type ProfileSignOptions,
} from './rfc9421/sign.ts';
export {
  verifyMessage,
  VERIFY_FAILURE_CODES,
  type VerifyOptions,
  type VerifyOutcome,
  type VerifyProblem,
  type VerifyFailureCode,
} from './rfc9421/verify.ts';
export { buildSignatureBase, type SignatureBase, type BaseLine } from './rfc9421/base.ts';
export { parseComponents, componentValue } from './rfc9421/components.ts';
export { readSignatures, type SignatureEntry } from './rfc9421/signature-fields.ts';

export {
  signCavage,
  signCavageWithProfile,
  CAVAGE_ALGORITHMS,
  type CavageSignOptions,
  type CavageSignResult,
} from './cavage/sign.ts';
export {
  verifyCavage,
  CAVAGE_PROBLEM_CODES,
  type CavageOutcome,
  type CavageProblem,
  type CavageVerifyOptions,
} from './cavage/verify.ts';
export {
  DEFAULT_FRESHNESS,
  FRESHNESS_CODES,
  describeDuration,
  judgeDateHeader,
  judgeSignatureTimes,
  parseHttpDate,
  type FreshnessCode,
  type FreshnessFinding,
  type FreshnessWindow,
} from './freshness.ts';
export { signingString as cavageSigningString, parseCavageHeader } from './cavage/signing-string.ts';

export {
  createContentDigest,
  checkContentDigest,
  createLegacyDigest,
  checkLegacyDigest,
  type DigestCheck,
  type DigestEntry,
  type DigestAlgorithm,
} from './digest/content-digest.ts';

export {
  generateKey,
  thumbprint,
  exportPublicJwk,
  exportPrivateJwk,
  exportPkcs8Pem,
  exportSpkiPem,
  publicKeyOf,
  toJwks,
  type GenerateKind,
} from './keys/export.ts';
export { importKey, importPem, importJwk, importSecret } from './keys/import.ts';
export { parseJwks, findKey, type Jwks } from './keys/jwks.ts';
export { defaultAlgorithm, describeKey, type KeyMaterial, type JwkObject } from './keys/material.ts';

export { installSignatureEngine, type SignatureEngine } from './engine.ts';
export { verifyJws } from './jws.ts';
export {
  diagnose,
  diffLines,
  explainLineDifference,
  type DoctorReport,
  type Finding,
  type DiffLine,
} from './doctor.ts';

/** Which signature scheme a message carries: RFC 9421 has Signature-Input; cavage only Signature with keyId=. */
export function detectScheme(headers: HeaderInput): 'rfc9421' | 'cavage' | 'none' {
  if (headerValues(headers, 'signature-input').length) return 'rfc9421';
  const sig = [...headerValues(headers, 'signature'), ...headerValues(headers, 'authorization')].join(',');
  return /keyId\s*=/.test(sig) ? 'cavage' : 'none';
}
