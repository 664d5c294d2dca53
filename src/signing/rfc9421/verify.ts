import { isSignatureAlgorithm, isSymmetric, joseName, type Primitive } from '../algorithms.ts';
import { utf8 } from '../bytes.ts';
import { verifyBytes } from '../crypto.ts';
import { checkContentDigest, type DigestCheck } from '../digest/content-digest.ts';
import { findKey, nearKids, type Jwks } from '../keys/jwks.ts';
import { describeKey, keyTypeMatches, typeAlgorithm, type KeyMaterial } from '../keys/material.ts';
import { DEFAULT_FRESHNESS, judgeSignatureTimes, type FreshnessWindow } from '../freshness.ts';
import { headerValues, type HttpMessageInput } from '../message.ts';
import { repeatedMembers } from '../repeated-members.ts';
import type { Rfc9421Profile } from '../profile.ts';
import { buildSignatureBase, type BaseLine } from './base.ts';
import { canonicalKey, componentKey, parseComponents } from './components.ts';
import { readParams, readSignatures, type SignatureEntry, type SignatureParamsView } from './signature-fields.ts';
import { nowSeconds } from './sign.ts';

/** Every reason an RFC 9421 verification can fail, as data (the conformance map names them). */
export const VERIFY_FAILURE_CODES = [
  'no-signature',
  'bad-signature-input',
  'bad-signature-header',
  'label-not-found',
  'not-tagged',
  'several-tagged-signatures',
  'duplicate-member',
  'signature-value-missing',
  'component-error',
  'profile-component-missing',
  'param-missing',
  'tag-missing',
  'created-in-future',
  'created-too-old',
  'expired',
  'no-key',
  'keyid-not-found',
  'key-alg-missing',
  'alg-unknown',
  'alg-mismatch',
  'alg-forbidden',
  'digest-mismatch',
  'bad-key',
  'signature-mismatch',
] as const;
export type VerifyFailureCode = (typeof VERIFY_FAILURE_CODES)[number];

export interface VerifyProblem {
  code: VerifyFailureCode;
  message: string;
  where?: string;
}

export interface VerifyOptions {
  /** Which signature to check; by default the one with the profile's tag, else the only (or first) one. */
  label?: string;
  key?: KeyMaterial;
  /** Look the key up by keyid (= JWK kid). */
  jwks?: Jwks;
  profile?: Rfc9421Profile;
  /** Current time in Unix seconds. */
  now?: number;
  /**
   * The freshness window for `created`, in seconds: given here or by the profile, an older signature is
   * refused; otherwise 300 s applies as a warning (plain RFC 9421 leaves the window to the application).
   */
  maxAgeSeconds?: number;
  /** Tolerated clock skew for `created` in the future (default 60 s). */
  clockSkewSeconds?: number;
}

export interface VerifyOutcome {
  ok: boolean;
  label?: string;
  keyid?: string;
  /** The algorithm checked: its RFC 9421 name, or its JOSE name when the registry has none (RS512). */
  alg?: string;
  /** The primitive behind `alg`. */
  primitive?: Primitive;
  params?: SignatureParamsView;
  /** Serialised identifiers of the covered components. */
  components: string[];
  signatureBase?: string;
  lines?: BaseLine[];
  /** All labels in the message. */
  labels: string[];
  digest?: DigestCheck;
  /** Length in bytes of the signature value (a hint at the algorithm the signer used). */
  signatureLength?: number;
  key?: KeyMaterial;
  /**
   * Set when the profile marks its signature with a tag and no signature carries it: for the profile the
   * message is unsigned (draft-07: accepted or refused by the receiver's must-use-http-sig), and the
   * signatures present belong to something else (a proxy, another application).
   */
  unsigned?: { others: Array<{ label: string; tag?: string }> };
  /** Every reason verification fails, most important first. Empty when ok. */
  problems: VerifyProblem[];
  /** Named findings that do not fail verification under the options given (e.g. an old `created` under plain RFC 9421). */
  warnings: VerifyProblem[];
  /** Things worth knowing that do not fail verification. */
  notes: string[];
}

function chooseEntry(
  entries: SignatureEntry[],
  options: VerifyOptions,
  outcome: VerifyOutcome,
): SignatureEntry | undefined {
  if (options.label !== undefined) {
    const entry = entries.find((e) => e.label === options.label);
    if (!entry)
      outcome.problems.push({
        code: 'label-not-found',
        message: `no signature labelled "${options.label}" (labels present: ${outcome.labels.join(', ')})`,
        where: 'Signature-Input',
      });
    return entry;
  }
  const tag = options.profile?.tag;
  if (tag !== undefined) {
    const tagged = entries.filter((e) => e.params.get('tag') === tag);
    if (tagged.length > 1) {
      outcome.problems.push({
        code: 'several-tagged-signatures',
        message: `${tagged.length} signatures carry tag="${tag}" (${tagged.map((e) => e.label).join(', ')}); the ${options.profile!.name} profile allows exactly one`,
        where: 'Signature-Input',
      });
      return tagged[0];
    }
    if (tagged.length === 1) return tagged[0];
    // Draft-07 "Verification Requirements": no signature with the tag means unsigned for OCM, and the
    // others must not be processed as OCM signatures.
    const others = entries.map((e) => {
      const other = e.params.get('tag');
      return typeof other === 'string' ? { label: e.label, tag: other } : { label: e.label };
    });
    outcome.unsigned = { others };
    const named = others.map((o) => (o.tag === undefined ? `"${o.label}" (no tag)` : `"${o.label}" (tag="${o.tag}")`));
    // Near misses deployed signers produce: the label "ocm" without the tag (Nextcloud's first RFC 9421
    // code), or the tag in another case.
    const near = others.find((o) => o.label === tag || o.tag?.toLowerCase() === tag.toLowerCase());
    const hint = !near
      ? ''
      : near.tag === undefined
        ? `; a label "${tag}" does not mark the signature, the tag parameter does`
        : `; tags are compared exactly: "${near.tag}" is not "${tag}"`;
    outcome.problems.push({
      code: 'not-tagged',
      message: `no signature carries tag="${tag}", so for the ${options.profile!.name} profile the message is unsigned; the signature${others.length > 1 ? 's' : ''} present ${others.length > 1 ? 'are' : 'is'} not ${options.profile!.name} signature${others.length > 1 ? 's' : ''}: ${named.join(', ')}${hint}`,
      where: 'Signature-Input',
    });
    return undefined;
  }
  if (entries.length > 1)
    outcome.notes.push(
      `the message has ${entries.length} signatures (${outcome.labels.join(', ')}); checked "${entries[0]!.label}" (choose another with a label)`,
    );
  return entries[0];
}

function checkProfile(
  entry: SignatureEntry,
  params: SignatureParamsView,
  profile: Rfc9421Profile,
  outcome: VerifyOutcome,
): void {
  const covered = new Set(entry.components.map(canonicalKey));
  const wanted = parseComponents(profile.components);
  if (wanted.ok) {
    for (const id of wanted.value) {
      if (!covered.has(canonicalKey(id)))
        outcome.problems.push({
          code: 'profile-component-missing',
          message: `the ${profile.name} profile requires ${componentKey(id)} to be covered, but the signature does not cover it`,
          where: `Signature-Input ${entry.label}`,
        });
    }
  }
  for (const name of profile.requiredParams) {
    if (name === 'tag') continue;
    if (params[name] === undefined)
      outcome.problems.push({
        code: 'param-missing',
        message: `the ${profile.name} profile requires the "${name}" parameter, which is missing`,
        where: `Signature-Input ${entry.label}`,
      });
  }
  if (
    profile.tag !== undefined &&
    params.tag !== profile.tag &&
    !outcome.problems.some((p) => p.code === 'tag-missing')
  ) {
    outcome.problems.push({
      code: 'tag-missing',
      message:
        params.tag === undefined
          ? `tag="${profile.tag}" is missing`
          : `tag is "${params.tag}", expected "${profile.tag}"`,
      where: `Signature-Input ${entry.label}`,
    });
  }
}

/**
 * Freshness (src/signing/freshness.ts). Under a profile (OCM) or a window the caller set, a signature
 * outside the window is refused, as deployed peers refuse it; under plain RFC 9421, which leaves the window
 * to the application (§3.2.1), an old `created` is a named warning with its age. An expired signature or
 * one created in the future is refused either way.
 */
function checkTimes(params: SignatureParamsView, options: VerifyOptions, outcome: VerifyOutcome): void {
  const now = options.now ?? nowSeconds();
  const window: FreshnessWindow = {
    maxAgeSeconds: options.maxAgeSeconds ?? options.profile?.maxAgeSeconds ?? DEFAULT_FRESHNESS.maxAgeSeconds,
    clockSkewSeconds:
      options.clockSkewSeconds ?? options.profile?.clockSkewSeconds ?? DEFAULT_FRESHNESS.clockSkewSeconds,
  };
  const enforced = options.maxAgeSeconds !== undefined || options.profile?.maxAgeSeconds !== undefined;
  const times = {
    ...(params.created !== undefined ? { created: params.created } : {}),
    ...(params.expires !== undefined ? { expires: params.expires } : {}),
  };
  for (const finding of judgeSignatureTimes(times, now, window)) {
    const problem: VerifyProblem = { code: finding.code as VerifyFailureCode, message: finding.message };
    problem.where = finding.where;
    if (finding.code === 'created-too-old' && !enforced)
      outcome.warnings.push({
        ...problem,
        message: `${finding.message}; plain RFC 9421 leaves the window to the application, so this is a warning (the OCM profile refuses it)`,
      });
    else outcome.problems.push(problem);
  }
}

function resolveKey(
  params: SignatureParamsView,
  options: VerifyOptions,
  outcome: VerifyOutcome,
): KeyMaterial | undefined {
  if (options.key) return options.key;
  if (!options.jwks) {
    outcome.problems.push({ code: 'no-key', message: 'no key or JWK Set was given to verify with' });
    return undefined;
  }
  if (params.keyid === undefined) {
    outcome.problems.push({
      code: 'keyid-not-found',
      message: 'the signature has no keyid, so no key can be chosen from the JWK Set',
      where: 'keyid',
    });
    return undefined;
  }
  const key = findKey(options.jwks, params.keyid);
  if (!key) {
    const near = nearKids(options.jwks, params.keyid);
    const kids = options.jwks.keys.map((k) => k.kid ?? '(no kid)');
    outcome.problems.push({
      code: 'keyid-not-found',
      message: `keyid "${params.keyid}" is not the kid of any key in the JWK Set (kids: ${kids.join(', ') || 'none'})${near.length ? `; close match: "${near[0]}" (keyid and kid must be equal)` : ''}`,
      where: 'keyid',
    });
  }
  return key;
}

/**
 * The algorithms to try. A key that declares one (JWK alg, RSA-PSS OID) decides, whatever its RFC 9421
 * name; else the alg parameter; else the key type (an RSA key that declares nothing could be either RSA
 * registry algorithm). Under a profile that takes the algorithm from the key, a published JWK without
 * `alg` is refused (draft-07 "Keys and Algorithms"), and the algorithm it would have verified with is
 * kept as a hint.
 */
function candidateAlgorithms(
  key: KeyMaterial,
  params: SignatureParamsView,
  options: VerifyOptions,
  outcome: VerifyOutcome,
  fromJwks: boolean,
): Primitive[] {
  const profile = options.profile;
  const declared = key.primitive ?? key.alg;
  if (key.joseAlg !== undefined && declared === undefined) {
    outcome.problems.push({
      code: 'alg-unknown',
      message: `the key's JWK alg "${key.joseAlg}" is not a signature algorithm this console can verify (asymmetric JOSE algorithms: RS256/384/512, PS256/384/512, ES256/384/512, Ed25519/EdDSA)`,
      where: 'key',
    });
    return [];
  }
  if (params.alg !== undefined) {
    if (!isSignatureAlgorithm(params.alg)) {
      outcome.problems.push({
        code: 'alg-unknown',
        message: `alg="${params.alg}" is not in the RFC 9421 algorithm registry${/^[A-Z]{2}\d{3}$|^EdDSA$|^Ed25519$/.test(params.alg) ? ' (that is a JOSE name: leave alg out, the JWK says it)' : ''}`,
        where: 'alg',
      });
      return [];
    }
    if (!keyTypeMatches(key, params.alg)) {
      outcome.problems.push({
        code: 'alg-mismatch',
        message: `alg="${params.alg}" does not fit ${describeKey(key)}`,
        where: 'alg',
      });
      return [];
    }
    if (declared !== undefined && declared !== params.alg) {
      outcome.problems.push({
        code: 'alg-mismatch',
        message: isSignatureAlgorithm(declared)
          ? `alg="${params.alg}" but the key declares ${key.joseAlg ?? declared} (${declared})`
          : `alg="${params.alg}" but the key declares ${key.joseAlg ?? joseName(declared)}, which has no RFC 9421 name: the alg parameter must be left out`,
        where: 'alg',
      });
      return [];
    }
  }
  if (profile?.algorithmFromKey && fromJwks && key.joseAlg === undefined) {
    outcome.problems.push({
      code: 'key-alg-missing',
      message: `the JWK${key.kid === undefined ? '' : ` "${key.kid}"`} has no "alg": the ${profile.name} profile takes the algorithm from the key, so every published key must carry kid and alg, and a verifier must refuse one without`,
      where: 'key',
    });
  }
  if (declared !== undefined) return [declared];
  if (params.alg !== undefined) return [params.alg];
  const alg = typeAlgorithm(key);
  if (!alg) {
    outcome.problems.push({ code: 'alg-unknown', message: `no signature algorithm fits ${describeKey(key)}` });
    return [];
  }
  return key.kty === 'RSA' ? ['rsa-v1_5-sha256', 'rsa-pss-sha512'] : [alg];
}

/** The name to show for a primitive: its RFC 9421 name, else its JOSE name. */
function algName(primitive: Primitive): string {
  return isSignatureAlgorithm(primitive) ? primitive : joseName(primitive);
}

/** Verifies one RFC 9421 signature of a message and says, as data, every reason it fails. */
export async function verifyMessage(message: HttpMessageInput, options: VerifyOptions = {}): Promise<VerifyOutcome> {
  const outcome: VerifyOutcome = {
    ok: false,
    components: [],
    labels: [],
    problems: [],
    warnings: [],
    notes: [],
  };
  const read = readSignatures(message.headers);
  if (!read.ok) {
    const code =
      read.error.code === 'missing-signature'
        ? 'no-signature'
        : read.error.code === 'bad-signature'
          ? 'bad-signature-header'
          : 'bad-signature-input';
    outcome.problems.push({
      code,
      message: read.error.message,
      ...(read.error.where ? { where: read.error.where } : {}),
    });
    // No RFC 9421 signature at all: for a profile with a tag, simply unsigned.
    if (code === 'no-signature' && options.profile?.tag !== undefined) outcome.unsigned = { others: [] };
    return outcome;
  }
  outcome.labels = read.value.map((e) => e.label);
  checkRepeats(message, options, outcome);
  const entry = chooseEntry(read.value, options, outcome);
  if (!entry) return outcome;
  outcome.label = entry.label;
  outcome.components = entry.components.map(componentKey);
  const params = readParams(entry.params, entry.label);
  if (!params.ok) {
    outcome.problems.push({
      code: 'bad-signature-input',
      message: params.error.message,
      ...(params.error.where ? { where: params.error.where } : {}),
    });
    return outcome;
  }
  outcome.params = params.value;
  if (params.value.keyid !== undefined) outcome.keyid = params.value.keyid;
  if (options.profile) checkProfile(entry, params.value, options.profile, outcome);
  checkTimes(params.value, options, outcome);

  const built = buildSignatureBase(message, entry.components, entry.params);
  if (!built.ok) {
    outcome.problems.push({
      code: 'component-error',
      message: built.error.message,
      ...(built.error.where ? { where: built.error.where } : {}),
    });
  } else {
    outcome.signatureBase = built.value.base;
    outcome.lines = built.value.lines;
  }

  // The digest is computed while the signature is checked (both are WebCrypto jobs off the main thread).
  const digestCheck = checkDigest(message, outcome);

  if (entry.signature) outcome.signatureLength = entry.signature.length;
  const key = resolveKey(params.value, options, outcome);
  if (key) outcome.key = key;
  const fromJwks = key !== undefined && options.key === undefined;
  if (!entry.signature) {
    outcome.problems.push({
      code: 'signature-value-missing',
      message: `Signature-Input has "${entry.label}" but the Signature header has no member "${entry.label}"`,
      where: 'Signature',
    });
  }
  if (
    key &&
    options.profile?.keyidIsKid &&
    key.kid !== undefined &&
    params.value.keyid !== undefined &&
    key.kid !== params.value.keyid
  ) {
    outcome.problems.push({
      code: 'keyid-not-found',
      message: `keyid "${params.value.keyid}" differs from the key's kid "${key.kid}" (they must be equal)`,
      where: 'keyid',
    });
  }
  if (!key || !built.ok || !entry.signature) {
    await digestCheck;
    return finish(outcome);
  }

  const candidates = candidateAlgorithms(key, params.value, options, outcome, fromJwks);
  const profile = options.profile;
  if (profile) {
    // Symmetric algorithms are refused where the profile takes the algorithm from the key (OCM: no MACs).
    const forbidden = candidates.filter(
      (a) => profile.forbiddenAlgorithms?.includes(a) || (profile.algorithmFromKey && isSymmetric(a)),
    );
    if (forbidden.length && forbidden.length === candidates.length)
      outcome.problems.push({
        code: 'alg-forbidden',
        message: `the ${profile.name} profile does not allow ${forbidden.map(algName).join(' or ')}${forbidden.some(isSymmetric) ? ' (a symmetric MAC: the verifier would need the shared secret)' : ''}`,
        where: 'alg',
      });
  }
  let matched: Primitive | undefined;
  for (const alg of candidates) {
    const verified = await verifyBytes(key, alg, utf8(built.value.base), entry.signature);
    if (!verified.ok) {
      outcome.problems.push({ code: 'bad-key', message: verified.error.message, where: 'key' });
      break;
    }
    if (verified.value) {
      matched = alg;
      break;
    }
  }
  const shown = matched ?? candidates[0];
  if (shown) {
    outcome.primitive = shown;
    outcome.alg = algName(shown);
  } else if (params.value.alg !== undefined) outcome.alg = params.value.alg;
  if (candidates.length && !matched && !outcome.problems.some((p) => p.code === 'bad-key')) {
    outcome.problems.push({
      code: 'signature-mismatch',
      message: `the signature does not match the signature base with ${candidates.map(algName).join(' or ')} and ${describeKey(key)}: the signer signed different bytes or used another key`,
    });
  }
  if (matched && outcome.problems.some((p) => p.code === 'key-alg-missing'))
    outcome.notes.push(
      `hint: with "alg": "${joseName(matched)}" in the JWK, the signature would verify (it matches as ${algName(matched)})`,
    );
  else if (matched && candidates.length > 1)
    outcome.notes.push(`the key does not declare its algorithm; the signature verified as ${matched}`);
  await digestCheck;
  return finish(outcome);
}

/**
 * A member named twice in Signature-Input, Signature or Content-Digest: RFC 8941 parsing keeps the last, so
 * the message is not what it seems. Deployed OCM peers refuse it (draft-07 allows one OCM signature), so
 * under a profile it is refused; under plain RFC 9421 it is a named warning.
 */
function checkRepeats(message: HttpMessageInput, options: VerifyOptions, outcome: VerifyOutcome): void {
  for (const field of ['Signature-Input', 'Signature', 'Content-Digest']) {
    const value = headerValues(message.headers, field.toLowerCase()).join(', ');
    for (const { key, times } of repeatedMembers(value)) {
      const problem: VerifyProblem = {
        code: 'duplicate-member',
        message: `${field} names the member "${key}" ${times} times; RFC 8941 parsing keeps only the last, so the earlier ${times > 2 ? 'ones are' : 'one is'} silently dropped`,
        where: field,
      };
      if (options.profile) {
        problem.message += `; the ${options.profile.name} profile refuses it, as deployed peers do`;
        outcome.problems.push(problem);
      } else outcome.warnings.push(problem);
    }
  }
}

async function checkDigest(message: HttpMessageInput, outcome: VerifyOutcome): Promise<void> {
  if (!outcome.components.includes('"content-digest"')) return;
  const header = headerValues(message.headers, 'content-digest').join(', ');
  if (!header) return;
  if (message.body === undefined) {
    outcome.notes.push('no body was given, so Content-Digest was not compared with the content');
    return;
  }
  const digest = await checkContentDigest(header, message.body);
  if (!digest.ok)
    outcome.problems.push({ code: 'digest-mismatch', message: digest.error.message, where: 'Content-Digest' });
  else {
    outcome.digest = digest.value;
    if (!digest.value.ok)
      outcome.problems.push({
        code: 'digest-mismatch',
        message: digest.value.reason ?? 'Content-Digest does not match the body',
        where: 'Content-Digest',
      });
  }
}

// Problems in the order a user should look at them.
const ORDER: VerifyFailureCode[] = [
  'no-signature',
  'bad-signature-input',
  'bad-signature-header',
  'label-not-found',
  'not-tagged',
  'several-tagged-signatures',
  'duplicate-member',
  'signature-value-missing',
  'component-error',
  'no-key',
  'keyid-not-found',
  'key-alg-missing',
  'bad-key',
  'alg-unknown',
  'alg-mismatch',
  'alg-forbidden',
  'digest-mismatch',
  'signature-mismatch',
  'tag-missing',
  'profile-component-missing',
  'param-missing',
  'created-in-future',
  'created-too-old',
  'expired',
];

function finish(outcome: VerifyOutcome): VerifyOutcome {
  outcome.problems.sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code));
  outcome.ok = outcome.problems.length === 0;
  return outcome;
}
