// Where each OCM message goes, and the body of the code-flow token request (OCM §4, §6).

/** The messages POSTed under a server's `endPoint`, and the path each goes to. */
export const MESSAGE_PATHS = {
  share: '/shares',
  notification: '/notifications',
  'invite-accepted': '/invite-accepted',
  // Drafts -05/-06; from 1.5 a share request is a REQUEST_SHARE notification.
  'request-share': '/request-share',
} as const;
export type MessageKind = keyof typeof MESSAGE_PATHS;

export function isMessageKind(kind: string): kind is MessageKind {
  return Object.hasOwn(MESSAGE_PATHS, kind);
}

/** `endPoint` (with or without a trailing slash) joined with the kind's path. */
export function messageUrl(endPoint: string, kind: MessageKind): string {
  return `${endPoint.replace(/\/+$/, '')}${MESSAGE_PATHS[kind]}`;
}

/** The token request of the code flow, form-encoded as the tokenEndPoint takes it. */
export function tokenRequestForm(fields: { clientId: string; code: string }): string {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: fields.clientId,
    code: fields.code,
  }).toString();
}
