import { isCompactJws, isJwsEnvelope } from '../directory.ts';
import { isRecord } from '../lint/util.ts';
import type { Kind } from '../kinds.ts';

export interface KindGuess {
  kind: Kind | null;
  /** The fields that decided, for the user to see. */
  reason: string;
}

const has = (doc: Record<string, unknown>, ...keys: string[]) => keys.every((k) => k in doc);

/** Which kind of OCM document this looks like, from its field names. */
export function guessKind(doc: unknown): KindGuess {
  if (typeof doc === 'string' && isCompactJws(doc))
    return { kind: 'directory', reason: 'a compact JWS: the signed Directory Service document is the JWS OCM defines' };
  if (!isRecord(doc)) return { kind: null, reason: 'not a JSON object' };
  if ('notificationType' in doc) return { kind: 'notification', reason: 'has notificationType' };
  if (has(doc, 'grant_type') || has(doc, 'client_id', 'code'))
    return { kind: 'token-request', reason: 'has grant_type/client_id/code' };
  if ('access_token' in doc) return { kind: 'token-response', reason: 'has access_token' };
  if ('endPoint' in doc || 'resourceTypes' in doc || ('apiVersion' in doc && 'enabled' in doc))
    return { kind: 'discovery', reason: 'has endPoint/resourceTypes/apiVersion' };
  if (isRecord(doc.services) && !('endPoint' in doc))
    return { kind: 'discovery', reason: 'has services: the legacy /ocs-provider list (OCS, not OCM discovery)' };
  if ('recipientProvider' in doc || (has(doc, 'token') && ('userID' in doc || 'userId' in doc)))
    return { kind: 'invite-accepted', reason: 'has recipientProvider/token/userID' };
  // The answer to /invite-accepted: the Invite Sender's userID (or Nextcloud's userId) with email or name.
  if (('userID' in doc || 'userId' in doc) && ('email' in doc || 'name' in doc))
    return { kind: 'invite-response', reason: 'has userID/email/name without token (the invite acceptance answer)' };
  if (has(doc, 'federation', 'servers') || isJwsEnvelope(doc))
    return { kind: 'directory', reason: 'has federation/servers, or a JWS payload (a Directory Service document)' };
  if ('protocol' in doc || has(doc, 'shareWith', 'providerId'))
    return { kind: 'share', reason: 'has protocol/shareWith/providerId' };
  if (
    (has(doc, 'shareWith') && ('share' in doc || 'shareId' in doc || 'owner' in doc)) ||
    has(doc, 'share_with', 'share_id')
  )
    return { kind: 'request-share', reason: 'has owner/shareWith/share' };
  if (Array.isArray(doc.keys) && Object.keys(doc).length <= 2)
    return { kind: 'jwks', reason: 'has keys[] (a JWK Set)' };
  if ('recipientDisplayName' in doc || 'recipientPublicKeys' in doc)
    return { kind: 'share-response', reason: 'has recipientDisplayName/recipientPublicKeys' };
  if ('message' in doc || 'error' in doc || 'validationErrors' in doc)
    return { kind: 'error', reason: 'has message/error/validationErrors' };
  return { kind: null, reason: 'no field that names an OCM document kind' };
}
