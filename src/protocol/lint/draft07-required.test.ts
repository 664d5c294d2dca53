import { describe, expect, it } from 'vitest';
import { fixture, variant } from '../__fixtures__/load.ts';
import type { Kind } from '../kinds.ts';
import type { RuleCode } from './catalogue.ts';
import { lint } from './engine.ts';

// Every field draft-07 marks REQUIRED (or "MUST include"), section by section, as docs/conformance.md lists
// them: without it the document is not valid, and the finding names the field and the rule.
interface Required {
  kind: Kind;
  file: string;
  /** JSON pointer of the field to remove. */
  field: string;
  code: RuleCode;
  /** Where the finding points, when not at the field itself. */
  path?: string;
}

const at = (kind: Kind, file: string, code: RuleCode, fields: string[]): Required[] =>
  fields.map((field) => ({ kind, file, field, code }));

const SHARE = 'share-1.5-canonical.json';
const CASES: Required[] = [
  // Share Creation Notification: Fields
  ...at('share', SHARE, 'schema.required', [
    '/shareWith',
    '/name',
    '/providerId',
    '/owner',
    '/sender',
    '/shareType',
    '/resourceType',
    '/protocol',
    '/encryption/resourceId',
    '/encryption/scheme',
    '/protocol/webdav/uri',
    '/protocol/ssh/uri',
  ]),
  ...at('share', SHARE, 'share.shared-secret-missing', [
    '/protocol/webdav/sharedSecret',
    '/protocol/webapp/sharedSecret',
  ]),
  { kind: 'share', file: SHARE, field: '/encryption/ocm-pgp', code: 'share.encryption-scheme', path: '/encryption' },
  { kind: 'share', file: SHARE, field: '/encryption/ocm-pgp/fingerprints', code: 'share.encryption-scheme-fields' },
  { kind: 'share', file: SHARE, field: '/protocol/webapp/uri', code: 'share.webapp-uri' },
  { kind: 'share', file: SHARE, field: '/protocol/webapp/targets', code: 'share.webapp-targets' },
  { kind: 'share', file: SHARE, field: '/protocol/webapp/permissions', code: 'share.webapp-permissions' },
  { kind: 'share', file: SHARE, field: '/protocol/webapp/requirements', code: 'share.webapp-requirements' },
  // Share Creation Notification: Response (201)
  ...at('share-response', 'share-response-1.5-ssh.json', 'schema.required', ['/recipientDisplayName']),
  // Notifications: Fields, and each type's notification object
  ...at('notification', 'notification-1.5-share-accepted.json', 'schema.required', ['/notificationType']),
  ...at('notification', 'notification-1.5-share-accepted.json', 'notification.sender-domain', ['/senderDomain']),
  ...at('notification', 'notification-1.5-share-accepted.json', 'notification.payload', [
    '/notification/file/providerId',
  ]),
  ...at('notification', 'notification-1.5-change-permission.json', 'notification.payload', [
    '/notification/file/providerId',
  ]),
  ...at('notification', 'notification-1.5-request-share.json', 'notification.payload', [
    '/notification/file/owner',
    '/notification/file/shareWith',
    '/notification/file/shareId',
    '/notification/file/permissions',
  ]),
  ...at('notification', 'notification-1.5-user-removed.json', 'notification.payload', ['/notification/user/userId']),
  // Invite Acceptance Request Details / Response Details
  ...at('invite-accepted', 'invite-accepted.json', 'schema.required', [
    '/recipientProvider',
    '/token',
    '/userID',
    '/email',
    '/name',
  ]),
  ...at('invite-response', 'invite-response.json', 'schema.required', ['/userID', '/email', '/name']),
  // Code Flow: Token Request (RFC 6749 §4.1.3 fields) and Token Response (RFC 6749 §5.1)
  ...at('token-request', 'token-request.json', 'schema.required', ['/grant_type', '/client_id', '/code']),
  ...at('token-response', 'token-response.json', 'schema.required', ['/access_token', '/token_type']),
  // OCM API Discovery: Fields
  ...at('discovery', 'discovery-1.5.json', 'schema.required', [
    '/enabled',
    '/apiVersion',
    '/endPoint',
    '/resourceTypes',
    '/resourceTypes/0/name',
    '/resourceTypes/0/shareTypes',
    '/resourceTypes/0/protocols',
  ]),
];

/** Removes the member a JSON pointer names (fixtures use plain keys and array indexes). */
function without(file: string, pointer: string) {
  return variant(file, (doc) => {
    const parts = pointer.slice(1).split('/');
    const last = parts.pop()!;
    let node = doc;
    for (const part of parts) node = node[part];
    delete node[last];
  });
}

describe('draft-07 REQUIRED fields: missing is an error that names the field', () => {
  it.each(CASES.map((c) => [c.kind, c.field, c] as const))('%s without %s', (_kind, _field, c) => {
    const result = lint(c.kind, without(c.file, c.field));
    expect(result.valid).toBe(false);
    const hit = result.findings.find((f) => f.code === c.code && f.path === (c.path ?? c.field));
    expect(hit, result.findings.map((f) => `${f.code} ${f.path}`).join('; ')).toBeDefined();
    expect(hit!.severity).toBe('error');
  });

  it('and the complete documents they come from are valid', () => {
    for (const { kind, file } of CASES) expect(lint(kind, fixture(file)).valid, `${kind} ${file}`).toBe(true);
  });
});
