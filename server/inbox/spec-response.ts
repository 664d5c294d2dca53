import type { InboundEndpoint, Verification } from '../../src/contract/inbound.ts';
import { localUserOf } from '../../src/protocol/index.ts';

export interface SpecAnswer {
  status: number;
  body: unknown;
}

export interface AnswerContext {
  endpoint: InboundEndpoint;
  /** The parsed body: a JSON value, form fields as an object, or undefined when it could not be read. */
  doc: unknown;
  /** Machine-readable reason the body could not be read (NOT_JSON, BODY_TOO_LARGE…), if so. */
  unreadable?: string;
  /** Local user names that can receive shares (the part before the last `@`). */
  recipients: readonly string[];
  /** What the signature check found; absent when signatures are not checked. */
  verification?: Verification;
  /** True when the console advertises must-use-http-sig: an unsigned share or notification is then refused. */
  requireSignature?: boolean;
  /** True under the lenient policy: the signature never makes the answer a refusal. */
  lenient?: boolean;
}

/**
 * A strict draft-07 receiver refuses a share or notification whose OCM signature does not verify ("HTTP
 * Message Signatures": verifiers MUST reject), and an unsigned one when it advertises must-use-http-sig
 * (no signature with tag="ocm" counts as unsigned, even with other signatures present). 401 is the "sender
 * not authenticated as trusted service" answer of "Share Creation Responses"; the body names the reason.
 */
export function signatureRefusal(ctx: AnswerContext): SpecAnswer | undefined {
  const { endpoint } = ctx;
  const shareOrNotice = endpoint === 'shares' || endpoint === 'notifications';
  // An invite acceptance that is signed must verify too; unsigned ones stay accepted, since deployed
  // peers (the OCM-stub among them) send them unsigned and the draft ties must-use-http-sig to shares.
  if (ctx.lenient || (!shareOrNotice && endpoint !== 'invite-accepted')) return undefined;
  const v = ctx.verification;
  if (v?.status === 'failed') return { status: 401, body: { message: 'SIGNATURE_INVALID', detail: v.summary } };
  if (v?.status === 'unsigned' && ctx.requireSignature && shareOrNotice)
    return {
      status: 401,
      body: {
        message: 'SIGNATURE_REQUIRED',
        detail: v.otherSignatures?.length
          ? 'No signature with tag="ocm": the signatures sent are not OCM signatures, and this server requires one (must-use-http-sig).'
          : 'The request is not signed, and this server requires an OCM signature (must-use-http-sig).',
      },
    };
  return undefined;
}

const SHARE_REQUIRED = ['shareWith', 'name', 'providerId', 'owner', 'sender', 'shareType', 'resourceType', 'protocol'];

const validation = (errors: { name: string; message: string }[]): SpecAnswer => ({
  status: 400,
  body: { message: 'INVALID_PARAMETERS', validationErrors: errors },
});

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a receiving server answers by the spec (draft-07 §3.4, §6, §7, §8, §9.4, §12), given what arrived.
 * The console uses it when the user has not chosen another answer for the endpoint. The signature is
 * judged first, as a verifier does before acting on the payload.
 */
export function specAnswer(ctx: AnswerContext): SpecAnswer {
  const { endpoint, doc } = ctx;
  if (endpoint === 'other') return { status: 404, body: { message: 'NOT_FOUND' } };
  const refused = signatureRefusal(ctx);
  if (refused) return refused;
  if (endpoint === 'token') return tokenAnswer(doc, ctx.unreadable);
  if (ctx.unreadable || !isObject(doc)) {
    return {
      status: 400,
      body: {
        message: 'INVALID_BODY',
        validationErrors: [{ name: 'body', message: ctx.unreadable ?? 'NOT_AN_OBJECT' }],
      },
    };
  }
  switch (endpoint) {
    case 'shares': {
      const missing = SHARE_REQUIRED.filter((f) => doc[f] === undefined || doc[f] === '');
      if (missing.length) return validation(missing.map((name) => ({ name, message: 'REQUIRED' })));
      if (typeof doc.shareWith !== 'string') return validation([{ name: 'shareWith', message: 'INVALID' }]);
      const user = localUserOf(doc.shareWith);
      const known = ctx.recipients.find((r) => r.toLowerCase() === user.toLowerCase());
      if (!known) return validation([{ name: 'shareWith', message: 'NOT_FOUND' }]);
      return { status: 201, body: { recipientDisplayName: displayName(known) } };
    }
    case 'notifications':
      if (typeof doc.notificationType !== 'string')
        return validation([{ name: 'notificationType', message: 'REQUIRED' }]);
      return { status: 201, body: {} };
    case 'invite-accepted': {
      const missing = ['recipientProvider', 'token', 'email', 'name'].filter((f) => typeof doc[f] !== 'string');
      if (typeof doc.userID !== 'string' && typeof doc.userId !== 'string') missing.push('userID');
      if (missing.length) return validation(missing.map((name) => ({ name, message: 'REQUIRED' })));
      // The console has issued no invite tokens, so every token is unknown to it (§9.4: 400).
      return { status: 400, body: { message: 'TOKEN_INVALID_OR_UNKNOWN' } };
    }
    case 'request-share': {
      const missing = ['owner', 'shareWith', 'share'].filter((f) => typeof doc[f] !== 'string');
      if (missing.length) return validation(missing.map((name) => ({ name, message: 'REQUIRED' })));
      // 201: the request is shown to the console's user, who is the owner being asked.
      return { status: 201, body: {} };
    }
  }
}

function tokenAnswer(doc: unknown, unreadable?: string): SpecAnswer {
  const error = (code: string) => ({ status: 400, body: { error: code } });
  if (unreadable || !isObject(doc)) return error('invalid_request');
  if (doc.grant_type !== 'authorization_code')
    return error(doc.grant_type === undefined ? 'invalid_request' : 'unsupported_grant_type');
  if (typeof doc.client_id !== 'string' || typeof doc.code !== 'string') return error('invalid_request');
  // The console has shared nothing out, so no code is valid here.
  return error('invalid_grant');
}

function displayName(user: string): string {
  return `${user.charAt(0).toUpperCase()}${user.slice(1)} (OCM Explorer)`;
}
