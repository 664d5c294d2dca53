import type { Primitive } from '../algorithms.ts';
import { fromBase64, utf8 } from '../bytes.ts';
import { verifyBytes } from '../crypto.ts';
import { checkLegacyDigest, type DigestCheck } from '../digest/content-digest.ts';
import { describeKey, keyTypeMatches, type KeyMaterial } from '../keys/material.ts';
import { DEFAULT_FRESHNESS, judgeDateHeader, judgeSignatureTimes, type FreshnessWindow } from '../freshness.ts';
import { headerValues, type HttpRequestInput } from '../message.ts';
import type { CavageProfile } from '../profile.ts';
import { cavagePrimitive } from './sign.ts';
import { parseCavageHeader, signingString, type CavageParams, type RequestTargetStyle } from './signing-string.ts';

/** Every reason a draft-cavage verification can fail, as data (the conformance map names them). */
export const CAVAGE_PROBLEM_CODES = [
  'no-signature',
  'bad-signature-header',
  'unsupported-algorithm',
  'alg-mismatch',
  'missing-header',
  'pseudo-header-algorithm',
  'profile-header-missing',
  'no-key',
  'bad-key',
  'bad-base64',
  'digest-mismatch',
  'date-too-old',
  'date-in-future',
  'date-unparsable',
  'created-in-future',
  'created-too-old',
  'expired',
  'signature-mismatch',
] as const;
export type CavageProblemCode = (typeof CAVAGE_PROBLEM_CODES)[number];

export interface CavageProblem {
  code: CavageProblemCode;
  message: string;
  where?: string;
}

export interface CavageVerifyOptions {
  key?: KeyMaterial;
  /** Keys by keyId, e.g. from the signer's discovery `publicKey`. */
  keys?: (keyId: string) => KeyMaterial | undefined;
  profile?: CavageProfile;
  now?: number;
  /** How old Date (or created) may be, in seconds: default the profile's, else 300 s. */
  maxAgeSeconds?: number;
}

export interface CavageOutcome {
  ok: boolean;
  keyId?: string;
  algorithm?: string;
  headers: string[];
  signingString?: string;
  /** Set when the signature only verified with a non-standard variant; says which. */
  nonStandard?: string;
  digest?: DigestCheck;
  problems: CavageProblem[];
  notes: string[];
}

// Algorithm names seen in the wild that draft-12 does not define, and what they mean.
const ALGORITHM_ALIASES: Record<string, { algorithm: string; note: string }> = {
  sha256: {
    algorithm: 'rsa-sha256',
    note: 'algorithm="sha256" is not a draft-cavage name (a Nextcloud doc comment shows it); read as rsa-sha256',
  },
  'rsa-sha-256': {
    algorithm: 'rsa-sha256',
    note: 'algorithm="rsa-sha-256" is not a draft-cavage name; read as rsa-sha256',
  },
  ed25519: {
    algorithm: 'hs2019',
    note: 'algorithm="ed25519" is not a draft-cavage name (draft-12 uses hs2019 for Ed25519 keys); read as hs2019',
  },
};

interface Attempt {
  primitive: Primitive;
  style: RequestTargetStyle;
  note?: string;
  /** Headers to sign instead of the listed ones. */
  headers?: string[];
}

function attempts(algorithm: string, key: KeyMaterial, headers: string[]): Attempt[] {
  const primitive = cavagePrimitive(algorithm, key);
  if (!primitive) return [];
  const out: Attempt[] = [{ primitive, style: {} }];
  if (!headers.includes('(request-target)')) {
    out.push({
      primitive,
      style: {},
      headers: ['(request-target)', ...headers],
      note: "the signing string starts with (request-target) although headers does not list it (Nextcloud's verifier always prepends it)",
    });
  }
  const pseudo: string[] = headers.filter((h) => h === '(created)' || h === '(expires)');
  if (pseudo.length)
    out.push({
      primitive,
      style: {},
      headers: headers.filter((h) => !pseudo.includes(h)),
      note: `the signature matches the signing string without its ${pseudo.join(' and ')} line${pseudo.length > 1 ? 's' : ''}: the signer listed ${pseudo.length > 1 ? 'them' : 'it'} in headers but did not sign ${pseudo.length > 1 ? 'them' : 'it'} (draft-12's own Appendix C.3 example has this mistake)`,
    });
  if (algorithm === 'hs2019' && key.kty === 'RSA')
    out.push({
      primitive: 'rsa-v1_5-sha256',
      style: {},
      note: 'hs2019 with an RSA key verified as RSASSA-PKCS1-v1_5/SHA-256, which many servers use; draft-12 implies RSASSA-PSS/SHA-512',
    });
  out.push(
    {
      primitive,
      style: { upperMethod: true },
      note: '(request-target) uses the upper-case method; draft-12 requires lower case',
    },
    {
      primitive,
      style: { target: 'path-only' },
      note: '(request-target) leaves out the query string; draft-12 includes it',
    },
    {
      primitive,
      style: { target: 'full-url' },
      note: '(request-target) uses the full URL; draft-12 uses the path and query',
    },
    {
      primitive,
      style: { lines: 'values-only' },
      note: "the signing string holds the header values alone, one a line, without their `name: ` prefixes (the OCM-stub's variant); draft-12 §2.3 requires `name: value` lines",
    },
  );
  return out;
}

/** Verifies a draft-cavage signature (Signature or Authorization: Signature header) and names non-standard variants. */
export async function verifyCavage(
  request: HttpRequestInput,
  options: CavageVerifyOptions = {},
): Promise<CavageOutcome> {
  const outcome: CavageOutcome = { ok: false, headers: [], problems: [], notes: [] };
  const sig = headerValues(request.headers, 'signature')[0];
  const auth = headerValues(request.headers, 'authorization').find((v) => /^Signature\s/i.test(v));
  const raw = sig ?? auth;
  if (raw === undefined) {
    outcome.problems.push({
      code: 'no-signature',
      message: 'the request has no Signature header (nor Authorization: Signature ...)',
    });
    return outcome;
  }
  const parsed = parseCavageHeader(raw);
  if (!parsed.ok) {
    outcome.problems.push({
      code: 'bad-signature-header',
      message: parsed.error.message,
      ...(parsed.error.where ? { where: parsed.error.where } : {}),
    });
    return outcome;
  }
  const params: CavageParams = parsed.value;
  outcome.keyId = params.keyId!;
  let algorithm = params.algorithm ?? 'hs2019';
  if (params.algorithm === undefined) outcome.notes.push('no algorithm parameter: taken from the key (hs2019)');
  const alias =
    ALGORITHM_ALIASES[algorithm.toLowerCase()] ??
    (algorithm !== algorithm.toLowerCase()
      ? { algorithm: algorithm.toLowerCase(), note: `algorithm="${algorithm}" should be lower case` }
      : undefined);
  if (alias) {
    algorithm = alias.algorithm;
    outcome.nonStandard = alias.note;
  }
  outcome.algorithm = algorithm;
  let headers = params.headers;
  const departures: string[] = [];
  if (headers?.some((h) => h.includes(','))) {
    // The OCM-stub writes headers="request-target,content-length,host,date,digest".
    const listed = headers.join(' ');
    headers = headers
      .flatMap((h) => h.split(','))
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    departures.push(
      `headers="${listed}" is separated by commas; draft-12 §2.1.6 separates the names with single spaces`,
    );
  }
  const bare = headers?.filter((h) => ['request-target', 'created', 'expires'].includes(h)) ?? [];
  if (headers && bare.length) {
    headers = headers.map((h) => (bare.includes(h) ? `(${h})` : h));
    departures.push(
      `headers names ${bare.join(', ')} without parentheses; draft-12 §2.3 writes the pseudo-headers as ${bare.map((h) => `(${h})`).join(', ')}`,
    );
  }
  if (!headers) {
    headers = params.created !== undefined ? ['(created)'] : ['date'];
    outcome.notes.push(
      `no headers parameter: signing string taken as ${headers.join(' ')} (draft-12 default${headers[0] === 'date' ? '; Appendix C.1 signs date only' : ''})`,
    );
  }
  outcome.headers = headers;
  // Draft-12 §2.3: (created) and (expires) go with hs2019 only; with an rsa-, hmac- or ecdsa- algorithm an
  // implementation must produce an error (its own Appendix C.3 example breaks this rule).
  const pseudo = headers.filter((h) => h === '(created)' || h === '(expires)');
  if (pseudo.length && /^(rsa|hmac|ecdsa)/.test(algorithm))
    outcome.problems.push({
      code: 'pseudo-header-algorithm',
      message: `headers lists ${pseudo.join(' and ')} with algorithm="${algorithm}": draft-12 §2.3 allows them only with hs2019 (a verifier must refuse this combination)`,
      where: 'headers',
    });

  const profile = options.profile;
  if (profile) {
    for (const h of profile.headers) {
      if (!headers.includes(h))
        outcome.problems.push({
          code: 'profile-header-missing',
          message: `the ${profile.name} profile expects "${h}" in headers, but the signature does not cover it`,
          where: 'headers',
        });
    }
  }
  // Freshness, one rule with RFC 9421's (src/signing/freshness.ts): deployed draft-cavage receivers refuse
  // a Date outside their window (Nextcloud: 300 s) and one that is not an HTTP date.
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const window: FreshnessWindow = {
    maxAgeSeconds: options.maxAgeSeconds ?? profile?.maxDateAgeSeconds ?? DEFAULT_FRESHNESS.maxAgeSeconds,
    clockSkewSeconds: DEFAULT_FRESHNESS.clockSkewSeconds,
  };
  const times = {
    ...(params.created !== undefined ? { created: params.created } : {}),
    ...(params.expires !== undefined ? { expires: params.expires } : {}),
  };
  const date = headerValues(request.headers, 'date')[0];
  const fresh = [
    ...judgeSignatureTimes(times, now, window),
    // A signed (created) is the signature's own time (draft-12 §2.1.4) and is judged instead of Date.
    ...(date !== undefined && params.created === undefined ? judgeDateHeader(date, now, window) : []),
  ];
  for (const finding of fresh)
    outcome.problems.push({ code: finding.code, message: finding.message, where: finding.where });
  if (date === undefined && params.created === undefined)
    outcome.notes.push('the request has neither a Date header nor a created parameter: nothing shows it is fresh');
  else if (date !== undefined && params.created === undefined && !headers.includes('date'))
    outcome.notes.push('Date is not among the signed headers, so its freshness is not protected by the signature');
  if (headers.includes('digest')) {
    const digest = headerValues(request.headers, 'digest').join(',');
    if (digest && request.body !== undefined) {
      const checked = await checkLegacyDigest(digest, request.body);
      if (!checked.ok)
        outcome.problems.push({ code: 'digest-mismatch', message: checked.error.message, where: 'Digest' });
      else {
        outcome.digest = checked.value;
        if (!checked.value.ok)
          outcome.problems.push({ code: 'digest-mismatch', message: checked.value.reason!, where: 'Digest' });
      }
    }
  }

  const text = signingString(request, headers, params);
  if (!text.ok) {
    outcome.problems.push({
      code: 'missing-header',
      message: text.error.message,
      ...(text.error.where ? { where: text.error.where } : {}),
    });
    return finish(outcome, departures);
  }
  outcome.signingString = text.value;
  const key = options.key ?? options.keys?.(params.keyId!);
  if (!key) {
    outcome.problems.push({
      code: 'no-key',
      message: options.keys ? `no key is known for keyId "${params.keyId}"` : 'no key was given to verify with',
      where: 'keyId',
    });
    return finish(outcome, departures);
  }
  const signature = fromBase64(params.signature!);
  if (!signature) {
    outcome.problems.push({
      code: 'bad-base64',
      message: 'signature="..." is not valid base64 (truncated or with stray characters)',
      where: 'signature',
    });
    return finish(outcome, departures);
  }
  const tries = attempts(algorithm, key, headers);
  if (!tries.length) {
    outcome.problems.push({
      code: 'unsupported-algorithm',
      message: `algorithm "${algorithm}" is not a draft-cavage algorithm we know (rsa-sha256, rsa-sha512, hmac-sha256, ecdsa-sha256, hs2019)`,
      where: 'algorithm',
    });
    return finish(outcome, departures);
  }
  if (!keyTypeMatches(key, tries[0]!.primitive)) {
    outcome.problems.push({
      code: 'alg-mismatch',
      message: `algorithm "${algorithm}" cannot be used with ${describeKey(key)}`,
      where: 'algorithm',
    });
    return finish(outcome, departures);
  }
  for (const attempt of tries) {
    const candidate =
      attempt === tries[0] ? text : signingString(request, attempt.headers ?? headers, params, attempt.style);
    if (!candidate.ok) continue;
    const verified = await verifyBytes(key, attempt.primitive, utf8(candidate.value), signature);
    if (!verified.ok) {
      outcome.problems.push({ code: 'bad-key', message: verified.error.message, where: 'key' });
      return finish(outcome, departures);
    }
    if (verified.value) {
      if (attempt.note) {
        outcome.nonStandard = attempt.note;
        outcome.signingString = candidate.value;
      }
      return finish(outcome, departures);
    }
  }
  outcome.problems.push({
    code: 'signature-mismatch',
    message: `the signature does not match the signing string with ${describeKey(key)} (also tried the common non-standard variants)`,
  });
  return finish(outcome, departures);
}

function finish(outcome: CavageOutcome, departures: readonly string[] = []): CavageOutcome {
  outcome.ok = outcome.problems.length === 0;
  const all = [...departures, ...(outcome.nonStandard ? [outcome.nonStandard] : [])];
  if (all.length) outcome.nonStandard = all.join('; ');
  return outcome;
}
