import { queryOptions } from '@tanstack/react-query';
import { healthResponseSchema } from '../contract/health.ts';
import { getJson } from './http.ts';
import { queryKeys } from './query-keys.ts';

export function healthQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => getJson('/api/health', healthResponseSchema, signal),
    refetchInterval: 15_000,
  });
}
