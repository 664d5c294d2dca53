import { mutationOptions } from '@tanstack/react-query';
import { safeParse } from 'zod/mini';
import {
  consoleShareResultSchema,
  type ConsoleShareRequest,
  type ConsoleShareResult,
} from '../contract/console-share.ts';
import { ApiError } from './errors.ts';
import { reportUnauthorized } from './session.ts';

/**
 * Sends a share from the console itself (POST /api/shares). A share that could not be sent (400: why;
 * 502: the receiver did not answer) is an answer to show, not an error: only a broken call throws.
 */
export async function sendConsoleShare(input: ConsoleShareRequest): Promise<ConsoleShareResult> {
  let response: Response;
  try {
    response = await fetch('/api/shares', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError(`The console's server did not answer (${(err as Error).message}). Is it still running?`);
  }
  if (response.status === 401) reportUnauthorized();
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`/api/shares answered ${response.status} with something that is not JSON`, response.status);
  }
  const parsed = safeParse(consoleShareResultSchema, body);
  if (parsed.success) return parsed.data;
  const message = (body as { message?: unknown } | null)?.message;
  throw new ApiError(
    `/api/shares: ${typeof message === 'string' ? message : `HTTP ${response.status}`}`,
    response.status,
  );
}

export function consoleShareMutation() {
  return mutationOptions({ mutationFn: sendConsoleShare });
}
