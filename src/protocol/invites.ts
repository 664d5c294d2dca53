// Invites (draft "Invites" section): the life of an invite token, what its sender answers to
// POST /invite-accepted, and how a pasted invite (string or link) reads, with each known mistake named.
import { base64ToText } from './encoding.ts';
import { decodeInviteString } from './invite-string.ts';
import { parseInviteLink } from './links.ts';

/** How long an invite the console creates stays open, unless asked otherwise: 7 days. */
export const INVITE_DEFAULT_SECONDS = 7 * 24 * 3600;

/** What the Invite Sender keeps about one invite it created. */
export interface SentInvite {
  token: string;
  /** The local user the invite is for (the Invite Sender). */
  user: string;
  createdAt: string;
  expiresAt: string;
  /** Set once an acceptance was answered 200. */
  accepted?: { at: string; userID: string; email: string; name: string; recipientProvider: string };
}

export type InviteState = 'open' | 'accepted' | 'expired';

/** An accepted invite stays accepted after its expiry; an unaccepted one is open until it expires. */
export function inviteState(invite: Pick<SentInvite, 'expiresAt' | 'accepted'>, now: Date): InviteState {
  if (invite.accepted) return 'accepted';
  return Date.parse(invite.expiresAt) <= now.getTime() ? 'expired' : 'open';
}

/** The expiry of an invite created at `now`, valid for `seconds` (at least a minute, at most a year). */
export function inviteExpiry(now: Date, seconds: number = INVITE_DEFAULT_SECONDS): string {
  const clamped = Math.min(Math.max(Math.round(seconds), 60), 365 * 24 * 3600);
  return new Date(now.getTime() + clamped * 1000).toISOString();
}

export interface InviteSenderIdentity {
  userID: string;
  email: string;
  name: string;
}

export interface InviteAcceptedAnswer {
  status: number;
  body: unknown;
  /** The acceptance to keep on the invite, when the answer is 200. */
  accepted?: NonNullable<SentInvite['accepted']>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an Invite Sender answers to POST /invite-accepted: 400 with validationErrors when a required field is
 * missing; 400 for a token it does not know or that expired; 409 when the invite was already accepted; else
 * 200 with the sender's `{userID, email, name}`. `userId` is read as a dialect spelling of `userID`.
 */
export function answerInviteAccepted(
  doc: unknown,
  find: (token: string) => SentInvite | undefined,
  sender: (invite: SentInvite) => InviteSenderIdentity,
  now: Date,
): InviteAcceptedAnswer {
  if (!isObject(doc))
    return {
      status: 400,
      body: { message: 'INVALID_BODY', validationErrors: [{ name: 'body', message: 'NOT_AN_OBJECT' }] },
    };
  const missing = ['recipientProvider', 'token', 'email', 'name'].filter((f) => typeof doc[f] !== 'string');
  const userID = typeof doc.userID === 'string' ? doc.userID : typeof doc.userId === 'string' ? doc.userId : undefined;
  if (userID === undefined) missing.push('userID');
  if (missing.length)
    return {
      status: 400,
      body: { message: 'INVALID_PARAMETERS', validationErrors: missing.map((name) => ({ name, message: 'REQUIRED' })) },
    };
  const invite = find(doc.token as string);
  if (!invite) return { status: 400, body: { message: 'TOKEN_INVALID_OR_UNKNOWN' } };
  const state = inviteState(invite, now);
  if (state === 'accepted') return { status: 409, body: { message: 'INVITE_ALREADY_ACCEPTED' } };
  if (state === 'expired') return { status: 400, body: { message: 'TOKEN_EXPIRED' } };
  const accepted = {
    at: now.toISOString(),
    userID: userID!,
    email: doc.email as string,
    name: doc.name as string,
    recipientProvider: doc.recipientProvider as string,
  };
  return { status: 200, body: sender(invite), accepted };
}

/** What a pasted invite reads as: the token and provider, the form it came in, and what is wrong with it. */
export type InviteReading =
  | {
      ok: true;
      token: string;
      providerDomain: string;
      form: 'invite-string' | 'wayf-link' | 'accept-link';
      /** Deviations from the canonical form that were tolerated, each named. */
      notes: string[];
    }
  | { ok: false; problems: string[] };

const SEPARATORS = [':', '#', '|', ';'];

/**
 * Reads what a user pasted: an invite string (canonical base64url of token@fqdn, or the drifts seen in the
 * field) or a link carrying `token` (a WAYF link: the provider is the link's host; an accept-dialog link:
 * `providerDomain`). Padding, a wrong separator, a URL in place of the FQDN and a string that is not base64url
 * are each named.
 */
export function readInvite(input: string): InviteReading {
  const text = input.trim();
  if (!text) return { ok: false, problems: ['Nothing was pasted.'] };
  if (/^https?:\/\//i.test(text)) {
    const link = parseInviteLink(text);
    if (!link) return { ok: false, problems: ['This is a link, but it carries no token= parameter.'] };
    if (link.providerDomain)
      return { ok: true, token: link.token, providerDomain: link.providerDomain, form: 'accept-link', notes: [] };
    return { ok: true, token: link.token, providerDomain: new URL(link.origin).host, form: 'wayf-link', notes: [] };
  }
  const notes: string[] = [];
  if (/=+$/.test(text)) notes.push('It ends in "=" padding; the spec says base64url without padding.');
  const decoded = decodeInviteString(text);
  if (decoded.ok) {
    notes.push(...decoded.notes.map((n) => `${n.charAt(0).toUpperCase()}${n.slice(1)}.`));
    if (/[/?#]/.test(decoded.providerDomain))
      notes.push(`The provider part "${decoded.providerDomain}" is a URL, not an FQDN.`);
    const providerDomain = decoded.providerDomain.split(/[/?#]/)[0]!;
    if (!providerDomain) return { ok: false, problems: ['The provider part is empty.'] };
    return { ok: true, token: decoded.token, providerDomain, form: 'invite-string', notes };
  }
  const problems: string[] = [];
  const bad = /[^A-Za-z0-9_\-+/=]/.exec(text);
  if (bad) problems.push(`It is not base64url: "${bad[0]}" at position ${bad.index + 1} is not in its alphabet.`);
  const plain = base64ToText(text, 'base64url') ?? base64ToText(text, 'base64') ?? (bad ? text : null);
  if (plain !== null && !plain.includes('@')) {
    const sep = SEPARATORS.find((s) => plain.includes(s));
    problems.push(
      sep
        ? `It decodes to "${plain}", which separates token and provider with "${sep}" instead of "@".`
        : `It decodes to "${plain}", which has no "@" between token and provider.`,
    );
  } else if (plain === null) problems.push('It does not decode to text (neither base64url nor base64).');
  return { ok: false, problems };
}

export interface AnswerExplanation {
  tone: 'success' | 'error';
  title: string;
  detail: string;
}

/** What the Invite Sender's answer to POST /invite-accepted means, per the draft. */
export function explainInviteAnswer(status: number, body: unknown): AnswerExplanation {
  const sender = isObject(body) ? body : {};
  const who = ['name', 'userID', 'email']
    .map((k) => (typeof sender[k] === 'string' ? `${k} ${JSON.stringify(sender[k])}` : undefined))
    .filter(Boolean)
    .join(', ');
  if (status === 200)
    return who
      ? { tone: 'success', title: 'Accepted', detail: `The invite sender is ${who}.` }
      : {
          tone: 'error',
          title: 'Accepted, but without the sender',
          detail: 'The spec says 200 comes with the sender\'s {"userID", "email", "name"}; this answer lacks them.',
        };
  if (status === 400)
    return { tone: 'error', title: '400: token invalid or unknown', detail: 'The sender does not know this token.' };
  if (status === 403)
    return {
      tone: 'error',
      title: '403: not trusted',
      detail: 'The sender does not trust this server for the invite.',
    };
  if (status === 409)
    return { tone: 'error', title: '409: already accepted', detail: 'This invite was accepted before.' };
  if (status === 404)
    return {
      tone: 'error',
      title: '404',
      detail: 'OCM 1.1 answered 404 for an unknown token; -07 says 400. Or the endpoint is not there.',
    };
  return { tone: 'error', title: `${status}`, detail: 'The spec defines 200, 400, 403 and 409 for this endpoint.' };
}
