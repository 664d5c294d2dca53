/** The documents the linter knows. `error` is an error response body (OCM or OAuth shaped). */
export const KINDS = [
  'discovery',
  'share',
  'notification',
  'invite-accepted',
  'invite-response',
  'token-request',
  'token-response',
  'request-share',
  'share-response',
  'jwks',
  'directory',
  'error',
] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  discovery: 'Discovery document (/.well-known/ocm or /ocm-provider)',
  share: 'Share creation (POST /shares)',
  notification: 'Notification (POST /notifications)',
  'invite-accepted': 'Invite acceptance (POST /invite-accepted)',
  'invite-response': 'Invite acceptance response (200 from POST /invite-accepted)',
  'token-request': 'Token request (POST tokenEndPoint)',
  'token-response': 'Token response',
  'request-share': 'Request for a share (POST /request-share)',
  'share-response': 'Share creation response (201 from POST /shares)',
  jwks: 'JWK Set (the keys at jwksUri)',
  directory: "Directory Service document (a federation's server list, signed JWS)",
  error: 'Error response body',
};

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}
