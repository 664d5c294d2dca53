import { answerInviteAccepted, type InviteSenderIdentity, type SentInvite } from '../../src/protocol/index.ts';
import type { InviteStore } from './invite-store.ts';

/** The console user an invite is for, as the Invite Sender's answer describes them. */
export function senderIdentity(invite: SentInvite, emailDomain: string): InviteSenderIdentity {
  return {
    userID: invite.user,
    email: `${invite.user}@${emailDomain}`,
    name: `${invite.user.charAt(0).toUpperCase()}${invite.user.slice(1)} (OCM Explorer)`,
  };
}

/** The inbox's answer to POST /ocm/invite-accepted for the invites the console created. */
export function acceptInviteWith(invites: InviteStore, emailDomain: string) {
  return (doc: unknown): { status: number; body: unknown } => {
    const answer = answerInviteAccepted(
      doc,
      (token) => invites.get(token),
      (invite) => senderIdentity(invite, emailDomain),
      new Date(),
    );
    if (answer.accepted) invites.markAccepted((doc as { token: string }).token, answer.accepted);
    return { status: answer.status, body: answer.body };
  };
}
