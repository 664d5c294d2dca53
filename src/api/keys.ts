import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { exportedKeySchema, keyInfoSchema, keyListSchema } from '../contract/keys.ts';
import { requestJson } from './http.ts';
import { queryKeys } from './query-keys.ts';

export function keysQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.keys(),
    queryFn: ({ signal }) => requestJson('/api/keys', keyListSchema, { signal }),
  });
}

const refresh = (client: QueryClient) => () => client.invalidateQueries({ queryKey: queryKeys.keys() });

export function generateKeyMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: (body: { use: 'rfc9421' | 'cavage'; kind?: string }) =>
      requestJson('/api/keys', keyInfoSchema, { method: 'POST', body }),
    onSuccess: refresh(client),
  });
}

export function importKeyMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: (body: { use: 'rfc9421' | 'cavage'; key: string; kid?: string }) =>
      requestJson('/api/keys/import', keyInfoSchema, { method: 'POST', body }),
    onSuccess: refresh(client),
  });
}

export function rotateKeyMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: (use: 'rfc9421' | 'cavage') =>
      requestJson('/api/keys/rotate', keyInfoSchema, { method: 'POST', body: { use } }),
    onSuccess: refresh(client),
  });
}

export function deleteKeyMutation(client: QueryClient) {
  return mutationOptions({
    mutationFn: (kid: string) =>
      requestJson(`/api/keys/${encodeURIComponent(kid)}`, z.object({ deleted: z.string() }), { method: 'DELETE' }),
    onSuccess: refresh(client),
  });
}

/** The private key leaves the server only with the explicit confirmation phrase in the body. */
export function exportKeyMutation() {
  return mutationOptions({
    mutationFn: (kid: string) =>
      requestJson(`/api/keys/${encodeURIComponent(kid)}/export`, exportedKeySchema, {
        method: 'POST',
        body: { confirm: 'export private key' },
      }),
  });
}
