import { isSignatureAlgorithm, type SignatureAlgorithm } from '../algorithms.ts';
import { utf8 } from '../bytes.ts';
import { verifyBytes } from '../crypto.ts';
import { checkContentDigest, type DigestCheck } from '../digest/content-digest.ts';
import { findKey, nearKids, type Jwks } from '../keys/jwks.ts';
import { defaultAlgorithm, describeKey, keyTypeMatches, type KeyMaterial } from '../keys/material.ts';
import { headerValues, type HttpMessageInput } from '../message.ts';
import type { Rfc9421Profile } from '../profile.ts';
import { buildSignatureBase, type BaseLine } from './base.ts';
import { canonicalKey, componentKey, parseComponents } from './components.ts';
import { readParams, readSignatures, type SignatureEntry, type SignatureParamsView } from './signature-fields.ts';
import { nowSeconds } from './sign.ts';

export type VerifyFailureCode =
  | 'no-signature'
  | 'bad-signature-input'
  | 'bad-signature-header'
  | 'label-not-found'
  | 'several-tagged-signatures'
  | 'signature-value-missing'
  | 'component-error'
  | 'profile-component-missing'
  | 'param-missing'
  | 'tag-missing'
  | 'created-in-future'
  | 'created-too-old'
  | 'expired'
  | 'no-key'
  | 'keyid-not-found'
  | 'alg-unknown'
  | 'alg-mismatch'
  | 'alg-forbidden'
  | 'digest-mismatch'
  | 'bad-key'
  | 'signature-mismatch';

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
  /** Reject `created` older than this (defaults to the profile's window, else no limit). */
  maxAgeSeconds?: number;
  /** Tolerated clock skew for `created` in the future (default 60 s). */
  clockSkewSeconds?: number;
}

export interface VerifyOutcome {
  ok: boolean;
  label?: string;
  keyid?: string;
  alg?: string;
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
  /** Every reason verification fails, most important first. Empty when ok. */
  problems: VerifyProblem[];
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
    const first = entries[0]!;
    outcome.problems.push({
      code: 'tag-missing',
      message: `no signature carries tag="${tag}" (required by the ${options.profile!.name} profile); checked "${first.label}" instead`,
      where: `Signature-Input ${first.label}`,
    });
    return first;
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

function checkTimes(params: SignatureParamsView, options: VerifyOptions, outcome: VerifyOutcome): void {
  const now = options.now ?? nowSeconds();
  const skew = options.clockSkewSeconds ?? options.profile?.clockSkewSeconds ?? 60;
  const maxAge = options.maxAgeSeconds ?? options.profile?.maxAgeSeconds;
  if (params.created !== undefined) {
    const age = now - params.created;
    if (age < -skew)
      outcome.problems.push({
        code: 'created-in-future',
        message: `created=${params.created} is ${-age} s in the future (allowed skew ${skew} s): the signer's clock is ahead, or the verifier's is behind`,
        where: 'created',
      });
    else if (maxAge !== undefined && age > maxAge)
      outcome.problems.push({
        code: 'created-too-old',
        message: `created=${params.created} is ${age} s old, older than the ${maxAge} s window: a replay, a slow queue, or a clock behind`,
        where: 'created',
      });
  }
  if (params.expires !== undefined && params.expires < now) {
    outcome.problems.push({
      code: 'expired',
      message: `the signature expired ${now - params.expires} s ago (expires=${params.expires})`,
      where: 'expires',
    });
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

/** The algorithms to try: the alg parameter, else the key's. An RSA key with no declared alg could be either RSA algorithm. */
function candidateAlgorithms(
  key: KeyMaterial,
  params: SignatureParamsView,
  options: VerifyOptions,
  outcome: VerifyOutcome,
): SignatureAlgorithm[] {
  const profile = options.profile;
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
    if (key.alg && key.alg !== params.alg) {
      outcome.problems.push({
        code: 'alg-mismatch',
        message: `alg="${params.alg}" but the key declares ${key.joseAlg ?? key.alg} (${key.alg})`,
        where: 'alg',
      });
      return [];
    }
    return [params.alg];
  }
  const alg = defaultAlgorithm(key);
  if (!alg) {
    outcome.problems.push({
      code: 'alg-unknown',
      message: `no RFC 9421 algorithm fits ${describeKey(key)}${key.joseAlg ? ` (JWK alg ${key.joseAlg})` : ''}`,
    });
    return [];
  }
  if (profile?.algorithmFromKey && !key.joseAlg && key.kty !== 'OKP')
    outcome.notes.push(
      `the key has no JWK "alg"; the ${profile.name} profile derives the algorithm from it, so ${alg} was assumed`,
    );
  // An RSA key that declares nothing could be used with either RSA algorithm: try both and say which.
  return key.kty === 'RSA' && !key.alg ? ['rsa-v1_5-sha256', 'rsa-pss-sha512'] : [alg];
}

/** Verifies one RFC 9421 signature of a message and says, as data, every reason it fails. */
export async function verifyMessage(message: HttpMessageInput, options: VerifyOptions = {}): Promise<VerifyOutcome> {
  const outcome: VerifyOutcome = { ok: false, components: [], labels: [], problems: [], notes: [] };
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
    return outcome;
  }
  outcome.labels = read.value.map((e) => e.label);
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

  const candidates = candidateAlgorithms(key, params.value, options, outcome);
  if (options.profile?.forbiddenAlgorithms) {
    const forbidden = candidates.filter((a) => options.profile!.forbiddenAlgorithms!.includes(a));
    if (forbidden.length && forbidden.length === candidates.length)
      outcome.problems.push({
        code: 'alg-forbidden',
        message: `the ${options.profile.name} profile does not allow ${forbidden.join(' or ')}`,
        where: 'alg',
      });
  }
  let matched: SignatureAlgorithm | undefined;
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
  outcome.alg = matched ?? params.value.alg ?? candidates[0];
  if (candidates.length && !matched && !outcome.problems.some((p) => p.code === 'bad-key')) {
    outcome.problems.push({
      code: 'signature-mismatch',
      message: `the signature does not match the signature base with ${candidates.join(' or ')} and ${describeKey(key)}: the signer signed different bytes or used another key`,
    });
  }
  if (matched && candidates.length > 1)
    outcome.notes.push(`the key does not declare its algorithm; the signature verified as ${matched}`);
  await digestCheck;
  return finish(outcome);
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
  'several-tagged-signatures',
  'signature-value-missing',
  'component-error',
  'no-key',
  'keyid-not-found',
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
