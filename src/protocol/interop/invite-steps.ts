// The interop report's invite steps (draft "Invites"): the console accepting the peer's invite, and the peer
// accepting the console's, as the console's inbox recorded it.
import type { InboundRecord } from '../../contract/inbound.ts';
import type { Exchange, RelayFailure } from '../../contract/exchange.ts';
import type { InteropStep } from '../../contract/interop.ts';
import { explainInviteAnswer, type InviteReading } from '../invites.ts';
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

export interface InviteByConsoleEvidence {
  invite?: string;
  reading?: InviteReading;
  problem?: string;
  exchange?: Exchange;
  failure?: RelayFailure;
  choice?: SigningChoice;
  /** Deviations in what the peer handed out or sent (e.g. from lint of its answer). */
  deviations?: string[];
}

export function gradeInviteByConsole(i: InviteByConsoleEvidence): InteropStep {
  if (!i.invite)
    return step('invite-accepted-by-console', 'skip', 'Not run: give an invite string or link the peer handed out.');
  const deviations = [...(i.reading?.ok ? i.reading.notes : []), ...(i.deviations ?? [])];
  if (i.reading && !i.reading.ok)
    return step('invite-accepted-by-console', 'fail', 'The invite cannot be read.', i.reading.problems);
  if (i.problem) return step('invite-accepted-by-console', 'fail', i.problem, deviations);
  deviations.push(...signingDeviation(i.choice));
  const evidence = [evidenceOf('POST /invite-accepted', i)];
  if (!i.exchange)
    return step('invite-accepted-by-console', 'fail', i.failure?.message ?? 'No answer.', deviations, evidence);
  const { status } = i.exchange.response;
  const body = jsonBody(i.exchange);
  const explained = explainInviteAnswer(status, body);
  if (status === 200 && explained.tone === 'success')
    return step(
      'invite-accepted-by-console',
      deviations.length ? 'warn' : 'pass',
      `Accepted: ${explained.detail}`,
      deviations,
      evidence,
    );
  if (status === 409)
    return step(
      'invite-accepted-by-console',
      'warn',
      `409: the peer says this invite was accepted before (from this console, or keyed by something else).`,
      deviations,
      evidence,
    );
  return step(
    'invite-accepted-by-console',
    'fail',
    `${explained.title}: ${explained.detail} (${statusLine(i.exchange)})`,
    deviations,
    evidence,
  );
}

export function gradeInviteByPeer(
  found: { record: InboundRecord } | undefined,
  ctx: { consoleBase: string; consoleAddress: string; inviteLink?: string },
): InteropStep {
  if (!found)
    return step(
      'invite-accepted-by-peer',
      'skip',
      notYet(
        'accepted',
        ctx.consoleAddress,
        `create an invite on the Invites page and accept it at the peer${ctx.inviteLink ? ` (${ctx.inviteLink})` : ''}, then run the report again.`,
      ),
    );
  const { record } = found;
  const answered = record.response?.status ?? 0;
  const verdict = verificationDeviations(record);
  // Draft-07, "Invites": the acceptance is signed; invites SHOULD NOT be used without signatures.
  if (record.verification?.status === 'unsigned')
    verdict.deviations.push('Draft-07 (Invites) sends the acceptance signed; invites SHOULD NOT be used unsigned.');
  const findings = (record.findings ?? [])
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.severity}: ${f.path || '/'} ${f.message}`);
  let grade = verdict.grade;
  if (findings.length) grade = worse(grade, 'warn');
  if (answered !== 200) grade = answered === 409 ? worse(grade, 'warn') : 'fail';
  return step(
    'invite-accepted-by-peer',
    grade,
    `The peer sent POST /invite-accepted ${new Date(record.receivedAt).toISOString()}; the console answered ${answered}; signature ${record.verification?.status ?? 'not checked'}.`,
    [...verdict.deviations, ...findings],
    [{ label: 'POST /invite-accepted from the peer', exchange: inboundAsExchange(record, ctx.consoleBase) }],
  );
}
