// Which received messages are the Check's own probes. The probes carry fixed names (a user that does not
// exist, a code never issued); they are read from the very bodies the Check sends, so they live in one place.
import { checkProbeBodies } from './check/plan.ts';

const sample = checkProbeBodies('https://target.invalid', { host: 'console.invalid' });
const PROBE_USER = localPart((JSON.parse(sample.invalidShare) as { shareWith: string }).shareWith);
const PROBE_CODE = new URLSearchParams(sample.tokenForm).get('code');

function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : address.slice(0, at);
}

function fieldsOf(body: string): Record<string, unknown> | undefined {
  try {
    const doc: unknown = JSON.parse(body);
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
      ? (doc as Record<string, unknown>)
      : undefined;
  } catch {
    return Object.fromEntries(new URLSearchParams(body));
  }
}

/**
 * True when a message is one of the Check's probes: a share to the Check's user that does not exist (with or
 * without its other fields), or a token request with the code the Check never had issued. `body` is the
 * message as received, before any redaction.
 */
export function isCheckProbe(message: { path: string; body: string }): boolean {
  const fields = fieldsOf(message.body);
  if (!fields) return false;
  if (/\/shares\/?$/.test(message.path))
    return typeof fields.shareWith === 'string' && localPart(fields.shareWith) === PROBE_USER;
  if (/\/token\/?$/.test(message.path)) return PROBE_CODE !== null && fields.code === PROBE_CODE;
  return false;
}
