import type { SpecVersion } from './versions.ts';

// The strings OCM defined over time, with when they were renamed, so rules can tell "unknown" from
// "old name" and say what replaced it.

export const CAPABILITIES = [
  'enforce-mfa',
  'exchange-token',
  'http-sig',
  'invites',
  'invite-wayf',
  'notifications',
  'protocol-object',
] as const;

export interface Renamed {
  /** The current name (or what replaced it). */
  now: string;
  /** First version where the old name is out of date. */
  since: SpecVersion;
}

export const RENAMED_CAPABILITIES: Record<string, Renamed> = {
  'webdav-uri': { now: 'the protocols["webdav-receive"].uri property', since: '1.4' },
  'receive-code': { now: 'exchange-token', since: '1.3' },
  'rfc-http-sig': { now: 'http-sig', since: '1.3' },
};

/** 1.1 advertised endpoints as capabilities; oCIS/Reva still publish some of them. */
export const PATH_CAPABILITIES: Record<string, string> = {
  '/notifications': 'notifications',
  '/invite-accepted': 'invites',
  '/mfa-capable': 'enforce-mfa',
  '/mfa-enabled': 'enforce-mfa',
  '/shares': '(nothing: every OCM server receives shares)',
  '/token': 'exchange-token',
};

export const CRITERIA = ['must-use-http-sig', 'must-exchange-token', 'denylist', 'allowlist', 'must-invite'] as const;

export const RENAMED_CRITERIA: Record<string, Renamed> = {
  'http-request-signatures': { now: 'must-use-http-sig', since: '1.4' },
  code: { now: 'must-exchange-token', since: '1.3' },
  'token-exchange': { now: 'must-exchange-token', since: '1.4' },
  invite: { now: 'must-invite', since: '1.4' },
};

export const SHARE_TYPES = ['user', 'group', 'federation'] as const;
export const WEBAPP_TARGETS = ['blank', 'iframe'] as const;
export const WEBDAV_PERMISSIONS = ['read', 'write', 'share'] as const;
export const WEBAPP_PERMISSIONS = ['view', 'read', 'write', 'share'] as const;
export const REQUIREMENTS = ['must-exchange-token', 'must-use-mfa'] as const;
export const RENAMED_REQUIREMENTS: Record<string, string> = {
  'use-code': 'must-exchange-token',
  'mfa-enforced': 'must-use-mfa',
};
export const ACCESS_TYPES = ['remote', 'datatx'] as const;
export const BUILTIN_PROTOCOLS = ['webdav', 'webapp', 'ssh'] as const;

/** Notification types of the spec.yaml/draft registry before 1.5. */
export const NOTIFICATION_TYPES_LEGACY = [
  'SHARE_ACCEPTED',
  'SHARE_DECLINED',
  'SHARE_UNSHARED',
  'REQUEST_RESHARE',
  'RESHARE_UNDO',
  'RESHARE_CHANGE_PERMISSION',
  'USER_REMOVED',
] as const;
/** The IANA registry of draft -07 (1.5). */
export const NOTIFICATION_TYPES_15 = [
  'SHARE_ACCEPTED',
  'SHARE_DECLINED',
  'SHARE_UNSHARED',
  'SHARE_CHANGE_PERMISSION',
  'REQUEST_RESHARE',
  'REQUEST_SHARE',
  'USER_REMOVED',
  'GROUP_REMOVED',
] as const;
/** Types of vendor resource types and companion drafts. */
export const VENDOR_NOTIFICATION_TYPES: Record<string, string> = {
  PARTICIPANT_MODIFIED: 'Nextcloud Talk',
  ROOM_MODIFIED: 'Nextcloud Talk',
  MESSAGE_POSTED: 'Nextcloud Talk',
  SYNC_CALENDAR: 'Nextcloud Calendar',
  MLS_PROPOSAL: 'OCM-MLS',
  MLS_COMMIT: 'OCM-MLS',
  MLS_APPLICATION: 'OCM-MLS',
};

export const OAUTH_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;

/** The token endpoint's error codes draft-07 lists ("Code flow"): RFC 6749's, without invalid_scope. */
export const OCM_TOKEN_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
] as const;

export const includes = (list: readonly string[], value: string): boolean => list.includes(value);
