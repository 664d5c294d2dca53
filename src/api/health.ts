import { queryOptions } from '@tanstack/react-query';
import { parseHealthResponse, type HealthResponse } from '../contract/health.ts';
import { ApiError } from './errors.ts';
import { queryKeys } from './query-keys.ts';

async function fetchHealth(signal: AbortSignal): Promise<HealthResponse> {
  let response: Response;
  try {
    response = await fetch('/api/health', {
      headers: { accept: 'application/json' },
      signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(`The console's server did not answer (${(err as Error).message}). Is it still running?`);
  }
  if (!response.ok) throw new ApiError(`/api/health answered ${response.status}`, response.status);
  const parsed = parseHealthResponse(await response.json().catch(() => null));
  if (typeof parsed === 'string') throw new ApiError(`/api/health answered an unexpected shape: ${parsed}`);
  return parsed;
}

export function healthQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: 15_000,
  });
}
