// Acting on a request for a share the console received: draft-07 "Resharing and Request to Share" (the
// REQUEST_SHARE notification) and, before it, POST /request-share of drafts -05/-06.
import { addressAuthority, parseOcmAddress } from './address.ts';
import { MESSAGE_PATHS } from './endpoints.ts';
import { endpointUrl, identityDomain, targetFacts, type BuiltPayload, type ConsoleIdentity } from './build/target.ts';
import { atLeast } from './versions.ts';

export interface ShareRequest {
  /** How it came: the draft-07 notification, or the -05/-06 endpoint. */
  via: 'REQUEST_SHARE' | 'request-share';
  /** OCM address of the user asked to share (a user of the console). */
  owner: string;
  /** OCM address of who wants the share: the share goes to them. */
  requester: string;
  /** The resource, as the requester knows it (an id or a URL). */
  resource: string;
  /** Permissions asked for (draft-07 only; -05/-06 requests carry none). */
  permissions: string[];
  resourceType: string;
  message?: string;
}

export type ShareRequestReading = { ok: true; request: ShareRequest } | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/**
 * Reads a request for a share from what arrived: a REQUEST_SHARE notification (notification.file carries
 * owner, shareWith, shareId, permissions) or a -05/-06 /request-share body (owner, shareWith, share).
 * Anything else, or a request missing one of its required fields, is named as the problem.
 */
export function readShareRequest(endpoint: string, doc: unknown): ShareRequestReading {
  if (!isObject(doc)) return { ok: false, problem: 'The body is not a JSON object.' };
  if (endpoint === 'request-share') {
    const missing = ['owner', 'shareWith', 'share'].filter((f) => !text(doc[f]));
    if (missing.length) return { ok: false, problem: `The request lacks ${missing.join(', ')}.` };
    return {
      ok: true,
      request: {
        via: 'request-share',
        owner: String(doc.owner),
        requester: String(doc.shareWith),
        resource: String(doc.share),
        permissions: [],
        resourceType: 'file',
      },
    };
  }
  if (endpoint !== 'notifications' || doc.notificationType !== 'REQUEST_SHARE')
    return { ok: false, problem: 'Not a request for a share.' };
  const note = isObject(doc.notification) ? doc.notification : {};
  const file = isObject(note.file) ? note.file : {};
  const missing = ['owner', 'shareWith', 'shareId'].filter((f) => !text(file[f]));
  if (missing.length)
    return { ok: false, problem: `notification.file lacks ${missing.map((f) => `"${f}"`).join(', ')}.` };
  const permissions = Array.isArray(file.permissions)
    ? file.permissions.filter((p): p is string => typeof p === 'string')
    : [];
  return {
    ok: true,
    request: {
      via: 'REQUEST_SHARE',
      owner: String(file.owner),
      requester: String(file.shareWith),
      resource: String(file.shareId),
      permissions,
      resourceType: text(doc.resourceType) ?? 'file',
      ...(text(note.message) ? { message: String(note.message) } : {}),
    },
  };
}

/** What Compose is filled with to answer a request by sharing: a share to the requester, of that resource. */
export interface ShareRequestAnswer {
  /** The requester's address: the share's shareWith and the receiver Compose discovers. */
  to: string;
  /** The share's name: the last path segment of a URL, or the identifier itself. */
  name: string;
  /** Permissions asked for that a share can carry (read, write, share); read when none are. */
  permissions: Array<'read' | 'write' | 'share'>;
  /** The console user who was asked, who then shares. */
  from: string;
  /**
   * What to share: the console's web app when the request asks to `view` (a permission only the webapp
   * protocol has; webdav's are read, write, share), else the file over WebDAV.
   */
  protocol: 'webdav' | 'webapp';
}

export function shareForRequest(request: ShareRequest): ShareRequestAnswer {
  let name = request.resource;
  try {
    const segments = new URL(request.resource).pathname.split('/').filter(Boolean);
    if (segments.length) name = decodeURIComponent(segments[segments.length - 1]!);
  } catch {
    // Not a URL: the identifier is the best name there is.
  }
  const known = ['read', 'write', 'share'] as const;
  const permissions = known.filter((p) => request.permissions.includes(p));
  const at = request.owner.lastIndexOf('@');
  return {
    to: request.requester,
    name,
    permissions: permissions.length ? permissions : ['read'],
    from: at > 0 ? request.owner.slice(0, at) : request.owner,
    protocol: request.permissions.includes('view') ? 'webapp' : 'webdav',
  };
}

export type ShareRequestDecline =
  | { ok: true; requesterAuthority: string; build: (discovery: unknown, identity: ConsoleIdentity) => BuiltPayload }
  | { ok: false; problem: string };

/**
 * Declining a request. Draft-07: if the owner disagrees, the owner's server "MUST send back a SHARE_DECLINED
 * notification" to the requester's server. The draft does not say what that notification carries: its
 * SHARE_DECLINED about a share names it by notification.file.providerId, and a request has no providerId. The
 * console echoes the request's own file fields (owner, shareWith, shareId) so the requester can tell which
 * request it answers, and says so in the notes.
 * Drafts -05/-06 define no way to decline a /request-share at all: that is the problem returned.
 */
export function declineShareRequest(request: ShareRequest, message?: string): ShareRequestDecline {
  if (request.via === 'request-share')
    return {
      ok: false,
      problem:
        'Drafts -05/-06 define no answer that declines a /request-share (only the HTTP status of the request itself); ' +
        'draft-07 answers its REQUEST_SHARE notification with SHARE_DECLINED.',
    };
  const address = parseOcmAddress(request.requester);
  if (!address.ok)
    return { ok: false, problem: `The requester "${request.requester}" is not an OCM address (${address.error}).` };
  return {
    ok: true,
    requesterAuthority: addressAuthority(address.address),
    build: (discovery, identity) => {
      const facts = targetFacts(discovery);
      const notes = [
        'Draft-07 asks for SHARE_DECLINED but does not define its fields for a request (there is no providerId): ' +
          'notification.file repeats the request’s owner, shareWith and shareId.',
      ];
      if (!atLeast(facts.version, '1.5'))
        notes.push(`The requester looks like OCM ${facts.version}, which has no REQUEST_SHARE: sent the -07 shape.`);
      return {
        kind: 'notification',
        payload: {
          notificationType: 'SHARE_DECLINED',
          senderDomain: identityDomain(identity),
          resourceType: request.resourceType,
          notification: {
            ...(message ? { message } : {}),
            file: { owner: request.owner, shareWith: request.requester, shareId: request.resource },
          },
        },
        version: facts.version,
        dialect: facts.dialect,
        url: endpointUrl(facts, MESSAGE_PATHS.notification),
        notes,
      };
    },
  };
}
