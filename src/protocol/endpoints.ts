// Where each OCM message goes, and the body of the code-flow token request (OCM §4, §6).
import type { Kind } from './kinds.ts';

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

/**
 * How a token request is written. `oauth-form` is OCM 1.3+ (RFC 6749 §4.1.3: form-encoded,
 * grant_type authorization_code). `ocm-1.2-json` is the 1.2-era form some servers still take (the OCM-stub,
 * older Reva): a JSON body with grant_type ocm_authorization_code. A compatibility choice, named as such.
 */
export const TOKEN_REQUEST_STYLES = {
  'oauth-form': 'form-encoded, grant_type authorization_code (OCM 1.3+)',
  'ocm-1.2-json': 'JSON, grant_type ocm_authorization_code (OCM 1.2-era compatibility: OCM-stub, older Reva)',
} as const;
export type TokenRequestStyle = keyof typeof TOKEN_REQUEST_STYLES;

/** The token request's body and content type in the given style. */
export function tokenRequestBody(
  fields: { clientId: string; code: string },
  style: TokenRequestStyle = 'oauth-form',
): { contentType: string; body: string } {
  if (style === 'ocm-1.2-json')
    return {
      contentType: 'application/json',
      body: JSON.stringify({ grant_type: 'ocm_authorization_code', code: fields.code, client_id: fields.clientId }),
    };
  return { contentType: 'application/x-www-form-urlencoded', body: tokenRequestForm(fields) };
}

/** What an exchange with this URL was, judged by its path: which OCM message, the token request, or discovery. */
export type ExchangeKind = MessageKind | 'token-request' | 'discovery' | 'jwks';

export function exchangeKindOfUrl(url: string): ExchangeKind | undefined {
  let path: string;
  try {
    path = new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
  if (path.endsWith('/.well-known/ocm') || path.endsWith('/ocm-provider')) return 'discovery';
  if (path.endsWith('/jwks') || path.endsWith('/jwks.json')) return 'jwks';
  if (path.endsWith('/token')) return 'token-request';
  for (const [kind, suffix] of Object.entries(MESSAGE_PATHS)) if (path.endsWith(suffix)) return kind as MessageKind;
  return undefined;
}

/**
 * Which documents an exchange's bodies are, for the linter: the request is the message sent (a share, a
 * notification, an invite acceptance, a token request); the answer is a document of its own for
 * discovery and a JWK Set, and for a share, an invite acceptance or a token request that succeeded (the
 * share-creation response, the invite acceptance response, the token response). An error answer is not
 * judged as the success document.
 */
export function bodyKindsOf(kind: string | undefined, status: number): { request?: Kind; response?: Kind } {
  const ok = status >= 200 && status < 300;
  const request: Kind | undefined =
    kind === 'share' || kind === 'notification' || kind === 'invite-accepted' || kind === 'token-request'
      ? kind
      : undefined;
  const response: Kind | undefined =
    kind === 'discovery' || kind === 'jwks'
      ? kind
      : kind === 'share' && ok
        ? 'share-response'
        : kind === 'invite-accepted' && ok
          ? 'invite-response'
          : kind === 'token-request' && ok
            ? 'token-response'
            : undefined;
  return { ...(request ? { request } : {}), ...(response ? { response } : {}) };
}
