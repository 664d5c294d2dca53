// The interop report's steps as pure functions: what the run gathered (exchanges, inbox records) in, a graded
// step with each deviation named out. The server only runs the flows and hands the results here.
import type { CheckEvidence, CheckReport, Grade } from '../../contract/check.ts';
import type { DiscoverResult, Exchange, RelayFailure } from '../../contract/exchange.ts';
import type { InboundRecord } from '../../contract/inbound.ts';
import type { InteropStep } from '../../contract/interop.ts';
import { sayOnce } from '../say-once.ts';
import type { SigningChoice } from '../signature-profile.ts';
import { inboundAsExchange } from './received.ts';
import {
  evidenceOf,
  jsonBody,
  notYet,
  signingDeviation,
  statusLine,
  step,
  verificationDeviations,
  worse,
} from './step-parts.ts';

export { step, evidenceOf } from './step-parts.ts';
export { gradeInviteByConsole, gradeInviteByPeer, type InviteByConsoleEvidence } from './invite-steps.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function gradeDiscoveryStep(d: DiscoverResult): InteropStep {
  const evidence = [
    ...(d.unreachable ?? []).map((u) => evidenceOf(`GET ${u.url}`, u)),
    evidenceOf('GET /.well-known/ocm', d.wellKnown),
  ];
  if (d.legacy) evidence.push(evidenceOf('GET /ocm-provider', d.legacy));
  if (!d.answeredBy) return step('discovery', 'fail', sayOnce(d.problem) || 'No discovery document.', [], evidence);
  const named = d.findings
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity}: ${f.path || '/'} ${f.message}`);
  if (d.answeredBy === 'legacy')
    named.unshift('Only the legacy /ocm-provider answered; draft-07 serves discovery at /.well-known/ocm.');
  const errors = d.findings.some((f) => f.severity === 'error');
  const detected = d.detected ? `OCM ${d.detected.version}, dialect ${d.detected.dialect}` : 'version unknown';
  return step(
    'discovery',
    errors || d.answeredBy === 'legacy' ? 'warn' : named.length ? 'warn' : 'pass',
    `Served at ${d.answeredBy === 'well-known' ? '/.well-known/ocm' : '/ocm-provider'}: ${detected}.`,
    named,
    evidence,
  );
}

export function gradeCheckStep(report: CheckReport): InteropStep {
  const lines = report.areas.flatMap((a) => a.lines);
  const count = (g: Grade) => lines.filter((l) => l.grade === g).length;
  const off = lines.filter((l) => l.grade === 'fail' || l.grade === 'warn');
  // The report's Discovery step, just above, already says what discovery saw: pointed to, not said again.
  const inDiscovery = new Set(report.areas.filter((a) => a.area === 'discovery').flatMap((a) => a.lines));
  return step(
    'check',
    report.grade,
    `${count('pass')} passed, ${count('warn')} warnings, ${count('fail')} failed, ${count('skip')} skipped.`,
    off.map((l) =>
      inDiscovery.has(l)
        ? `${l.grade}: ${l.title}: as the Discovery step says`
        : `${l.grade}: ${l.title}: expected ${l.expected}; seen ${l.seen}`,
    ),
    off.flatMap((l) => l.evidence),
  );
}

export interface ShareSentEvidence {
  to?: string;
  exchange?: Exchange;
  failure?: RelayFailure;
  problem?: string;
  choice?: SigningChoice;
}

export function gradeShareSent(s: ShareSentEvidence): InteropStep {
  if (!s.to) return step('share-sent', 'skip', 'Not run: give an address at the peer to share with.');
  if (s.problem) return step('share-sent', 'fail', s.problem);
  const evidence = [evidenceOf(`POST /shares to ${s.to}`, s)];
  const deviations = signingDeviation(s.choice);
  if (!s.exchange) return step('share-sent', 'fail', s.failure?.message ?? 'No answer.', deviations, evidence);
  const { status } = s.exchange.response;
  const body = jsonBody(s.exchange);
  if (status === 201) {
    const name = isObject(body) && typeof body.recipientDisplayName === 'string' ? body.recipientDisplayName : '';
    return step(
      'share-sent',
      deviations.length ? 'warn' : 'pass',
      `Answered 201${name ? ` (recipient "${name}")` : ''}.`,
      deviations,
      evidence,
    );
  }
  if (status >= 200 && status < 300)
    return step(
      'share-sent',
      'warn',
      `Answered ${status}.`,
      [...deviations, `Answered ${status}; draft-07 answers a created share with 201.`],
      evidence,
    );
  return step('share-sent', 'fail', `Refused: ${statusLine(s.exchange)}`, deviations, evidence);
}

export function gradeShareReceived(
  found: { record: InboundRecord; deviations: string[] } | undefined,
  ctx: { consoleBase: string; consoleAddress: string },
): InteropStep {
  if (!found)
    return step(
      'share-received',
      'skip',
      notYet('shared', ctx.consoleAddress, 'have the peer share a file with {address}, then run the report again.'),
    );
  const { record } = found;
  const answered = record.response?.status ?? 0;
  const verdict = verificationDeviations(record);
  const findings = (record.findings ?? [])
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity}: ${f.path || '/'} ${f.message}`);
  const deviations = [...verdict.deviations, ...findings, ...found.deviations];
  let grade = verdict.grade;
  if (findings.length) grade = worse(grade, 'warn');
  if (answered < 200 || answered >= 300) grade = 'fail';
  return step(
    'share-received',
    grade,
    `Received ${new Date(record.receivedAt).toISOString()}, answered ${answered}; signature ${record.verification?.status ?? 'not checked'}.`,
    deviations,
    [{ label: 'POST /shares from the peer', exchange: inboundAsExchange(record, ctx.consoleBase) }],
  );
}

export interface TokenEvidence {
  /** Why the flow did not start (no share, no code, no token endpoint). */
  notRun?: string;
  skip?: boolean;
  deviations: string[];
  token?: { exchange?: Exchange; failure?: RelayFailure };
  read?: { exchange?: Exchange; failure?: RelayFailure };
  /** What the share offers to read with the token: a file, a web app (opened, not read), or nothing named. */
  resource?: 'file' | 'webapp' | 'none';
  choice?: SigningChoice;
  style?: string;
}

export function gradeTokenExchange(t: TokenEvidence): InteropStep {
  if (t.notRun) return step('token-exchange', t.skip ? 'skip' : 'fail', t.notRun, t.deviations);
  const deviations = [...t.deviations, ...signingDeviation(t.choice)];
  const evidence: CheckEvidence[] = [];
  if (t.token) evidence.push(evidenceOf('POST tokenEndPoint', t.token));
  if (t.read) evidence.push(evidenceOf('GET the shared resource with the token', t.read));
  const ex = t.token?.exchange;
  if (!ex) return step('token-exchange', 'fail', t.token?.failure?.message ?? 'No answer.', deviations, evidence);
  const body = jsonBody(ex);
  const token = isObject(body) && typeof body.access_token === 'string' ? body.access_token : undefined;
  if (ex.response.status !== 200 || !token)
    return step('token-exchange', 'fail', `The token endpoint answered ${statusLine(ex)}`, deviations, evidence);
  if (isObject(body) && typeof body.token_type === 'string' && body.token_type !== 'Bearer')
    deviations.push(`token_type is "${body.token_type}"; RFC 6750 spells it "Bearer" (compared case-insensitively).`);
  const read = t.read?.exchange;
  const got = `Got a token${t.style ? ` (${t.style})` : ''}`;
  // A web app share's token is POSTed to the app (the webapp lab opens it); there is no file to read.
  if (!read && t.resource === 'webapp')
    return step(
      'token-exchange',
      deviations.length ? 'warn' : 'pass',
      `${got}. The share is a web app: the token goes to the app in a POSTed form (open it in the webapp lab); there is no file to read.`,
      deviations,
      evidence,
    );
  if (!read && t.resource === 'none')
    return step(
      'token-exchange',
      'fail',
      `${got}, but the share names no resource (uri) to read with it.`,
      deviations,
      evidence,
    );
  if (!read)
    return step(
      'token-exchange',
      'fail',
      `Got a token, but the resource did not answer: ${t.read?.failure?.message ?? 'not read'}.`,
      deviations,
      evidence,
    );
  const ok = read.response.status >= 200 && read.response.status < 300;
  return step(
    'token-exchange',
    !ok ? 'fail' : deviations.length ? 'warn' : 'pass',
    `${got}; the resource answered ${read.response.status} with ${read.response.body.size} bytes.`,
    deviations,
    evidence,
  );
}
