// The protocol core: OCM schemas, version and dialect detection, the linter, the graded check, the rules
// every caller shares (discovery targets, keys, endpoints, the signer's domain), helpers and builders.
// Pure TypeScript + zod: loaded lazily by the feature pages that need it.
export { KINDS, KIND_LABELS, isKind, type Kind } from './kinds.ts';
export {
  SPEC_VERSIONS,
  LATEST_VERSION,
  VERSION_LABELS,
  DIALECTS,
  parseSpecVersion,
  compareVersions,
  type SpecVersion,
  type Dialect,
} from './versions.ts';
export { toWireFinding, type Finding, type Severity } from './finding.ts';
export { SECTIONS, specRef, sectionTitle, type SpecRef, type SectionId } from './spec-refs.ts';
export { RULES, listRules, ruleInfo, type RuleCode, type RuleInfo } from './lint/catalogue.ts';
export { lint, lintSteps, MAX_DEPTH, type LintOptions, type LintResult } from './lint/engine.ts';
export { lintText, type TextLintResult } from './lint-text.ts';
export { detect } from './detect/index.ts';
export type { Detection, Evidence } from './detect/types.ts';
export { guessKind, type KindGuess } from './detect/guess-kind.ts';
export { jsonSchemaFor } from './json-schema.ts';
export {
  parseJsonDocument,
  MAX_DOCUMENT_CHARS,
  type JsonDocumentResult,
  type JsonDocumentError,
} from './json/parse-document.ts';
export { toPointer } from './json/pointer.ts';
export { SCHEMAS, schemaFor } from './schemas/index.ts';
export { discoverySchema, type DiscoveryDocument } from './schemas/discovery.ts';
export { shareSchema, type ShareDocument } from './schemas/share.ts';
export { notificationSchema, type NotificationDocument } from './schemas/notification.ts';
export { inviteAcceptedSchema, type InviteAcceptedDocument } from './schemas/invite.ts';
export { inviteResponseSchema, type InviteResponseDocument } from './schemas/invite-response.ts';
export { directorySchema, type DirectoryDocument } from './schemas/directory.ts';
export {
  readDirectory,
  readDirectoryText,
  directoryServers,
  findingsAfterKeyCheck,
  isCompactJws,
  nothingToVerify,
  type DirectoryForm,
  type DirectoryReading,
  type DirectoryServer,
} from './directory.ts';
export {
  tokenRequestSchema,
  tokenResponseSchema,
  type TokenRequestDocument,
  type TokenResponseDocument,
} from './schemas/token.ts';
export { requestShareSchema, type RequestShareDocument } from './schemas/request-share.ts';
export { errorBodySchema } from './schemas/error-body.ts';
export {
  parseOcmAddress,
  localUserOf,
  formatOcmAddress,
  addressAuthority,
  discoveryUrlFor,
  type OcmAddress,
  type AddressResult,
} from './address.ts';
export { replyToShare, sharedSecretOf, type ShareReply, type ShareReplyType } from './received-share.ts';
export { encodeInviteString, decodeInviteString, type InviteDecodeResult } from './invite-string.ts';
export { wayfLink, acceptDialogLink, parseInviteLink } from './links.ts';
export {
  answerInviteAccepted,
  explainInviteAnswer,
  inviteExpiry,
  inviteState,
  readInvite,
  INVITE_DEFAULT_SECONDS,
  type InviteReading,
  type InviteSenderIdentity,
  type InviteState,
  type SentInvite,
} from './invites.ts';
export { checkPublicKeyPem, type PemResult } from './lint/pem.ts';
export {
  afterTransportFailure,
  discoveryTarget,
  discoveryUrls,
  findDiscovery,
  DISCOVERY_PATHS,
  type AfterFailure,
  type DiscoveryTarget,
  type DiscoveryPath,
  type FetchJson,
  type FoundDiscovery,
  type Scheme,
} from './discovery-target.ts';
export { sayOnce } from './say-once.ts';
export { legacyPublicKey, jwkSetKeys, jwkProblems, type LegacyPublicKey } from './key-rules.ts';
export {
  MESSAGE_PATHS,
  messageUrl,
  isMessageKind,
  tokenRequestForm,
  tokenRequestBody,
  TOKEN_REQUEST_STYLES,
  type TokenRequestStyle,
  exchangeKindOfUrl,
  bodyKindsOf,
  type MessageKind,
  type ExchangeKind,
} from './endpoints.ts';
export { signerDomainOf, keyidHost } from './signer-domain.ts';
export {
  cavageKeyIdFor,
  signatureProfileFor,
  signingChoiceFor,
  type CavageVariant,
  type SigningChoice,
} from './signature-profile.ts';
export * from './build/index.ts';
export { CHECK_LINES, type CheckLineId } from './check/catalogue.ts';
export { checkPlan, checkProbeBodies, type CheckPlan } from './check/plan.ts';
export {
  gradeCheck,
  gradeDiscovery,
  gradeTransport,
  gradeKeys,
  gradeSignatures,
  gradeValidation,
  gradeToken,
  checkLine,
  type ProbeEvidence,
} from './check/grade.ts';
export { shareOffer, tokenEndpointOf, resourceUrlOf, type ShareOffer } from './interop/share-offer.ts';
export { peerHost, latestFromPeer, inboundAsExchange } from './interop/received.ts';
export {
  gradeDiscoveryStep,
  gradeCheckStep,
  gradeShareSent,
  gradeShareReceived,
  gradeTokenExchange,
  gradeInviteByConsole,
  gradeInviteByPeer,
  evidenceOf,
  type ShareSentEvidence,
  type TokenEvidence,
  type InviteByConsoleEvidence,
} from './interop/steps.ts';
export { interopMarkdown, interopJson, type ExportOptions } from './interop/export.ts';
export {
  readShareRequest,
  shareForRequest,
  declineShareRequest,
  type ShareRequest,
  type ShareRequestReading,
  type ShareRequestAnswer,
  type ShareRequestDecline,
} from './share-request.ts';
export {
  readNotice,
  applyNotice,
  noticeAnswer,
  SHARE_NOTICES,
  SHARE_CREATED,
  type ShareStatus,
  type ShareNotice,
  type ShareEvent,
  type ShareTrack,
  type NoticeReading,
  type NoticeOutcome,
  type NoticeDirection,
} from './share-state.ts';
