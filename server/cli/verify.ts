import { OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import {
  detectScheme,
  diagnose,
  headerValues,
  parseJwks,
  verifyCavage,
  type HttpRequestInput,
  type Jwks,
  type KeyMaterial,
  type VerifyOptions,
} from '../../src/signing/index.ts';
import type { CliCommand, CliIo } from './types.ts';
import { intArg, parseArgs, readFile, readKey, readMessage, UsageError } from './signing-input.ts';

const HELP = `Usage: ocm-explorer verify --request FILE (--key FILE | --jwks FILE|URL) [options]

Verifies the signature of an HTTP message and says why it fails.

  --request FILE     JSON {method, url, headers, body?} or {status, headers, body?, request?}; "-" for stdin
  --key FILE         public (or private) key: PEM or JWK JSON
  --jwks FILE|URL    JWK Set; the key is the one whose kid equals the keyid
  --profile P        auto (default: RFC 9421 if Signature-Input is present, else draft-cavage; the OCM
                     rules apply when a signature carries tag="ocm"),
                     ocm: the OCM rules (draft-07) whatever the message carries: the signature with
                     tag="ocm" is checked (none: the message is unsigned for OCM), created and keyid
                     required, the algorithm from the JWK's alg (a JWKS key without alg is refused),
                     rfc9421: a plain RFC 9421 check of the first (or --label) signature, cavage
  --label L          which signature to check
  --now N            the verification time, Unix seconds (to check old captures)
  --max-age S        the freshness window in seconds (default 300, as Nextcloud): a draft-cavage Date or
                     an RFC 9421 created older than this (or an unparsable Date) is refused under the ocm
                     and cavage profiles; under plain rfc9421 it is a warning unless --max-age is given
  --base FILE        the signature base the signer logged: compared line by line with ours (RFC 9421)
  --json             print {ok, profile, label, keyid, alg, signatureBase, reason?, unsigned?, diagnostics}
Exit status: 0 verified, 1 not verified, 2 usage or I/O error.
`;

async function loadJwks(io: CliIo, source: string): Promise<Jwks> {
  let text: string;
  if (/^https?:\/\//.test(source)) {
    try {
      const response = await fetch(source, {
        headers: { accept: 'application/jwk-set+json, application/json' },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new UsageError(`${source} answered HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot fetch ${source}: ${(error as Error).message}`);
    }
  } else text = await readFile(io, source);
  const jwks = parseJwks(text);
  if (!jwks.ok) throw new UsageError(`${source}: ${jwks.error.message}`);
  return jwks.value;
}

interface Report {
  ok: boolean;
  profile: 'ocm' | 'rfc9421' | 'cavage';
  label: string | null;
  keyid: string | null;
  alg: string | null;
  signatureBase: string | null;
  reason?: string;
  /** With the OCM profile: no signature carries tag="ocm"; the signatures present, which are not OCM's. */
  unsigned?: { others: Array<{ label: string; tag?: string }> };
  diagnostics: Array<{ code: string; severity: string; message: string; fix?: string; where?: string }>;
  /** Line diff against --base: '  ' same, '- ' only ours, '+ ' only the signer's. */
  baseDiff?: string[];
}

export const verifyCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return 0;
  }
  try {
    const parsed = parseArgs(args, ['request', 'key', 'jwks', 'profile', 'label', 'now', 'max-age', 'base'], ['json']);
    const requestFile = parsed.values.get('request');
    if (!requestFile) throw new UsageError('--request is required');
    const keyFile = parsed.values.get('key');
    const jwksSource = parsed.values.get('jwks');
    if (!keyFile === !jwksSource) throw new UsageError('give exactly one of --key or --jwks');
    const profileArg = parsed.values.get('profile') ?? 'auto';
    if (!['auto', 'ocm', 'rfc9421', 'cavage'].includes(profileArg))
      throw new UsageError(`--profile must be auto, ocm, rfc9421 or cavage (got "${profileArg}")`);
    const message = await readMessage(io, requestFile);
    const key: KeyMaterial | undefined = keyFile ? await readKey(io, keyFile) : undefined;
    const jwks = jwksSource ? await loadJwks(io, jwksSource) : undefined;
    const now = intArg(parsed, 'now');
    const maxAgeText = parsed.values.get('max-age');
    if (maxAgeText !== undefined && !/^\d+$/.test(maxAgeText))
      throw new UsageError(`--max-age must be a number of seconds (an integer), got "${maxAgeText}"`);
    const maxAge = maxAgeText === undefined ? undefined : Number(maxAgeText);
    const label = parsed.values.get('label');
    const baseFile = parsed.values.get('base');
    const pastedBase = baseFile ? await readFile(io, baseFile) : undefined;
    const scheme =
      profileArg === 'auto' ? detectScheme(message.headers) : profileArg === 'ocm' ? 'rfc9421' : profileArg;

    let report: Report;
    if (scheme === 'cavage') {
      if (!('method' in message)) throw new UsageError('draft-cavage signatures are on requests only');
      const outcome = await verifyCavage(message as HttpRequestInput, {
        ...(key ? { key } : {}),
        ...(jwks ? { keys: (keyId: string) => jwks.keys.find((k) => k.kid === keyId) } : {}),
        ...(now !== undefined ? { now } : {}),
        ...(maxAge !== undefined ? { maxAgeSeconds: maxAge } : {}),
      });
      report = {
        ok: outcome.ok,
        profile: 'cavage',
        label: null,
        keyid: outcome.keyId ?? null,
        alg: outcome.algorithm ?? null,
        signatureBase: outcome.signingString ?? null,
        diagnostics: [
          ...outcome.problems.map((p) => ({
            code: p.code,
            severity: 'error',
            message: p.message,
            ...(p.where ? { where: p.where } : {}),
          })),
          ...(outcome.nonStandard ? [{ code: 'non-standard', severity: 'warning', message: outcome.nonStandard }] : []),
          ...outcome.notes.map((n) => ({ code: 'note', severity: 'info', message: n })),
        ],
      };
      if (outcome.problems[0]) report.reason = outcome.problems[0].message;
    } else {
      const ocm =
        profileArg === 'ocm' ||
        (profileArg === 'auto' &&
          headerValues(message.headers, 'signature-input').some((v) => /;\s*tag="ocm"/.test(v)));
      const options: VerifyOptions = {
        ...(key ? { key } : {}),
        ...(jwks ? { jwks } : {}),
        ...(label ? { label } : {}),
        ...(now !== undefined ? { now } : {}),
        ...(maxAge !== undefined ? { maxAgeSeconds: maxAge } : {}),
        ...(ocm ? { profile: OCM_RFC9421_PROFILE } : {}),
      };
      const doctor = await diagnose(message, pastedBase === undefined ? options : { ...options, pastedBase });
      const outcome = doctor.outcome;
      report = {
        ok: doctor.ok,
        profile: ocm ? 'ocm' : 'rfc9421',
        label: outcome.label ?? null,
        keyid: outcome.keyid ?? null,
        alg: outcome.alg ?? null,
        signatureBase: outcome.signatureBase ?? null,
        diagnostics: doctor.findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          message: f.message,
          ...(f.fix ? { fix: f.fix } : {}),
          ...(f.where ? { where: f.where } : {}),
        })),
      };
      if (doctor.diff)
        report.baseDiff = doctor.diff.map(
          (l) => `${l.kind === 'same' ? '  ' : l.kind === 'ours' ? '- ' : '+ '}${l.text}`,
        );
      const first = doctor.findings.find((f) => f.severity === 'error');
      if (first) report.reason = first.message;
      if (outcome.unsigned) report.unsigned = outcome.unsigned;
    }

    if (parsed.flags.has('json')) io.stdout(JSON.stringify(report, null, 2));
    else {
      const head = report.ok
        ? `Verified (${report.profile}${report.label ? `, label ${report.label}` : ''}, keyid ${report.keyid ?? '-'}, ${report.alg ?? '?'})`
        : report.unsigned
          ? `Unsigned for OCM: ${report.reason ?? 'no signature carries tag="ocm"'}`
          : `NOT verified (${report.profile}): ${report.reason ?? 'unknown reason'}`;
      const lines = report.diagnostics.map(
        (d) => `  [${d.severity}] ${d.message}${d.fix ? `\n      fix: ${d.fix}` : ''}`,
      );
      const diff = report.baseDiff ? ['', "Our base (-) against the signer's (+):", ...report.baseDiff] : [];
      io.stdout(
        [
          head,
          ...(lines.length ? ['', ...lines] : []),
          ...(report.signatureBase ? ['', 'Signature base:', report.signatureBase] : []),
          ...diff,
        ].join('\n'),
      );
    }
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ocm-explorer verify: ${error.message}\nRun ocm-explorer verify --help for the options.`);
      return 2;
    }
    throw error;
  }
};
