import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { DiscoverResult, RelayResult } from '../contract/exchange.ts';
import { inviteListSchema, sentInviteViewSchema } from '../contract/invites.ts';
import { buildInviteAccepted, signingChoiceFor, type BuiltPayload, type ConsoleIdentity } from '../protocol/index.ts';
import { requestJson } from './http.ts';
import { queryKeys } from './query-keys.ts';
import { discover, sendViaRelay } from './relay.ts';

/** The invites the console created, with their state. */
export function invitesQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.invites.list(),
    queryFn: ({ signal }) => requestJson('/api/invites', inviteListSchema, { signal }),
  });
}

export function createInviteMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: (input: { user: string; expiresInSeconds?: number }) =>
      requestJson('/api/invites', sentInviteViewSchema, { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.invites.list() }),
  });
}

/** The invite sender's discovery, read before accepting (does it advertise `invites`? where is its endPoint?). */
export function inviteProviderQueryOptions(providerDomain: string | undefined) {
  return queryOptions<DiscoverResult>({
    queryKey: queryKeys.invites.provider(providerDomain ?? ''),
    queryFn: ({ signal }) => discover(providerDomain!, {}, signal),
    enabled: !!providerDomain,
    staleTime: 60_000,
  });
}

export interface AcceptInviteInput {
  discovery: unknown;
  identity: ConsoleIdentity;
  token: string;
  email: string;
  name: string;
  /** Also send `userId` (the Nextcloud spelling), whatever the dialect. */
  userIdToo: boolean;
}

/**
 * Accepts an invite: POST /invite-accepted to the sender's endPoint, signed the way its discovery says, through
 * the relay (so it is in History). What was built goes with the result, to show the choices made.
 */
export function acceptInviteMutation() {
  return mutationOptions({
    mutationFn: async (input: AcceptInviteInput): Promise<{ built: BuiltPayload; result: RelayResult }> => {
      const built = buildInviteAccepted(input.discovery, input.identity, {
        token: input.token,
        email: input.email,
        name: input.name,
      });
      if (input.userIdToo && built.payload.userId === undefined) {
        built.payload.userId = built.payload.userID;
        built.notes.push('Also sent "userId", the spelling some Nextcloud versions read (a dialect, not the spec).');
      }
      if (!built.url) throw new Error('The provider publishes no endPoint: there is nowhere to send the acceptance.');
      // Signed as the provider verifies, in the OCM-stub's draft-cavage variant when its discovery calls for it.
      const choice = signingChoiceFor(input.discovery);
      built.notes.push(choice.reason);
      const result = await sendViaRelay(
        {
          method: 'POST',
          url: built.url,
          headers: [['content-type', 'application/json']],
          body: { encoding: 'utf8', data: JSON.stringify(built.payload) },
          sign: choice.profile ?? 'none',
          ...(choice.variant ? { cavageVariant: choice.variant } : {}),
        },
        undefined,
        { page: 'invites', kind: 'invite-accepted' },
      );
      return { built, result };
    },
  });
}
