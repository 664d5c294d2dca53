export { targetFacts, type BuiltPayload, type ConsoleIdentity, type TargetFacts } from './target.ts';
export { buildShare, webappReceiveOf, type ShareChoices, type WebappReceive } from './share.ts';
export { buildNotification, type NotificationChoices, type NotificationIntent } from './notification.ts';
export {
  buildInviteAccepted,
  buildRequestShare,
  buildTokenRequest,
  formEncode,
  type InviteAcceptedChoices,
  type RequestShareChoices,
} from './exchanges.ts';
export { addressedElsewhere, readdressDraft, type AddressChange } from './readdress.ts';
