import { mutationOptions, queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import type { RelayResult } from '../contract/exchange.ts';
import type { InboundRecord } from '../contract/inbound.ts';
import {
  buildNotification,
  replyToShare,
  signatureProfileFor,
  type BuiltPayload,
  type ConsoleIdentity,
  type ShareReplyType,
} from '../protocol/index.ts';
import { queryKeys } from './query-keys.ts';
import { discover, sendViaRelay } from './relay.ts';

export interface ShareReplyOutcome {
  type: ShareReplyType;
  built: BuiltPayload;
  result: RelayResult;
  at: string;
}

/** What the console answered to each received share in this browser session, by inbox record id. */
export function shareRepliesQueryOptions() {
  return queryOptions<Record<string, ShareReplyOutcome>>({
    queryKey: queryKeys.inbox.replies(),
    queryFn: skipToken,
    staleTime: Infinity,
    initialData: {},
  });
}

/**
 * Accepts or declines a received share: SHARE_ACCEPTED / SHARE_DECLINED to the sender's endPoint, shaped for
 * its version and dialect, signed the way its discovery says, sent through the relay (so it is in History).
 */
export function replyToShareMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: async (input: {
      record: InboundRecord;
      type: ShareReplyType;
      identity: ConsoleIdentity;
    }): Promise<ShareReplyOutcome> => {
      let share: unknown;
      try {
        share = input.record.body.encoding === 'utf8' ? JSON.parse(input.record.body.data) : undefined;
      } catch {
        share = undefined;
      }
      const reply = replyToShare(share, input.type);
      if (!reply.ok) throw new Error(reply.problem);
      const found = await discover(reply.senderAuthority);
      if (!found.document)
        throw new Error(`No discovery at ${reply.senderAuthority}: ${found.problem ?? 'nothing usable'}.`);
      const built = buildNotification(found.document, input.identity, reply.choices);
      if (!built.url) throw new Error(`${reply.senderAuthority} publishes no endPoint to notify.`);
      const result = await sendViaRelay(
        {
          method: 'POST',
          url: built.url,
          headers: [['content-type', 'application/json']],
          body: { encoding: 'utf8', data: JSON.stringify(built.payload) },
          sign: signatureProfileFor(found.document) ?? 'none',
        },
        undefined,
        { page: 'inbox', kind: 'notification' },
      );
      return { type: input.type, built, result, at: new Date().toISOString() };
    },
    onSuccess: (outcome, { record }) =>
      client.setQueryData<Record<string, ShareReplyOutcome>>(queryKeys.inbox.replies(), (old) => ({
        ...old,
        [record.id]: outcome,
      })),
  });
}
