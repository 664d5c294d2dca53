import type { CheckEvidence } from '../../contract/check.ts';

/** The status a probe got, or undefined when no answer came. */
export function statusOf(e: CheckEvidence | undefined): number | undefined {
  return e?.exchange?.response.status;
}

/** The probe's answer as JSON, or undefined when it is none (or not JSON). */
export function jsonOf(e: CheckEvidence | undefined): unknown {
  try {
    return e?.exchange ? JSON.parse(e.exchange.response.body.data) : undefined;
  } catch {
    return undefined;
  }
}

/** What a probe saw, in one line: the status and the start of the body, or why nothing came back. */
export function seenOf(e: CheckEvidence | undefined): string {
  if (!e) return 'not sent';
  if (e.failure) return `no answer: ${e.failure.message}`;
  if (!e.exchange) return 'no answer';
  const body = e.exchange.response.body.data.slice(0, 160);
  return `${e.exchange.response.status}${body ? ` ${body}` : ''}`;
}

/**
 * Why the peer refused a probe's signature, or undefined when the refusal is about something else. A 401/403
 * counts when its body or WWW-Authenticate names the signature (alpha's SIGNATURE_INVALID, Nextcloud's
 * "Invalid signature", an RFC 9421 `Signature` challenge): such a peer never read the body.
 */
export function signatureRefusal(e: CheckEvidence | undefined): string | undefined {
  const res = e?.exchange?.response;
  if (!res || (res.status !== 401 && res.status !== 403)) return undefined;
  const challenge = res.headers.find(([n]) => n.toLowerCase() === 'www-authenticate')?.[1] ?? '';
  const text = res.body.data;
  if (!/signature/i.test(text) && !/signature/i.test(challenge)) return undefined;
  const body = jsonOf(e);
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const parts = [b.message, b.error, b.detail, b.error_description].filter(
      (p): p is string => typeof p === 'string' && p.length > 0,
    );
    if (parts.length) return `${res.status} ${parts.join(': ')}`.slice(0, 240);
  }
  return `${res.status} ${(text || challenge).slice(0, 200)}`;
}
