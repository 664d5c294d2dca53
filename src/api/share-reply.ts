import { mutationOptions, queryOptions, skipToken, type QueryClient } from '@tanstack/react-query';
import type { RelayResult } from '../contract/exchange.ts';
import type { InboundRecord } from '../contract/inbound.ts';
import {
  buildNotification,
  declineShareRequest,
  readShareRequest,
  replyToShare,
  signatureProfileFor,
  type BuiltPayload,
  type ConsoleIdentity,
  type ShareReplyType,
} from '../protocol/index.ts';
import { queryKeys } from './query-keys.ts';
import { discover, sendViaRelay } from './relay.ts';
import { recordAnswer } from './share-states.ts';

export interface ShareReplyOutcome {
  type: ShareReplyType;
  built: BuiltPayload;
  result: RelayResult;
  at: string;
}

const delivered = (result: RelayResult) =>
  'exchange' in result && result.exchange.response.status >= 200 && result.exchange.response.status < 300;

/**
 * The exchanges of the console's answers sent from this page, by inbox record id. The state they produced is
 * kept by the server (shareStatesQueryOptions), so it outlives a reload.
 */
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
      // Delivered: the share's state moves on the server, where it outlives this page.
      if (delivered(result)) await recordAnswer(client, input.record.id, input.type);
      return { type: input.type, built, result, at: new Date().toISOString() };
    },
    onSuccess: (outcome, { record }) =>
      client.setQueryData<Record<string, ShareReplyOutcome>>(queryKeys.inbox.replies(), (old) => ({
        ...old,
        [record.id]: outcome,
      })),
  });
}

/** The body of a received record as JSON, if it is. */
function bodyOf(record: InboundRecord): unknown {
  try {
    return record.body.encoding === 'utf8' ? JSON.parse(record.body.data) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Declines a received request for a share: SHARE_DECLINED to the requester's server (draft-07 "Resharing and
 * Request to Share"), signed the way its discovery says, sent through the relay (so it is in History).
 */
export function declineRequestMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: async (input: { record: InboundRecord; identity: ConsoleIdentity }): Promise<ShareReplyOutcome> => {
      const read = readShareRequest(input.record.endpoint, bodyOf(input.record));
      if (!read.ok) throw new Error(read.problem);
      const decline = declineShareRequest(read.request);
      if (!decline.ok) throw new Error(decline.problem);
      const found = await discover(decline.requesterAuthority);
      if (!found.document)
        throw new Error(`No discovery at ${decline.requesterAuthority}: ${found.problem ?? 'nothing usable'}.`);
      const built = decline.build(found.document, input.identity);
      if (!built.url) throw new Error(`${decline.requesterAuthority} publishes no endPoint to notify.`);
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
      if (delivered(result)) await recordAnswer(client, input.record.id, 'SHARE_DECLINED');
      return { type: 'SHARE_DECLINED', built, result, at: new Date().toISOString() };
    },
    onSuccess: (outcome, { record }) =>
      client.setQueryData<Record<string, ShareReplyOutcome>>(queryKeys.inbox.replies(), (old) => ({
        ...old,
        [record.id]: outcome,
      })),
  });
}
