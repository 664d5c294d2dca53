// The graded check as pure functions: a server's discovery and the answers to the probes in, lines out.
import {
  AREAS,
  worst,
  type CheckArea,
  type CheckEvidence,
  type CheckLine,
  type CheckReport,
  type Grade,
} from '../../contract/check.ts';
import type { DiscoverResult, Exchange } from '../../contract/exchange.ts';
import { jwkProblems, jwkSetKeys, legacyPublicKey } from '../key-rules.ts';
import { checkPublicKeyPem } from '../lint/pem.ts';
import { sayOnce } from '../say-once.ts';
import { SECTIONS, sectionTitle } from '../spec-refs.ts';
import { CHECK_LINES, type CheckLineId } from './catalogue.ts';
import { jsonOf, seenOf, signatureRefusal, statusOf } from './evidence.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** One line of the report: title and spec link from the catalogue. */
export function checkLine(
  id: CheckLineId,
  grade: Grade,
  expected: string,
  seen: string,
  evidence: CheckEvidence[] = [],
): CheckLine {
  const info: { title: string; section?: keyof typeof SECTIONS } = CHECK_LINES[id];
  return {
    id,
    title: info.title,
    grade,
    expected,
    seen,
    ...(info.section ? { specRef: { section: sectionTitle(info.section), url: SECTIONS[info.section].url } } : {}),
    evidence,
  };
}

/** The answers to the probes the plan asked for; a probe not sent is absent. */
export interface ProbeEvidence {
  jwks?: CheckEvidence;
  unsigned?: CheckEvidence;
  digest?: CheckEvidence;
  stale?: CheckEvidence;
  invalidShare?: CheckEvidence;
  token?: CheckEvidence;
}

const attemptEvidence = (label: string, a: DiscoverResult['wellKnown']): CheckEvidence => ({
  label,
  ...(a.exchange ? { exchange: a.exchange } : {}),
  ...(a.failure ? { failure: a.failure } : {}),
});

export function gradeDiscovery(d: DiscoverResult): CheckLine[] {
  // Candidates of a bare host where nothing answered come first, named by their full URL.
  const evidence = [
    ...(d.unreachable ?? []).map((u) => attemptEvidence(`GET ${u.url}`, u)),
    attemptEvidence('GET /.well-known/ocm', d.wellKnown),
  ];
  if (d.legacy) evidence.push(attemptEvidence('GET /ocm-provider', d.legacy));
  const lines = [
    checkLine(
      'discovery.reachable',
      d.answeredBy === 'well-known' ? 'pass' : d.answeredBy === 'legacy' ? 'warn' : 'fail',
      'a JSON object at /.well-known/ocm',
      d.answeredBy === 'well-known'
        ? 'served at /.well-known/ocm'
        : d.answeredBy === 'legacy'
          ? 'only the legacy /ocm-provider answered'
          : sayOnce(d.problem) || 'no document',
      evidence,
    ),
  ];
  if (!isObject(d.document)) return lines;
  const errors = d.findings.filter((f) => f.severity === 'error');
  const warnings = d.findings.filter((f) => f.severity === 'warning');
  const first = errors[0] ?? warnings[0];
  lines.push(
    checkLine(
      'discovery.lint',
      errors.length ? 'fail' : warnings.length ? 'warn' : 'pass',
      `no errors against OCM ${d.detected?.version ?? '?'}`,
      `${errors.length} errors, ${warnings.length} warnings${first ? `; first: ${first.path || '/'} ${first.message}` : ''}`,
    ),
  );
  return lines;
}

export function gradeTransport(base: string, wellKnown: Exchange | undefined): CheckLine[] {
  const https = base.startsWith('https:');
  const lines = [
    checkLine(
      'transport.https',
      https ? 'pass' : 'warn',
      'https (plain http is fine for a lab)',
      https ? 'https' : 'plain http',
    ),
  ];
  if (!wellKnown) return lines;
  const { status, headers } = wellKnown.response;
  const redirected = status >= 300 && status < 400;
  const location = headers.find(([n]) => n.toLowerCase() === 'location')?.[1] ?? '?';
  lines.push(
    checkLine(
      'transport.redirect',
      redirected ? 'warn' : 'pass',
      'the document at the well-known URL itself',
      redirected ? `${status} to ${location} (not followed)` : `${status}`,
    ),
  );
  const first = wellKnown.timing.firstByte ?? wellKnown.timing.total;
  lines.push(
    checkLine('transport.latency', first < 2_000 ? 'pass' : 'warn', 'first byte within 2 s', `${first.toFixed(0)} ms`),
  );
  return lines;
}

export function gradeKeys(doc: Record<string, unknown>, jwks: CheckEvidence | undefined): CheckLine[] {
  const lines: CheckLine[] = [];
  const httpSig = strings(doc.capabilities).includes('http-sig');
  if (httpSig || typeof doc.jwksUri === 'string') {
    if (typeof doc.jwksUri !== 'string')
      lines.push(checkLine('keys.jwks-uri', 'fail', 'jwksUri, since http-sig is advertised', 'missing'));
    else {
      const keys = jwkSetKeys(jsonOf(jwks));
      lines.push(
        checkLine(
          'keys.jwks',
          keys ? 'pass' : 'fail',
          'a JWK Set ({"keys": [...]}) at jwksUri',
          keys ? `${keys.length} key(s)` : seenOf(jwks),
          jwks ? [jwks] : [],
        ),
      );
      if (keys) {
        const bad = keys.filter((k) => jwkProblems(k).length > 0);
        lines.push(
          checkLine(
            'keys.members',
            keys.length && !bad.length ? 'pass' : 'fail',
            'kid and alg on every JWK; no HMAC',
            keys.length
              ? bad.length
                ? `${bad.length} of ${keys.length} lack kid/alg or are symmetric`
                : 'all keys complete'
              : 'the set is empty',
          ),
        );
      }
    }
  }
  const legacy = legacyPublicKey(doc);
  if (legacy) {
    const parsed = checkPublicKeyPem(legacy.pem);
    lines.push(
      checkLine(
        'keys.legacy-public-key',
        parsed.ok ? 'pass' : 'fail',
        'an SPKI PEM public key',
        parsed.ok ? `${parsed.algorithm}${parsed.rsaBits ? ` ${parsed.rsaBits} bits` : ''}` : parsed.error,
      ),
    );
  }
  if (!lines.length)
    lines.push(
      checkLine(
        'keys.none',
        'skip',
        'jwksUri or a legacy publicKey',
        'publishes no keys (it cannot sign what it sends)',
      ),
    );
  return lines;
}

/** A server that requires signatures must refuse the probe with 401 or 403. */
export function refusalGrade(status: number | undefined): Grade {
  if (status === undefined) return 'fail';
  if (status === 401 || status === 403) return 'pass';
  if ((status >= 200 && status < 300) || status >= 500) return 'fail';
  return 'warn';
}

export function gradeSignatures(
  doc: Record<string, unknown>,
  probes: Pick<ProbeEvidence, 'unsigned' | 'digest' | 'stale' | 'invalidShare'>,
  canSign: boolean,
): CheckLine[] {
  if (typeof doc.endPoint !== 'string')
    return [checkLine('signatures.endpoint', 'skip', 'an endPoint to probe', 'none')];
  if (!strings(doc.criteria).includes('must-use-http-sig'))
    return [
      checkLine(
        'signatures.not-required',
        'skip',
        'criterion must-use-http-sig to test refusals',
        strings(doc.capabilities).includes('http-sig')
          ? 'http-sig advertised but signatures not required'
          : 'signatures not advertised',
      ),
    ];
  const refusal = (id: CheckLineId, e: CheckEvidence | undefined) =>
    checkLine(id, refusalGrade(statusOf(e)), 'refused with 401 or 403', seenOf(e), e ? [e] : []);
  // The signed invalid share is the control: when a soundly signed share is refused for its signature too,
  // a refusal of the faulty ones does not show the peer noticed the fault (its key lookup may be what fails).
  const control = probes.invalidShare?.exchange?.signing ? signatureRefusal(probes.invalidShare) : undefined;
  const faulty = (id: CheckLineId, e: CheckEvidence | undefined) => {
    const line = refusal(id, e);
    if (line.grade !== 'pass' || !control || !probes.invalidShare) return line;
    return {
      ...line,
      grade: 'warn' as const,
      seen: `${line.seen} — but a soundly signed share was refused for its signature too (${control}), so this refusal does not show the fault was noticed`,
      evidence: [...line.evidence, probes.invalidShare],
    };
  };
  const lines = [refusal('signatures.unsigned', probes.unsigned)];
  if (canSign) lines.push(faulty('signatures.digest', probes.digest), faulty('signatures.stale', probes.stale));
  return lines;
}

/** An invalid share must get a 4xx; a spec-shaped body (`{"message", "validationErrors"?}`) makes it a pass. */
export function validationGrade(status: number | undefined, body: unknown): Grade {
  if (status === undefined || status >= 500 || (status >= 200 && status < 300)) return 'fail';
  if (status >= 400 && status < 500) return isObject(body) && typeof body.message === 'string' ? 'pass' : 'warn';
  return 'warn';
}

export function gradeValidation(doc: Record<string, unknown>, invalidShare: CheckEvidence | undefined): CheckLine[] {
  if (typeof doc.endPoint !== 'string')
    return [checkLine('validation.endpoint', 'skip', 'an endPoint to probe', 'none')];
  const signatureRefused = signatureRefusal(invalidShare);
  if (signatureRefused) {
    // The peer stopped at the signature and never read the body: nothing is known about its validation.
    const signed = !!invalidShare?.exchange?.signing;
    return [
      checkLine(
        'validation.share',
        signed ? 'warn' : 'skip',
        '4xx with {"message", "validationErrors"?}',
        signed
          ? `body never judged: the peer refused the console's signature (${signatureRefused}); the probe names the console as sender, so the peer should find its key through the console's discovery`
          : `body never judged: the peer refused the unsigned probe for its missing signature (${signatureRefused}); the console could not sign it`,
        invalidShare ? [invalidShare] : [],
      ),
    ];
  }
  return [
    checkLine(
      'validation.share',
      validationGrade(statusOf(invalidShare), jsonOf(invalidShare)),
      '4xx with {"message", "validationErrors"?}',
      seenOf(invalidShare),
      invalidShare ? [invalidShare] : [],
    ),
  ];
}

/** An unknown code must get 400 invalid_grant (RFC 6749 §5.2); another 4xx is a warning. */
export function tokenGrade(status: number | undefined, body: unknown): Grade {
  if (status === 400 && isObject(body) && body.error === 'invalid_grant') return 'pass';
  return status !== undefined && status >= 400 && status < 500 ? 'warn' : 'fail';
}

export function gradeToken(
  doc: Record<string, unknown>,
  token: CheckEvidence | undefined,
  canSign: boolean,
): CheckLine[] {
  if (!strings(doc.capabilities).includes('exchange-token'))
    return [checkLine('token.not-advertised', 'skip', 'capability exchange-token', 'not advertised')];
  if (typeof doc.tokenEndPoint !== 'string')
    return [checkLine('token.missing', 'fail', 'tokenEndPoint, since exchange-token is advertised', 'missing')];
  if (!canSign)
    return [
      checkLine(
        'token.unsigned-skipped',
        'skip',
        'a signed token request',
        'not sent (no reachable identity to sign with)',
      ),
    ];
  const signatureRefused = signatureRefusal(token);
  return [
    checkLine(
      'token.invalid-grant',
      tokenGrade(statusOf(token), jsonOf(token)),
      '400 {"error": "invalid_grant"}',
      signatureRefused
        ? `code never judged: the peer refused the console's signature (${signatureRefused})`
        : seenOf(token),
      token ? [token] : [],
    ),
  ];
}

export const UNSIGNED_NOTE =
  'Signed probes were not sent: run from the console (not the CLI), which publishes the keys the target needs to verify them.';

/** The whole report but its timing: every area graded from the discovery and the probes' answers. */
export function gradeCheck(
  discovery: DiscoverResult,
  probes: ProbeEvidence,
  options: { canSign: boolean },
): Pick<CheckReport, 'target' | 'base' | 'grade' | 'areas' | 'notes'> {
  const lines: Record<CheckArea, CheckLine[]> = {
    discovery: gradeDiscovery(discovery),
    transport: [],
    keys: [],
    signatures: [],
    validation: [],
    token: [],
  };
  const notes: string[] = [];
  const doc = isObject(discovery.document) ? discovery.document : undefined;
  if (!doc) {
    for (const area of AREAS.filter((a) => a !== 'discovery'))
      lines[area] = [checkLine(`${area}.skipped`, 'skip', 'a discovery document to start from', 'none')];
  } else {
    lines.transport = gradeTransport(discovery.base, discovery.wellKnown.exchange);
    lines.keys = gradeKeys(doc, probes.jwks);
    if (!options.canSign) notes.push(UNSIGNED_NOTE);
    lines.signatures = gradeSignatures(doc, probes, options.canSign);
    lines.validation = gradeValidation(doc, probes.invalidShare);
    lines.token = gradeToken(doc, probes.token, options.canSign);
  }
  const areas = AREAS.map((area) => ({ area, grade: worst(lines[area].map((l) => l.grade)), lines: lines[area] }));
  return { target: discovery.target, base: discovery.base, grade: worst(areas.map((a) => a.grade)), areas, notes };
}
