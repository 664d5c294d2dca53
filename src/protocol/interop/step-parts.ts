// The pieces every interop step is graded with: the step itself, evidence, and the verdicts shared by steps.
import type { CheckEvidence, Grade } from '../../contract/check.ts';
import type { Exchange, RelayFailure } from '../../contract/exchange.ts';
import type { InboundRecord } from '../../contract/inbound.ts';
import { INTEROP_STEP_TITLES, type InteropStep, type InteropStepId } from '../../contract/interop.ts';
import type { SigningChoice } from '../signature-profile.ts';

export function step(
  id: InteropStepId,
  grade: Grade,
  seen: string,
  deviations: string[] = [],
  evidence: CheckEvidence[] = [],
): InteropStep {
  return { id, title: INTEROP_STEP_TITLES[id], grade, seen, deviations, evidence };
}

/** An exchange or a transport failure as evidence. */
export function evidenceOf(label: string, result: { exchange?: Exchange; failure?: RelayFailure }): CheckEvidence {
  return {
    label,
    ...(result.exchange ? { exchange: result.exchange } : {}),
    ...(result.failure ? { failure: result.failure } : {}),
  };
}

export const jsonBody = (e: Exchange | undefined): unknown => {
  try {
    return e ? JSON.parse(e.response.body.data) : undefined;
  } catch {
    return undefined;
  }
};

export const statusLine = (e: Exchange) => {
  const body = e.response.body.data.replace(/\s+/g, ' ').slice(0, 160);
  return `${e.response.status}${body ? ` ${body}` : ''}`;
};

/** The signing choice as a deviation, when the peer needed anything but draft-07's RFC 9421 profile. */
export function signingDeviation(choice: SigningChoice | undefined): string[] {
  if (!choice || choice.profile === 'ocm') return [];
  if (choice.variant === 'ocm-stub')
    return [
      "The peer verifies only the OCM-stub's draft-cavage variant (bare-host keyId, a signing string of values " +
        'without names): the console signed in that form, which no draft-cavage-12 verifier accepts.',
    ];
  if (choice.profile === 'cavage')
    return ['The peer does not advertise http-sig: the console signed with the legacy draft-cavage profile.'];
  return ['The peer advertises no signature support: the console sent unsigned.'];
}

/** Why nothing from the peer is in the inbox, and how to have it send something. */
export function notYet(what: string, consoleAddress: string, hint: string): string {
  return `Nothing ${what} from the peer in the inbox yet: ${hint.replace('{address}', consoleAddress)}`;
}

export function verificationDeviations(record: InboundRecord): { grade: Grade; deviations: string[] } {
  const v = record.verification;
  const deviations: string[] = [];
  let grade: Grade = 'pass';
  if (!v || v.status === 'unchecked') {
    deviations.push('The signature was not checked.');
    grade = 'warn';
  } else if (v.status === 'unsigned') {
    deviations.push(`Not signed: ${v.summary}`);
    grade = 'warn';
  } else if (v.status === 'failed') {
    deviations.push(`The signature does not verify: ${v.summary}`);
    grade = 'fail';
  }
  for (const d of v?.details ?? []) deviations.push(d);
  if (v?.status === 'verified' && v.details?.length) grade = 'warn';
  return { grade, deviations };
}

export const worse = (a: Grade, b: Grade): Grade => {
  const order: Grade[] = ['skip', 'pass', 'warn', 'fail'];
  return order.indexOf(a) > order.indexOf(b) ? a : b;
};
