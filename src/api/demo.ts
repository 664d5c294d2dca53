import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  demoFaultsSchema,
  demoInviteSchema,
  demoListSchema,
  demoReceivedSchema,
  demoSendOutcomeSchema,
  type DemoFaults,
} from '../contract/demo.ts';
import type * as z from 'zod/mini';
import { requestJson } from './http.ts';
import { queryKeys } from './query-keys.ts';

export function demoPeersQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.demo(),
    queryFn: ({ signal }) => requestJson('/api/demo', demoListSchema, { signal }),
  });
}

/** What a demo peer received and how it answered (the other side of every exchange). */
export function demoReceivedQueryOptions(peer: string) {
  return queryOptions({
    queryKey: queryKeys.demoReceived(peer),
    queryFn: ({ signal }) =>
      requestJson(`/api/demo/${encodeURIComponent(peer)}/received`, demoReceivedSchema, { signal }),
    refetchInterval: 2000,
  });
}

export interface DemoSendInput {
  peer: string;
  kind: 'share' | 'notification' | 'invite-accepted' | 'request-share';
  to: string;
  protocol?: 'webdav' | 'webapp';
  notificationType?: string;
  token?: string;
}

/** Asks a demo peer to send a signed OCM message. A refusal by the receiver is an outcome, not an error. */
export function demoSendMutation() {
  return mutationOptions({
    mutationFn: async ({ peer, ...command }: DemoSendInput) => {
      try {
        return await requestJson(`/api/demo/${encodeURIComponent(peer)}/send`, demoSendOutcomeSchema, {
          method: 'POST',
          body: command,
        });
      } catch (err) {
        // 502 carries an outcome too (nothing was sent: discovery or signing failed).
        const message = (err as Error).message;
        return { ok: false, error: message.replace(/^\/api\/demo\/[^:]+: /, '') };
      }
    },
  });
}

export function demoFaultsMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: ({ peer, faults }: { peer: string; faults: Partial<DemoFaults> }) =>
      requestJson(`/api/demo/${encodeURIComponent(peer)}/faults`, demoFaultsSchema, { method: 'PUT', body: faults }),
    // Take the peer's answer as the new state at once, so a switch never flips back while refetching.
    onSuccess: (faults, { peer }) =>
      client.setQueryData(queryKeys.demo(), (old: z.infer<typeof demoListSchema> | undefined) =>
        old ? { ...old, peers: old.peers.map((p) => (p.id === peer ? { ...p, faults } : p)) } : old,
      ),
  });
}

/** Has a demo peer create an invite (its first user is the Invite Sender). */
export function demoInviteMutation() {
  return mutationOptions({
    mutationFn: (peer: string) =>
      requestJson(`/api/demo/${encodeURIComponent(peer)}/invites`, demoInviteSchema, { method: 'POST', body: {} }),
  });
}
