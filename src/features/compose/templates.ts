import {
  buildInviteAccepted,
  buildNotification,
  buildRequestShare,
  buildShare,
  buildTokenRequest,
  formEncode,
  type BuiltPayload,
  type ConsoleIdentity,
  type Kind,
} from '../../protocol/index.ts';

/** Kinds that are sent to a peer; the others are only checked. */
export const SENDABLE: Kind[] = ['share', 'notification', 'invite-accepted', 'token-request', 'request-share'];

/** A typical OCM 1.5 receiver, for templates before a real target is chosen. */
export const GENERIC_RECEIVER = {
  enabled: true,
  apiVersion: '1.5.0',
  endPoint: 'https://receiver.example.org/ocm',
  resourceTypes: [
    {
      name: 'file',
      shareTypes: ['user', 'group'],
      protocols: {
        webdav: '/remote/dav/ocm/',
        'webdav-receive': { uri: 'absolute' },
        'webapp-receive': { targets: ['blank', 'iframe'] },
      },
    },
  ],
  capabilities: ['exchange-token', 'http-sig', 'invites', 'notifications', 'protocol-object'],
  criteria: ['must-use-http-sig'],
  jwksUri: 'https://receiver.example.org/ocm/jwks',
  tokenEndPoint: 'https://receiver.example.org/ocm/token',
  inviteAcceptDialog: '/apps/ocm/accept-invite',
};

const LINT_ONLY: Partial<Record<Kind, unknown>> = {
  discovery: GENERIC_RECEIVER,
  'share-response': { recipientDisplayName: 'Marie Curie' },
  'invite-response': {
    userID: '4c5e1b1d-9a3f-4bde-8a55-7f0f3f1f2e11',
    email: 'marie@example.org',
    name: 'Marie Curie',
  },
  // The payload; a Directory Service publishes it signed, as a JWS (the linter says so).
  directory: {
    federation: 'Lab Federation',
    servers: [
      { url: 'https://cloud.example.org', displayName: 'Example Cloud' },
      { url: 'https://files.example.com:4443', displayName: 'Example Files' },
    ],
  },
  jwks: {
    keys: [
      {
        kty: 'OKP',
        crv: 'Ed25519',
        kid: 'sender.example.org#key1',
        alg: 'Ed25519',
        use: 'sig',
        x: 'JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs',
      },
    ],
  },
  'token-response': { access_token: '8f3d3f26-f1e6-4b47-9e3e-9af6c0d4ad8b', token_type: 'Bearer', expires_in: 300 },
  error: { message: 'INVALID_PARAMETERS', validationErrors: [{ name: 'shareWith', message: 'NOT_FOUND' }] },
};

export interface Template {
  text: string;
  /** What the payload is: a request for a share becomes a REQUEST_SHARE notification for 1.5 receivers. */
  kind: Kind;
  /** Where to POST it, when the receiver's discovery says. */
  url?: string;
  notes: string[];
  /** The body is a form (token request), not JSON. */
  form: boolean;
}

const random = () => Math.random().toString(36).slice(2, 12);

/** A valid payload of `kind`, built for `receiver` (its version and dialect) from `identity`. */
export function template(
  kind: Kind,
  identity: ConsoleIdentity,
  receiver: unknown = GENERIC_RECEIVER,
  recipient = 'marie@receiver.example.org',
  share: { name?: string; permissions?: Array<'read' | 'write' | 'share'> } = {},
): Template {
  const lintOnly = LINT_ONLY[kind];
  if (lintOnly !== undefined) return { text: `${JSON.stringify(lintOnly, null, 2)}\n`, kind, notes: [], form: false };
  let built: BuiltPayload;
  switch (kind) {
    case 'share':
      built = buildShare(receiver, identity, {
        shareWith: recipient,
        name: share.name ?? 'spec.pdf',
        ...(share.permissions ? { permissions: share.permissions } : {}),
        providerId: crypto.randomUUID(),
        sharedSecret: random(),
      });
      break;
    case 'notification':
      built = buildNotification(receiver, identity, {
        type: 'SHARE_ACCEPTED',
        providerId: crypto.randomUUID(),
        message: 'Recipient accepted the share',
      });
      break;
    case 'invite-accepted':
      built = buildInviteAccepted(receiver, identity, {
        token: crypto.randomUUID(),
        email: `${identity.user}@example.org`,
        name: identity.displayName ?? identity.user,
      });
      break;
    case 'request-share':
      built = buildRequestShare(receiver, identity, { owner: recipient, share: 'spec.pdf' });
      break;
    default:
      built = buildTokenRequest(receiver, identity, random());
  }
  const form = kind === 'token-request';
  return {
    text: form ? formEncode(built.payload) : `${JSON.stringify(built.payload, null, 2)}\n`,
    kind: built.kind,
    ...(built.url ? { url: built.url } : {}),
    notes: built.notes,
    form,
  };
}
