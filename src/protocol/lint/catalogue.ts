import type { Severity } from '../finding.ts';
import type { Kind } from '../kinds.ts';
import type { SectionId } from '../spec-refs.ts';

export interface RuleInfo {
  title: string;
  /** The usual severity; a few rules lower it for older versions, as their message says. */
  severity: Severity;
  section: SectionId;
  /** Kinds the rule applies to; empty = any document. */
  kinds: readonly Kind[];
}

const r = (severity: Severity, section: SectionId, kinds: readonly Kind[], title: string): RuleInfo => ({
  title,
  severity,
  section,
  kinds,
});
const D = ['discovery'] as const;
const S = ['share'] as const;
const N = ['notification'] as const;
const Dr = ['directory'] as const;

/** Every finding code the linter can produce, as data so the UI can list and explain them. */
export const RULES = {
  // Input and structure
  'json.syntax': r('error', 'json', [], 'The text is not valid JSON'),
  'json.too-large': r('error', 'json', [], 'The document is larger than the linter accepts'),
  'json.binary': r('error', 'json', [], 'The input is binary, not JSON text'),
  'doc.too-deep': r('error', 'json', [], 'The document nests deeper than any OCM payload does'),
  'doc.not-object': r('error', 'json', [], 'The document must be a JSON object'),
  'schema.required': r('error', 'discovery-fields', [], 'A required field is missing'),
  'schema.type': r('error', 'discovery-fields', [], 'A field has the wrong JSON type'),
  'schema.enum': r('error', 'discovery-fields', [], 'A field has a value outside its allowed set'),
  'schema.null': r('warning', 'discovery-fields', [], 'An optional field is null instead of left out'),
  'schema.too-small': r('error', 'discovery-fields', [], 'A field is empty or too small'),
  'schema.forbidden-key': r('error', 'discovery-fields', [], 'A field is not allowed in a closed object'),
  'fields.did-you-mean': r(
    'warning',
    'discovery-fields',
    [],
    'An unknown field is one edit away from a field the spec defines',
  ),
  'fields.unknown': r(
    'info',
    'discovery-fields',
    [],
    'A field the spec does not define (allowed, shown for your information)',
  ),

  // Discovery
  'discovery.disabled': r('info', 'discovery-fields', D, 'OCM is switched off (enabled: false)'),
  'discovery.ocs-provider': r(
    'error',
    'legacy-discovery',
    D,
    'A legacy /ocs-provider document (OCS service list), not OCM discovery',
  ),
  'discovery.url-invalid': r('error', 'discovery-fields', D, 'A URL field is not an absolute http(s) URL'),
  'discovery.url-http': r(
    'warning',
    'discovery-fields',
    D,
    'A URL uses plain http (fine for labs, not for production)',
  ),
  'discovery.api-version-format': r(
    'warning',
    'discovery-fields',
    D,
    'apiVersion is not a version this linter recognises',
  ),
  'discovery.api-version-mismatch': r('warning', 'discovery-fields', D, 'apiVersion disagrees with the fields present'),
  'discovery.owncloud10-share-types': r(
    'error',
    'legacy-discovery',
    D,
    'Top-level shareTypes instead of resourceTypes (ownCloud 10)',
  ),
  'discovery.resource-types-object': r(
    'error',
    'resource-types',
    D,
    'resourceTypes is an object, not an array (Seafile)',
  ),
  'discovery.resource-types-empty': r('error', 'resource-types', D, 'resourceTypes lists no resource type'),
  'discovery.resource-type-duplicate': r('error', 'resource-types', D, 'Two resourceTypes entries share a name'),
  'discovery.share-types-user': r('error', 'resource-types', D, 'A resource type does not list the "user" share type'),
  'discovery.share-type-unknown': r(
    'info',
    'resource-types',
    D,
    'A share type outside the registry (user, group; federation via OCM-MLS)',
  ),
  'discovery.file-without-webdav': r(
    'error',
    'resource-types',
    D,
    'A file or folder resource type has no webdav protocol',
  ),
  'discovery.webdav-path': r('warning', 'resource-types', D, 'protocols.webdav is not a path starting with "/"'),
  'discovery.webapp-shape': r('warning', 'resource-types', D, 'protocols.webapp has the shape of another version'),
  'discovery.receive-before-1.4': r(
    'info',
    'resource-types',
    D,
    'A -receive protocol key in a document older than 1.4',
  ),
  'discovery.webapp-receive-targets': r(
    'error',
    'resource-types',
    D,
    'webapp-receive targets are empty, repeated or unknown',
  ),
  'discovery.datatx-protocol': r(
    'warning',
    'resource-types',
    D,
    'The datatx protocol was removed in favour of accessTypes',
  ),
  'discovery.ssh-form': r('warning', 'resource-types', D, 'protocols.ssh is not host:port'),
  'discovery.capability-unknown': r('info', 'capabilities', D, 'A capability this linter does not know'),
  'discovery.capability-renamed': r('warning', 'capabilities', D, 'A capability under an old name'),
  'discovery.capability-path-style': r(
    'warning',
    'capabilities',
    D,
    'A 1.1 endpoint-style capability ("/notifications")',
  ),
  'discovery.criterion-unknown': r('info', 'criteria', D, 'A criterion this linter does not know'),
  'discovery.criterion-renamed': r('warning', 'criteria', D, 'A criterion under an old name'),
  'discovery.criterion-needs-capability': r(
    'error',
    'criteria',
    D,
    'A criterion needs a capability that is not advertised',
  ),
  'discovery.http-sig-needs-jwks-uri': r('error', 'signatures', D, 'http-sig is advertised without jwksUri'),
  'discovery.exchange-token-needs-endpoint': r(
    'error',
    'token-exchange',
    D,
    'exchange-token is advertised without tokenEndPoint',
  ),
  'discovery.invites-without-dialog': r('warning', 'invites', D, 'invites is advertised without inviteAcceptDialog'),
  'discovery.invite-dialog-form': r('info', 'invites', D, 'inviteAcceptDialog is an absolute URL, not a path'),
  'discovery.public-key-bare-pem': r('error', 'cavage', D, 'publicKey is a bare PEM string, not {keyId, publicKeyPem}'),
  'discovery.public-key-pem': r('error', 'cavage', D, 'A publicKeyPem does not parse as an RSA public key'),
  'discovery.public-key-removed': r(
    'info',
    'cavage',
    D,
    'publicKey was removed from discovery in 1.4 (kept for draft-cavage peers)',
  ),
  'discovery.public-keys-transitional': r('info', 'signatures', D, 'publicKeys[] existed only briefly before jwksUri'),

  // Shares
  'share.provider-id-integer': r('error', 'share', S, 'providerId is a number, not a string'),
  'share.shared-by-instead-of-sender': r('error', 'share', S, 'sharedBy instead of sender (older Nextcloud)'),
  'share.url-instead-of-uri': r('error', 'webdav', S, 'A protocol has url instead of uri'),
  'share.address-invalid': r('error', 'address', S, 'An OCM address is not identifier@host'),
  'share.address-scheme': r('warning', 'address', S, 'An OCM address carries a URL scheme or path after the @'),
  'share.share-type-unknown': r('warning', 'share', S, 'shareType outside user, group, federation'),
  'share.protocol-legacy': r('warning', 'share-protocol', S, 'The deprecated {name, options} protocol form'),
  'share.protocol-empty': r('error', 'share-protocol', S, 'The protocol object offers no protocol'),
  'share.protocol-name': r('error', 'share-protocol', S, 'protocol.name disagrees with the protocols offered'),
  'share.legacy-permission-property': r(
    'warning',
    'interop',
    S,
    'options.permissions is a WebDAV property name (Nextcloud)',
  ),
  'share.webdav-uri-form': r(
    'warning',
    'webdav',
    S,
    'webdav.uri form (absolute or relative) does not suit the version',
  ),
  'share.shared-secret-missing': r('error', 'webdav', S, 'A protocol has no sharedSecret'),
  'share.secret-in-uri': r('error', 'webdav', S, 'The sharedSecret appears in a URI'),
  'share.permissions-unknown': r('error', 'access-model', S, "A permission outside the protocol's set"),
  'share.requirements-unknown': r(
    'error',
    'access-model',
    S,
    'A requirement outside must-exchange-token, must-use-mfa',
  ),
  'share.requirements-renamed': r('warning', 'access-model', S, 'A requirement under an old name'),
  'share.requirements-empty': r('warning', 'access-model', S, 'requirements is present but empty'),
  'share.requirements-disagree': r('error', 'access-model', S, 'Protocols of one share have different requirements'),
  'share.access-types-unknown': r('error', 'access-model', S, 'An access type outside remote, datatx'),
  'share.webapp-requirements': r('error', 'webapp', S, 'A webapp share lacks must-exchange-token'),
  'share.webapp-uri': r('error', 'webapp', S, 'webapp.uri is missing or not absolute'),
  'share.webapp-uri-template': r('warning', 'webapp', S, 'webapp.uri holds a {…} template (the historic uriTemplate)'),
  'share.empty-value': r('error', 'share-protocol', S, 'sharedSecret or uri is an empty string'),
  'share.protocol-ambiguous': r('warning', 'share-protocol', S, 'name "webdav" with both options and webdav'),
  'share.webapp-targets': r('error', 'webapp', S, 'webapp.targets is missing, empty or has unknown values'),
  'share.webapp-permissions': r('error', 'webapp', S, 'webapp.permissions is missing or empty'),
  'share.webapp-view-mode': r('warning', 'webapp', S, 'viewMode belongs to the 1.2–1.3 webapp; 1.4+ uses permissions'),
  'share.ssh-uri-form': r('warning', 'ssh', S, 'ssh.uri is not user@host:port/path'),
  'share.expiration': r('warning', 'share', S, 'expiration looks like milliseconds or lies in the past'),
  'share.encryption-version': r('warning', 'encryption', S, 'encryption is a 1.5 (draft -07) field'),
  'share.encryption-scheme': r('error', 'encryption', S, 'encryption lacks the object named after its scheme'),
  'share.encryption-scheme-fields': r(
    'error',
    'encryption',
    S,
    'The scheme object lacks what its scheme must carry (fingerprints, cipher)',
  ),
  'share.identifier-encoded': r(
    'info',
    'share',
    S,
    'An identifier is base64 of an OCM address or URL (opaque to the spec)',
  ),
  'share.code-field': r('info', 'token-exchange', S, 'Top-level code is the 1.2 code flow'),

  // Notifications
  'notification.type-unknown': r('warning', 'notification-types', N, 'A notification type outside the registry'),
  'notification.type-vendor': r('info', 'interop', N, 'A vendor notification type (Nextcloud Talk, Calendar)'),
  'notification.type-version': r(
    'warning',
    'notification-types',
    N,
    'The notification type belongs to another version',
  ),
  'notification.sender-domain': r('error', 'notifications', N, 'senderDomain is missing (required since 1.5)'),
  'notification.provider-id': r('error', 'notifications-legacy', N, 'providerId is missing (required before 1.5)'),
  'notification.provider-id-deprecated': r('info', 'notifications', N, 'Top-level providerId is deprecated in 1.5'),
  'notification.resource-or-share-type': r(
    'error',
    'notifications',
    N,
    'Neither resourceType nor shareType is present',
  ),
  'notification.resource-type-missing': r(
    'error',
    'notifications-legacy',
    N,
    'resourceType is missing (spec.yaml 1.4 requires it; draft-07 has a share-level notification carry it)',
  ),
  'notification.payload': r('error', 'notifications', N, 'notification lacks a field its type requires (1.5)'),
  'notification.share-type-forbidden': r('error', 'notifications', N, 'REQUEST_SHARE must not carry shareType'),
  'notification.resource-type-required': r(
    'error',
    'notifications',
    N,
    'A share-level notification lacks resourceType (1.5)',
  ),
  'notification.resource-type-omitted': r(
    'error',
    'notifications',
    N,
    'USER_REMOVED / GROUP_REMOVED carry a resourceType they must omit (1.5)',
  ),
  'notification.address': r('error', 'address', N, 'A notification field that names a user is not an OCM address'),
  'notification.permissions-unknown': r(
    'error',
    'notifications',
    N,
    'notification.file.permissions holds a value outside read, write, share',
  ),
  'notification.vendor-binding': r('info', 'interop', N, 'The notification binds the share the way one vendor does'),

  // Invites, tokens, request-share, errors
  'invite.user-id-case': r(
    'error',
    'invite-accepted',
    ['invite-accepted', 'invite-response'],
    'userId instead of userID',
  ),
  'invite.recipient-provider': r(
    'warning',
    'invite-accepted',
    ['invite-accepted'],
    'recipientProvider is not a bare FQDN',
  ),
  'invite.email': r(
    'warning',
    'invite-accepted',
    ['invite-accepted', 'invite-response'],
    'email does not look like an e-mail address',
  ),
  'invite-response.name': r(
    'warning',
    'invite-response',
    ['invite-response'],
    'name is empty: the receiver has nothing to show in its address book',
  ),
  'invite-response.request-echoed': r(
    'warning',
    'invite-response',
    ['invite-response'],
    'The answer repeats the request (token, recipientProvider) instead of describing the Invite Sender',
  ),
  'token.grant-type': r('error', 'token-exchange', ['token-request'], 'grant_type is not authorization_code'),
  'share-response.display-name': r('warning', 'share', ['share-response'], 'recipientDisplayName is empty'),
  'share-response.public-keys': r(
    'error',
    'ssh',
    ['share-response'],
    'recipientPublicKeys is empty or holds something other than OpenSSH public keys',
  ),
  'jwks.key': r('error', 'signatures', ['jwks'], 'The JWK Set has no keys'),
  'jwks.kid': r('error', 'signatures', ['jwks'], 'A key has no kid, or shares it with another key'),
  'jwks.alg': r('error', 'signatures', ['jwks'], 'A key has no alg, or one OCM does not accept'),
  'jwks.alg-polymorphic': r(
    'warning',
    'signatures',
    ['jwks'],
    'alg is the polymorphic EdDSA, not a fully-specified algorithm (RFC 9864)',
  ),
  'jwks.kty': r('error', 'signatures', ['jwks'], 'A key is symmetric or of an unknown type'),
  'jwks.use': r('warning', 'signatures', ['jwks'], 'A key is published for something other than signatures'),
  'jwks.private': r('error', 'signatures', ['jwks'], 'A published key carries its private parts'),
  'token.grant-type-legacy': r(
    'warning',
    'token-exchange',
    ['token-request'],
    'grant_type is the 1.2-era "ocm_authorization_code"',
  ),
  'token.json-body': r('error', 'token-exchange', ['token-request'], 'The token request is JSON, not a form'),
  'token.client-id': r('error', 'token-exchange', ['token-request'], 'client_id is not the receiver FQDN'),
  'token.token-type': r('warning', 'token-exchange', ['token-response'], 'token_type is not Bearer'),
  'token.expires-in': r('info', 'token-exchange', ['token-response'], 'expires_in is missing'),
  'token.refresh-token': r('info', 'token-exchange', ['token-response'], 'OCM has no refresh tokens'),
  'request-share.legacy-fields': r(
    'error',
    'request-share',
    ['request-share'],
    'An earlier field set of the request-share proposal',
  ),
  'request-share.replaced': r(
    'warning',
    'request-share',
    ['request-share'],
    '/request-share was replaced by the REQUEST_SHARE notification in 1.5',
  ),
  'request-share.address': r('error', 'address', ['request-share'], 'owner or shareWith is not an OCM address'),
  'directory.unsigned': r('warning', 'directory', Dr, 'The directory is plain JSON, not a signed JWS'),
  'directory.jws-decoded': r(
    'warning',
    'directory',
    Dr,
    "The draft example's decoded view of a JWS, which cannot be verified",
  ),
  'directory.jws-malformed': r('error', 'directory', Dr, 'The JWS envelope is malformed or carries no signature'),
  'directory.jws-alg': r('error', 'directory', Dr, 'The JWS names no algorithm, "none", or a shared-secret MAC'),
  'directory.signature-unverified': r(
    'info',
    'directory',
    Dr,
    'The JWS signature is not checked by the linter (the key comes out of band)',
  ),
  'directory.servers-empty': r('warning', 'directory', Dr, 'The directory lists no servers'),
  'directory.server-url': r(
    'error',
    'directory',
    Dr,
    'A server url is not scheme://host[:port] (a path, userinfo, query or fragment)',
  ),
  'directory.server-url-http': r('warning', 'directory', Dr, 'A server url uses plain http (testing only)'),
  'directory.server-duplicate': r('warning', 'directory', Dr, 'A server is listed twice'),
  'answer.error-answer': r(
    'info',
    'errors',
    ['token-response', 'share-response', 'invite-response'],
    'The answer is an error answer (OAuth or OCM), graded as one',
  ),
  'error.no-message': r('error', 'errors', ['error'], 'An error body without message (or OAuth error)'),
  'error.message-form': r('info', 'errors', ['error'], 'message should be a machine-readable code'),
  'error.oauth-code': r(
    'warning',
    'token-exchange',
    ['error'],
    'An error code outside the token endpoint list of draft-07',
  ),
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export function ruleInfo(code: RuleCode): RuleInfo {
  return RULES[code];
}

/** The catalogue as a list, for the UI. */
export function listRules(): Array<RuleInfo & { code: RuleCode }> {
  return (Object.keys(RULES) as RuleCode[]).map((code) => ({ code, ...RULES[code] }));
}
