/**
 * Spec sections findings point to. Links go to the IETF draft (latest revision, anchored by section
 * title) or, for what only the cs3org/OCM-API repository holds (OpenAPI file, change log, research on
 * implementations), to GitHub.
 */
export interface SpecRef {
  section: SectionId;
  url: string;
}

const DRAFT = 'https://datatracker.ietf.org/doc/html/draft-ietf-ocm-open-cloud-mesh';
const REPO = 'https://github.com/cs3org/OCM-API';

export const SECTIONS = {
  address: { title: 'OCM Address', url: `${DRAFT}#name-ocm-address` },
  discovery: { title: 'Discovery', url: `${DRAFT}#name-discovery` },
  'discovery-fields': { title: 'Discovery: properties', url: `${DRAFT}#name-properties-of-the-ocm-api-discovery` },
  'resource-types': { title: 'Discovery: resourceTypes and protocols', url: `${DRAFT}#name-properties-of-the-ocm-api-discovery` },
  capabilities: { title: 'Discovery: capabilities', url: `${DRAFT}#name-capabilities` },
  criteria: { title: 'Discovery: criteria', url: `${DRAFT}#name-criteria` },
  'legacy-discovery': { title: 'Legacy discovery at /ocm-provider (1.0–1.3)', url: `${REPO}/blob/develop/CHANGELOG.md` },
  share: { title: 'Share Creation Notification', url: `${DRAFT}#name-share-creation-notification` },
  'share-protocol': { title: 'Share: the protocol object', url: `${DRAFT}#name-share-creation-notification` },
  webdav: { title: 'Share: protocol webdav', url: `${DRAFT}#name-webdav` },
  webapp: { title: 'Share: protocol webapp', url: `${DRAFT}#name-web-application` },
  ssh: { title: 'Share: protocol ssh', url: `${DRAFT}#name-ssh` },
  encryption: { title: 'Share: encryption', url: `${DRAFT}#name-share-creation-notification` },
  'access-model': { title: 'Permissions, requirements and access types', url: `${DRAFT}#name-resource-access` },
  signatures: { title: 'HTTP Message Signatures (RFC 9421)', url: `${DRAFT}#name-http-message-signatures` },
  cavage: { title: 'Legacy draft-cavage signatures and publicKey', url: `${REPO}/blob/develop/spec.yaml` },
  'token-exchange': { title: 'Code flow (token exchange)', url: `${DRAFT}#name-code-flow` },
  notifications: { title: 'Notifications', url: `${DRAFT}#name-share-acceptance-notification` },
  'notification-types': { title: 'IANA OCM Notification Types', url: `${DRAFT}#name-ocm-notification-types` },
  'notifications-legacy': { title: 'Notifications before 1.5 (spec.yaml NewNotification)', url: `${REPO}/blob/develop/spec.yaml` },
  'request-share': { title: 'Request for a Share (-05/-06)', url: `${REPO}/pull/194` },
  invites: { title: 'Invites', url: `${DRAFT}#name-invites` },
  'invite-string': { title: 'Invite string (base64url token@fqdn)', url: `${REPO}/pull/383` },
  'invite-accepted': { title: 'Invite acceptance (POST /invite-accepted)', url: `${DRAFT}#name-invite-acceptance-request` },
  errors: { title: 'Error responses', url: `${REPO}/blob/develop/spec.yaml` },
  interop: { title: 'Implementations in the wild', url: `${REPO}/tree/develop/work/notifications/research` },
  json: { title: 'JSON (RFC 8259)', url: 'https://www.rfc-editor.org/rfc/rfc8259' },
} as const satisfies Record<string, { title: string; url: string }>;

export type SectionId = keyof typeof SECTIONS;

export function specRef(section: SectionId): SpecRef {
  return { section, url: SECTIONS[section].url };
}

export function sectionTitle(section: SectionId): string {
  return SECTIONS[section].title;
}
