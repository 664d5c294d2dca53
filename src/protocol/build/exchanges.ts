import { MESSAGE_PATHS } from '../endpoints.ts';
import { atLeast } from '../versions.ts';
import {
  endpointUrl,
  identityAddress,
  identityDomain,
  targetFacts,
  type BuiltPayload,
  type ConsoleIdentity,
} from './target.ts';

export interface InviteAcceptedChoices {
  token: string;
  email: string;
  name: string;
  /** Defaults to the identity's user. */
  userID?: string;
}

/** POST /invite-accepted to the invite sender's server. */
export function buildInviteAccepted(
  discovery: unknown,
  identity: ConsoleIdentity,
  choices: InviteAcceptedChoices,
): BuiltPayload {
  const facts = targetFacts(discovery);
  const userID = choices.userID ?? identity.user;
  const payload: Record<string, unknown> = {
    recipientProvider: identityDomain(identity),
    token: choices.token,
    userID,
    email: choices.email,
    name: choices.name,
  };
  const notes: string[] = [];
  if (facts.dialect === 'nextcloud') {
    // Whether Nextcloud reads "userID" is unverified; sending both spellings is harmless.
    payload.userId = userID;
    notes.push('Also sent "userId": Nextcloud\'s controller reads that spelling.');
  }
  return {
    kind: 'invite-accepted',
    payload,
    version: facts.version,
    dialect: facts.dialect,
    url: endpointUrl(facts, MESSAGE_PATHS['invite-accepted']),
    notes,
  };
}

export interface RequestShareChoices {
  /** OCM address of the user asked to share. */
  owner: string;
  /** Resource identifier known out of band (id or URL). */
  share: string;
  permissions?: string[];
  message?: string;
}

/** A request for a share: POST /request-share before 1.5, the REQUEST_SHARE notification from 1.5. */
export function buildRequestShare(
  discovery: unknown,
  identity: ConsoleIdentity,
  choices: RequestShareChoices,
): BuiltPayload {
  const facts = targetFacts(discovery);
  const me = identityAddress(identity);
  if (atLeast(facts.version, '1.5')) {
    const notification = {
      ...(choices.message ? { message: choices.message } : {}),
      file: {
        owner: choices.owner,
        shareWith: me,
        shareId: choices.share,
        permissions: choices.permissions ?? ['read'],
      },
    };
    return {
      kind: 'notification',
      payload: {
        notificationType: 'REQUEST_SHARE',
        senderDomain: identityDomain(identity),
        resourceType: 'file',
        notification,
      },
      version: facts.version,
      dialect: facts.dialect,
      url: endpointUrl(facts, MESSAGE_PATHS.notification),
      notes: ['1.5 peers take share requests as a REQUEST_SHARE notification.'],
    };
  }
  return {
    kind: 'request-share',
    payload: { owner: choices.owner, shareWith: me, share: choices.share },
    version: facts.version,
    dialect: facts.dialect,
    url: endpointUrl(facts, MESSAGE_PATHS['request-share']),
    notes: ['Sent to /request-share (drafts -05/-06).'],
  };
}

/** The code-flow token request (form fields) to the sender's tokenEndPoint. */
export function buildTokenRequest(discovery: unknown, identity: ConsoleIdentity, code: string): BuiltPayload {
  const facts = targetFacts(discovery);
  const url = facts.tokenEndPoint ?? endpointUrl(facts, '/token');
  const notes = facts.tokenEndPoint
    ? []
    : ['The peer publishes no tokenEndPoint: using {endPoint}/token as 1.2 servers did.'];
  return {
    kind: 'token-request',
    payload: { grant_type: 'authorization_code', client_id: identityDomain(identity), code },
    version: facts.version,
    dialect: facts.dialect,
    url,
    notes,
  };
}

/** application/x-www-form-urlencoded body of a token request. */
export function formEncode(fields: Record<string, unknown>): string {
  const pairs: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) pairs[k] = String(v);
  return new URLSearchParams(pairs).toString();
}
