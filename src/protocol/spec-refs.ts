/**
 * Spec sections findings point to. Links go to the IETF draft (latest revision; anchors are the
 * rendered "#name-<title>" of headings checked in the draft source), or to the cs3org/OCM-API
 * repository for what only it holds (OpenAPI file, change log, research on implementations) and for
 * sections whose rendered anchor is not certain (the draft source as a whole).
 */
export interface SpecRef {
  section: SectionId;
  url: string;
}

const DRAFT = 'https://datatracker.ietf.org/doc/html/draft-ietf-ocm-open-cloud-mesh';
const REPO = 'https://github.com/cs3org/OCM-API';

export const SECTIONS = {
  address: { title: 'OCM Address', url: `${DRAFT}#name-terms` },
  discovery: { title: 'Discovery', url: `${DRAFT}#name-ocm-api-discovery` },
  'discovery-fields': { title: 'Discovery: properties', url: `${DRAFT}#name-ocm-api-discovery` },
  'resource-types': { title: 'Discovery: resourceTypes and protocols', url: `${DRAFT}#name-ocm-api-discovery` },
  capabilities: { title: 'Discovery: capabilities', url: `${DRAFT}#name-ocm-api-discovery` },
  criteria: { title: 'Discovery: criteria', url: `${DRAFT}#name-ocm-api-discovery` },
  'legacy-discovery': {
    title: 'Legacy discovery at /ocm-provider (1.0–1.3)',
    url: `${REPO}/blob/develop/CHANGELOG.md`,
  },
  share: { title: 'Share Creation Notification', url: `${DRAFT}#name-share-creation-notification` },
  'share-protocol': { title: 'Share: the protocol object', url: `${DRAFT}#name-share-creation-notification` },
  webdav: { title: 'Share: protocol webdav', url: `${DRAFT}#name-share-creation-notification` },
  webapp: { title: 'Share: protocol webapp', url: `${DRAFT}#name-share-creation-notification` },
  ssh: { title: 'Share: protocol ssh', url: `${DRAFT}#name-share-creation-notification` },
  encryption: { title: 'Share: encryption', url: `${DRAFT}#name-share-creation-notification` },
  'access-model': {
    title: 'Permissions, requirements and access types',
    url: `${DRAFT}#name-share-creation-notification`,
  },
  signatures: { title: 'HTTP Message Signatures (RFC 9421)', url: `${DRAFT}#name-http-message-signatures` },
  cavage: { title: 'Legacy draft-cavage signatures and publicKey', url: `${REPO}/blob/develop/spec.yaml` },
  'token-exchange': { title: 'Code flow (token exchange)', url: `${REPO}/blob/develop/IETF-OCM.md` },
  notifications: { title: 'Notifications', url: `${DRAFT}#name-share-acceptance-notification` },
  'notification-types': { title: 'IANA OCM Notification Types', url: `${REPO}/blob/develop/IETF-OCM.md` },
  'notifications-legacy': {
    title: 'Notifications before 1.5 (spec.yaml NewNotification)',
    url: `${REPO}/blob/develop/spec.yaml`,
  },
  'request-share': { title: 'Request for a Share (-05/-06)', url: `${REPO}/pull/194` },
  invites: { title: 'Invites', url: `${DRAFT}#name-establishing-contact` },
  'invite-string': { title: 'Invite string (base64url token@fqdn)', url: `${REPO}/pull/383` },
  'invite-accepted': {
    title: 'Invite acceptance (POST /invite-accepted)',
    url: `${DRAFT}#name-invite-acceptance-request-details`,
  },
  'invite-response': {
    title: 'Invite Acceptance Response Details',
    url: `${DRAFT}#name-invite-acceptance-response-details`,
  },
  directory: { title: 'Appendix C: Directory Service', url: `${DRAFT}#name-appendix-c-directory-service` },
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
