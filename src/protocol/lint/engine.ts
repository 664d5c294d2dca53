import type { Finding } from '../finding.ts';
import { sortFindings } from '../finding.ts';
import { findTooDeep } from '../json/depth.ts';
import type { Kind } from '../kinds.ts';
import { isOcsProvider } from '../detect/discovery.ts';
import { detect } from '../detect/index.ts';
import type { Detection } from '../detect/types.ts';
import { schemaFor } from '../schemas/index.ts';
import type { SpecVersion } from '../versions.ts';
import { createContext, makeFinding, type CheckContext } from './context.ts';
import { checkDiscovery } from './discovery.ts';
import { checkNotification } from './notification.ts';
import {
  checkErrorBody,
  checkInviteAccepted,
  checkInviteResponse,
  checkRequestShare,
  checkJwks,
  checkShareResponse,
  checkTokenRequest,
  checkTokenResponse,
} from './small-kinds.ts';
import { schemaFindings } from './schema-findings.ts';
import { checkShare } from './share.ts';
import { lintDirectory } from './directory.ts';
import { MAX_UNKNOWN_LISTED, unknownFieldFindings } from './unknown-fields.ts';
import { isRecord } from './util.ts';

export interface LintOptions {
  /** Judge against this version instead of the detected one. */
  spec?: SpecVersion;
  /** How the body was encoded on the wire, when known (a token request must be a form). */
  bodyEncoding?: 'json' | 'form';
}

export interface LintResult {
  kind: Kind;
  detected: Detection;
  /** The version the rules applied. */
  version: SpecVersion;
  /** No error finding. */
  valid: boolean;
  findings: Finding[];
}

/** Deeper than any OCM payload (the deepest, a share's protocol requirements, is 4 levels). */
export const MAX_DEPTH = 64;

/** The rules of each kind judged as one JSON object (a Directory Service document has its own path). */
const RULES: Record<Exclude<Kind, 'directory'>, (ctx: CheckContext) => void> = {
  discovery: checkDiscovery,
  share: checkShare,
  notification: checkNotification,
  'invite-accepted': checkInviteAccepted,
  'invite-response': checkInviteResponse,
  'token-request': checkTokenRequest,
  'token-response': checkTokenResponse,
  'request-share': checkRequestShare,
  'share-response': checkShareResponse,
  jwks: checkJwks,
  error: checkErrorBody,
};

/** A document with thousands of unknown keys or bad entries should not bury the rest. */
export const MAX_FINDINGS_PER_CODE = 50;

/**
 * Keeps the first MAX_FINDINGS_PER_CODE findings of each code and says how many more there are;
 * `unknownUnlisted` counts unknown fields that were never turned into findings at all.
 */
function capPerCode(findings: Finding[], unknownUnlisted = 0): Finding[] {
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const n = (counts.get(f.code) ?? 0) + 1;
    counts.set(f.code, n);
    if (n <= MAX_FINDINGS_PER_CODE) kept.push(f);
  }
  for (const [code, n] of counts) {
    const unlisted = code === 'fields.unknown' ? unknownUnlisted : 0;
    if (n <= MAX_FINDINGS_PER_CODE && !unlisted) continue;
    const { severity, specRef } = findings.find((f) => f.code === code)!;
    const more = Math.max(0, n - MAX_FINDINGS_PER_CODE) + unlisted;
    kept.push({
      severity,
      path: '',
      code,
      message: `…and ${more} more findings like this (${code}) not listed.${
        unlisted ? ` Only the first ${MAX_UNKNOWN_LISTED} unknown fields are checked for a misspelled name.` : ''
      }`,
      specRef,
    });
  }
  return kept;
}

/**
 * An answer that reports a failure is an error answer, not a success answer missing its fields: RFC 6749
 * §5.2 for the token endpoint (`error`, no `access_token`), the OCM error body (`message`,
 * `validationErrors`) for a share or invite answer. Says which, or undefined for a success answer.
 */
function errorAnswerOf(kind: Kind, doc: Record<string, unknown>): string | undefined {
  if (kind === 'token-response' && typeof doc.error === 'string' && !('access_token' in doc))
    return `This is an OAuth error answer (RFC 6749 §5.2: "error": ${JSON.stringify(doc.error)}), what a token endpoint sends when the exchange fails; it is graded as an error answer, not as a token.`;
  const success = kind === 'share-response' ? 'recipientDisplayName' : kind === 'invite-response' ? 'userID' : '';
  if (
    success &&
    !(success in doc) &&
    (typeof doc.message === 'string' || Array.isArray(doc.validationErrors) || typeof doc.error === 'string')
  )
    return `This is an OCM error body ("message"${Array.isArray(doc.validationErrors) ? ', "validationErrors"' : ''}), what a receiver sends when it refuses; it is graded as an error answer, not as a ${kind === 'share-response' ? 'share' : 'invite'} answer.`;
  return undefined;
}

/** Lints a parsed document of a given kind: schema, unknown fields, then the kind's rules. */
export function lint(kind: Kind, doc: unknown, options: LintOptions = {}): LintResult {
  const steps = lintSteps(kind, doc, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same lint as a generator that pauses between its passes over the document (depth, schema and
 * rules, unknown fields). A server can resume it on a later turn of its event loop, so a large document
 * from a peer never holds the loop for more than one pass.
 */
export function* lintSteps(kind: Kind, doc: unknown, options: LintOptions = {}): Generator<void, LintResult> {
  const detected = detect(doc, kind);
  const version = options.spec ?? detected.version;
  const done = (findings: Finding[], unknownUnlisted = 0): LintResult => {
    const sorted = sortFindings(capPerCode(findings, unknownUnlisted));
    return { kind, detected, version, valid: !sorted.some((f) => f.severity === 'error'), findings: sorted };
  };
  const tooDeep = findTooDeep(doc, MAX_DEPTH);
  yield;
  if (tooDeep !== null)
    return done([
      makeFinding(
        'doc.too-deep',
        tooDeep,
        `The document nests more than ${MAX_DEPTH} levels deep here; no OCM payload does, so it was not checked further.`,
      ),
    ]);
  // A Directory Service document is a JWS (possibly compact text): its payload is what the schema judges.
  if (kind === 'directory') {
    const directory = lintDirectory(doc, version, detected.dialect);
    return done(directory.findings, directory.unknownUnlisted);
  }
  if (!isRecord(doc))
    return done([
      makeFinding(
        'doc.not-object',
        '',
        `A ${kind} document is a JSON object; this is ${doc === null ? 'null' : Array.isArray(doc) ? 'an array' : `a ${typeof doc}`}.`,
      ),
    ]);
  const errorAnswer = errorAnswerOf(kind, doc);
  if (errorAnswer) {
    const graded = lint('error', doc, options);
    return done([makeFinding('answer.error-answer', '', errorAnswer), ...graded.findings]);
  }
  if (kind === 'discovery' && isOcsProvider(doc))
    return done([
      makeFinding(
        'discovery.ocs-provider',
        '/services',
        'This is the legacy /ocs-provider document of Nextcloud and ownCloud: a list of OCS services (FEDERATED_SHARING, PROVISIONING…), not OCM discovery, so it is not checked as one.',
        {
          hint: 'OCM discovery is at /.well-known/ocm (1.2+) or /ocm-provider (1.0–1.1, note: no "s"). Fetch one of those instead.',
        },
      ),
    ]);
  const findings: Finding[] = [];
  const schema = schemaFor(kind);
  findings.push(...schemaFindings(kind, schema, doc));
  const ctx = createContext(doc, version, detected.dialect, findings);
  RULES[kind](ctx);
  yield;
  if (kind === 'token-request' && options.bodyEncoding === 'json')
    ctx.report(
      'token.json-body',
      '',
      'The token request is JSON; the token endpoint takes an OAuth form (application/x-www-form-urlencoded), and a strict server answers invalid_request.',
      { hint: 'Send grant_type=authorization_code&client_id=<your FQDN>&code=<sharedSecret> as a form.' },
    );
  // An unknown field already explained by a dialect finding needs no second line.
  const explained = new Set(findings.map((f) => f.path));
  const unknown = unknownFieldFindings(kind, schema, doc, explained);
  findings.push(...unknown.findings);
  return done(findings, unknown.unlisted);
}
