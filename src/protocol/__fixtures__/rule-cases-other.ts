import type { RuleCase } from './rule-case.ts';
import { fixture, variant } from './load.ts';

const NC = 'nextcloud-files-notification-share-accepted.json';
const N15 = 'notification-1.5-share-accepted.json';

export const otherFires: RuleCase[] = [
  // RFC 6749 §5.2: what a token endpoint answers on failure, and the OCM error body a receiver refuses with.
  { code: 'answer.error-answer', kind: 'token-response', path: '', doc: fixture('error-oauth.json') },
  { code: 'answer.error-answer', kind: 'token-response', path: '', doc: { error: 'server_error' } },
  { code: 'answer.error-answer', kind: 'share-response', path: '', doc: fixture('error-validation.json') },
  { code: 'answer.error-answer', kind: 'invite-response', path: '', doc: { message: 'INVITE_NOT_FOUND' } },
  {
    code: 'notification.type-unknown',
    kind: 'notification',
    path: '/notificationType',
    doc: variant(N15, (d) => (d.notificationType = 'SHARE_EXPLODED')),
  },
  {
    code: 'notification.type-vendor',
    kind: 'notification',
    path: '/notificationType',
    doc: fixture('nextcloud-talk-notification-room-modified.json'),
  },
  {
    code: 'notification.type-version',
    kind: 'notification',
    path: '/notificationType',
    doc: fixture('owncloud-reva-notification-share-change-permission.json'),
  },
  {
    code: 'notification.type-version',
    kind: 'notification',
    path: '/notificationType',
    doc: variant(N15, (d) => (d.notificationType = 'RESHARE_UNDO')),
    spec: '1.5',
  },
  {
    code: 'notification.type-version',
    kind: 'notification',
    path: '/notificationType',
    doc: variant(N15, (d) => (d.notificationType = 'RESHARE_CHANGE_PERMISSION')),
    spec: '1.5',
  },
  {
    code: 'notification.sender-domain',
    kind: 'notification',
    path: '/senderDomain',
    doc: variant(N15, (d) => delete d.senderDomain),
    spec: '1.5',
  },
  {
    code: 'notification.provider-id',
    kind: 'notification',
    path: '/providerId',
    doc: variant(NC, (d) => delete d.providerId),
  },
  {
    code: 'notification.provider-id-deprecated',
    kind: 'notification',
    path: '/providerId',
    doc: variant(N15, (d) => (d.providerId = '7c084226')),
  },
  {
    code: 'notification.resource-or-share-type',
    kind: 'notification',
    path: '',
    doc: variant(N15, (d) => {
      delete d.resourceType;
      delete d.shareType;
    }),
  },
  {
    code: 'notification.resource-type-missing',
    kind: 'notification',
    path: '/resourceType',
    doc: variant(NC, (d) => delete d.resourceType),
  },
  {
    code: 'notification.payload',
    kind: 'notification',
    path: '/notification/file/providerId',
    doc: variant(N15, (d) => delete d.notification.file),
  },
  {
    code: 'notification.payload',
    kind: 'notification',
    path: '/notification/file/shareId',
    doc: variant('notification-1.5-request-share.json', (d) => delete d.notification.file.shareId),
  },
  {
    code: 'notification.payload',
    kind: 'notification',
    path: '/notification/user/userId',
    doc: variant('notification-1.5-user-removed.json', (d) => (d.notification = {})),
  },
  {
    code: 'notification.share-type-forbidden',
    kind: 'notification',
    path: '/shareType',
    doc: variant('notification-1.5-request-share.json', (d) => (d.shareType = 'user')),
  },
  { code: 'notification.vendor-binding', kind: 'notification', path: '/notification/sharedSecret', doc: fixture(NC) },
  {
    code: 'notification.vendor-binding',
    kind: 'notification',
    path: '/notification/grantee',
    doc: fixture('owncloud-reva-notification-share-unshared.json'),
  },
  {
    code: 'invite.user-id-case',
    kind: 'invite-accepted',
    path: '/userId',
    doc: fixture('invite-accepted-userid.json'),
  },
  {
    code: 'invite.recipient-provider',
    kind: 'invite-accepted',
    path: '/recipientProvider',
    doc: variant('invite-accepted.json', (d) => (d.recipientProvider = 'https://receiver.example.org/')),
  },
  {
    code: 'invite.email',
    kind: 'invite-accepted',
    path: '/email',
    doc: variant('invite-accepted.json', (d) => (d.email = 'richard at example.org')),
  },
  {
    code: 'token.grant-type',
    kind: 'token-request',
    path: '/grant_type',
    doc: variant('token-request.json', (d) => (d.grant_type = 'client_credentials')),
  },
  {
    code: 'token.client-id',
    kind: 'token-request',
    path: '/client_id',
    severity: 'error',
    doc: variant('token-request.json', (d) => (d.client_id = 'https://receiver.example.org')),
  },
  {
    code: 'token.token-type',
    kind: 'token-response',
    path: '/token_type',
    doc: variant('token-response.json', (d) => (d.token_type = 'mac')),
  },
  {
    code: 'token.expires-in',
    kind: 'token-response',
    path: '/expires_in',
    doc: variant('token-response.json', (d) => delete d.expires_in),
  },
  {
    code: 'token.refresh-token',
    kind: 'token-response',
    path: '/refresh_token',
    doc: variant('token-response.json', (d) => (d.refresh_token = 'r')),
  },
  {
    code: 'request-share.legacy-fields',
    kind: 'request-share',
    path: '',
    doc: fixture('request-share-pr194-first.json'),
  },
  {
    code: 'request-share.legacy-fields',
    kind: 'request-share',
    path: '',
    doc: fixture('request-share-pr194-later.json'),
  },
  {
    code: 'request-share.legacy-fields',
    kind: 'request-share',
    path: '',
    doc: { sender: 'alice@cloud.example.org', share_with: 'bob@other.example.net', share_id: 'x1' },
  },
  {
    code: 'request-share.replaced',
    kind: 'request-share',
    path: '',
    spec: '1.5',
    doc: fixture('request-share-1.4.json'),
  },
  {
    code: 'request-share.address',
    kind: 'request-share',
    path: '/owner',
    doc: variant('request-share-1.4.json', (d) => (d.owner = 'alice')),
  },
  { code: 'error.no-message', kind: 'error', path: '', doc: { detail: 'nope' } },
  { code: 'error.message-form', kind: 'error', path: '/message', doc: { message: 'The share could not be found.' } },
  { code: 'error.oauth-code', kind: 'error', path: '/error', doc: { error: 'token_expired' } },
  // RFC 6749's invalid_scope is not in the draft's list: OCM has no scopes.
  { code: 'error.oauth-code', kind: 'error', path: '/error', severity: 'info', doc: { error: 'invalid_scope' } },
  {
    code: 'share-response.display-name',
    kind: 'share-response',
    path: '/recipientDisplayName',
    doc: { recipientDisplayName: ' ' },
  },
  {
    code: 'share-response.public-keys',
    kind: 'share-response',
    path: '/recipientPublicKeys/0',
    doc: variant('share-response-1.5-ssh.json', (d) => (d.recipientPublicKeys = ['-----BEGIN PUBLIC KEY-----'])),
  },
  {
    code: 'share-response.public-keys',
    kind: 'share-response',
    path: '/recipientPublicKeys',
    doc: variant('share-response-1.5-ssh.json', (d) => (d.recipientPublicKeys = [])),
  },
  { code: 'jwks.key', kind: 'jwks', path: '/keys', doc: { keys: [] } },
  { code: 'jwks.kid', kind: 'jwks', path: '/keys/0/kid', doc: variant('jwks-1.5.json', (d) => delete d.keys[0].kid) },
  {
    code: 'jwks.kid',
    kind: 'jwks',
    path: '/keys/1/kid',
    doc: variant('jwks-1.5.json', (d) => (d.keys[1].kid = d.keys[0].kid)),
  },
  { code: 'jwks.alg', kind: 'jwks', path: '/keys/0/alg', doc: variant('jwks-1.5.json', (d) => delete d.keys[0].alg) },
  {
    code: 'jwks.alg',
    kind: 'jwks',
    path: '/keys/1/alg',
    doc: variant('jwks-1.5.json', (d) => (d.keys[1].alg = 'HS256')),
  },
  {
    code: 'jwks.kty',
    kind: 'jwks',
    path: '/keys/0/kty',
    doc: { keys: [{ kty: 'oct', kid: 'k', alg: 'HS256', k: 'c2VjcmV0' }] },
  },
  {
    code: 'jwks.use',
    kind: 'jwks',
    path: '/keys/0/use',
    doc: variant('jwks-1.5.json', (d) => (d.keys[0].use = 'enc')),
  },
  {
    code: 'jwks.private',
    kind: 'jwks',
    path: '/keys/0',
    doc: variant('jwks-1.5.json', (d) => (d.keys[0].d = 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A')),
  },
  {
    code: 'token.grant-type-legacy',
    kind: 'token-request',
    path: '/grant_type',
    doc: variant('token-request.json', (d) => (d.grant_type = 'ocm_authorization_code')),
  },
  {
    code: 'fields.did-you-mean',
    kind: 'notification',
    path: '/senderDomian',
    doc: variant(N15, (d) => {
      d.senderDomian = d.senderDomain;
      delete d.senderDomain;
    }),
  },
  {
    code: 'fields.did-you-mean',
    kind: 'notification',
    path: '/notificationTyp',
    doc: variant('notification-1.5-user-removed.json', (d) => {
      d.notificationTyp = d.notificationType;
      delete d.notificationType;
    }),
  },
  {
    code: 'notification.resource-type-required',
    kind: 'notification',
    path: '/resourceType',
    doc: variant(N15, (d) => {
      delete d.resourceType;
      d.shareType = 'user';
    }),
  },
  {
    code: 'notification.resource-type-required',
    kind: 'notification',
    path: '/resourceType',
    doc: variant('notification-1.5-request-share.json', (d) => delete d.resourceType),
  },
  {
    code: 'notification.resource-type-omitted',
    kind: 'notification',
    path: '/resourceType',
    doc: variant('notification-1.5-user-removed.json', (d) => (d.resourceType = 'user')),
  },
  {
    code: 'notification.address',
    kind: 'notification',
    path: '/notification/file/shareWith',
    doc: variant('notification-1.5-request-share.json', (d) => (d.notification.file.shareWith = 'bob')),
  },
  {
    code: 'notification.address',
    kind: 'notification',
    path: '/notification/user/userId',
    doc: variant('notification-1.5-user-removed.json', (d) => (d.notification.user.userId = 42)),
  },
  {
    code: 'notification.payload',
    kind: 'notification',
    path: '/notification/file/permissions',
    doc: variant('notification-1.5-request-share.json', (d) => (d.notification.file.permissions = [])),
  },
  // draft-07 types the share's identifier as a string: a number is what a careless serializer sends.
  {
    code: 'notification.payload',
    kind: 'notification',
    path: '/notification/file/providerId',
    doc: variant('notification-1.5-change-permission.json', (d) => (d.notification.file.providerId = 7084226)),
  },
  {
    code: 'notification.payload',
    kind: 'notification',
    path: '/notification/file/shareId',
    doc: variant('notification-1.5-request-share.json', (d) => (d.notification.file.shareId = { id: 1 })),
  },
  {
    code: 'notification.permissions-unknown',
    kind: 'notification',
    path: '/notification/file/permissions/1',
    doc: variant(
      'notification-1.5-change-permission.json',
      (d) => (d.notification.file.permissions = ['read', 'edit']),
    ),
  },
  {
    code: 'notification.permissions-unknown',
    kind: 'notification',
    path: '/notification/file/permissions/0',
    doc: variant('notification-1.5-request-share.json', (d) => (d.notification.file.permissions = ['view'])),
  },
  {
    code: 'notification.resource-type-omitted',
    kind: 'notification',
    path: '/resourceType',
    severity: 'error',
    doc: variant('notification-1.5-user-removed.json', (d) => (d.resourceType = 'file')),
  },
  {
    code: 'jwks.alg-polymorphic',
    kind: 'jwks',
    path: '/keys/0/alg',
    severity: 'warning',
    doc: variant('jwks-1.5.json', (d) => (d.keys[0].alg = 'EdDSA')),
  },
];

export const otherQuiet: RuleCase[] = [
  { code: 'answer.error-answer', kind: 'token-response', doc: fixture('token-response.json') },
  { code: 'answer.error-answer', kind: 'share-response', doc: fixture('share-response-nextcloud.json') },
  { code: 'answer.error-answer', kind: 'invite-response', doc: fixture('invite-response.json') },
  ...[
    'notification.type-unknown',
    'notification.type-vendor',
    'notification.type-version',
    'notification.sender-domain',
    'notification.provider-id-deprecated',
    'notification.resource-or-share-type',
    'notification.payload',
    'notification.vendor-binding',
    'notification.resource-type-required',
    'notification.resource-type-omitted',
    'notification.address',
    'fields.did-you-mean',
  ].map((code) => ({ code, kind: 'notification', doc: fixture(N15) }) as RuleCase),
  // Recipient-scope types omit resourceType; the draft's REQUEST_SHARE and USER_REMOVED carry addresses.
  ...['notification.resource-type-required', 'notification.resource-type-omitted', 'notification.address'].flatMap(
    (code) =>
      ['notification-1.5-user-removed.json', 'notification-1.5-request-share.json'].map(
        (file) => ({ code, kind: 'notification', doc: fixture(file) }) as RuleCase,
      ),
  ),
  // Nextcloud's real notifications: unknown fields there are not typos of known ones.
  { code: 'fields.did-you-mean', kind: 'notification', doc: fixture(NC) },
  {
    code: 'fields.did-you-mean',
    kind: 'notification',
    doc: fixture('nextcloud-talk-notification-message-posted.json'),
  },
  { code: 'fields.did-you-mean', kind: 'share', doc: fixture('share-1.5-canonical.json') },
  ...[
    'notification.provider-id',
    'notification.resource-type-missing',
    'notification.type-version',
    'notification.type-unknown',
    'notification.sender-domain',
  ].map((code) => ({ code, kind: 'notification', doc: fixture(NC) }) as RuleCase),
  {
    code: 'notification.share-type-forbidden',
    kind: 'notification',
    doc: fixture('notification-1.5-request-share.json'),
  },
  { code: 'notification.payload', kind: 'notification', doc: fixture('notification-1.5-request-share.json') },
  { code: 'notification.payload', kind: 'notification', doc: fixture('notification-1.5-user-removed.json') },
  { code: 'notification.type-version', kind: 'notification', doc: fixture('notification-1.5-change-permission.json') },
  ...['notification.permissions-unknown', 'notification.payload'].flatMap((code) =>
    ['notification-1.5-change-permission.json', 'notification-1.5-request-share.json'].map(
      (file) => ({ code, kind: 'notification', doc: fixture(file) }) as RuleCase,
    ),
  ),
  ...['invite.user-id-case', 'invite.recipient-provider', 'invite.email'].map(
    (code) => ({ code, kind: 'invite-accepted', doc: fixture('invite-accepted.json') }) as RuleCase,
  ),
  ...['token.grant-type', 'token.grant-type-legacy', 'token.client-id'].map(
    (code) => ({ code, kind: 'token-request', doc: fixture('token-request.json') }) as RuleCase,
  ),
  {
    code: 'token.client-id',
    kind: 'token-request',
    doc: variant('token-request.json', (d) => (d.client_id = 'receiver.example.org:8443')),
  },
  ...['token.token-type', 'token.expires-in', 'token.refresh-token'].map(
    (code) => ({ code, kind: 'token-response', doc: fixture('token-response.json') }) as RuleCase,
  ),
  {
    code: 'token.token-type',
    kind: 'token-response',
    doc: variant('token-response.json', (d) => (d.token_type = 'bearer')),
  },
  ...['request-share.legacy-fields', 'request-share.replaced', 'request-share.address'].map(
    (code) => ({ code, kind: 'request-share', doc: fixture('request-share-1.4.json') }) as RuleCase,
  ),
  ...['error.no-message', 'error.message-form', 'error.oauth-code'].map(
    (code) => ({ code, kind: 'error', doc: fixture('error-validation.json') }) as RuleCase,
  ),
  { code: 'error.oauth-code', kind: 'error', doc: fixture('error-oauth.json') },
  ...['share-response.display-name', 'share-response.public-keys'].flatMap((code) =>
    ['share-response-nextcloud.json', 'share-response-1.5-ssh.json'].map(
      (file) => ({ code, kind: 'share-response', doc: fixture(file) }) as RuleCase,
    ),
  ),
  ...['jwks.key', 'jwks.kid', 'jwks.alg', 'jwks.alg-polymorphic', 'jwks.kty', 'jwks.use', 'jwks.private'].map(
    (code) => ({ code, kind: 'jwks', doc: fixture('jwks-1.5.json') }) as RuleCase,
  ),
];
