import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { DiscoverResult } from '../contract/exchange.ts';
import { queryKeys } from './query-keys.ts';
import { discover, sendViaRelay } from './relay.ts';

export interface DiscoverOptions {
  ua?: string;
  scheme?: 'http' | 'https';
}

/** A discovery fetch, with the document of the fetch before it (pretty JSON) for a diff. */
export interface DiscoveryFetch {
  result: DiscoverResult;
  previous?: string;
}

/**
 * One server's discovery through the console's server. Fetching again keeps the previous document, so the
 * page can show what changed. `onFetched` runs after each successful fetch (the page remembers the target).
 */
export function discoveryQueryOptions(
  client: QueryClient,
  target: string,
  options: DiscoverOptions = {},
  onFetched?: (target: string) => void,
) {
  const queryKey = queryKeys.discovery.target(target, options);
  return queryOptions<DiscoveryFetch>({
    queryKey,
    queryFn: async ({ signal }) => {
      const before = client.getQueryData<DiscoveryFetch>(queryKey);
      const result = await discover(target, options, signal);
      onFetched?.(target);
      return { result, ...(before ? { previous: JSON.stringify(before.result.document, null, 2) } : {}) };
    },
    enabled: !!target,
    staleTime: Infinity,
  });
}

/** The JWK Set behind a discovery's jwksUri, fetched live through the relay (the exchange, not just the keys). */
export function jwksQueryOptions(jwksUri: string | undefined) {
  return queryOptions({
    queryKey: queryKeys.discovery.jwks(jwksUri),
    queryFn: ({ signal }) =>
      sendViaRelay({ method: 'GET', url: jwksUri!, headers: [['Accept', 'application/json']] }, signal),
    enabled: !!jwksUri,
  });
}

/** Reads a receiver's discovery once, on demand (Compose's "Read its discovery"). */
export function discoverMutation() {
  return mutationOptions({ mutationFn: (target: string) => discover(target) });
}
