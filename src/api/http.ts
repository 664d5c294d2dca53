import { safeParse } from 'zod/mini';
import type { $ZodType, output } from 'zod/v4/core';

import { ApiError } from './errors.ts';
import { reportUnauthorized } from './session.ts';

export { ApiError };

/**
 * Calls the console's server and parses the JSON answer once, at the edge, with the given schema.
 * Schemas may be zod or zod/mini: the browser's wire contracts use zod/mini to keep the first load small.
 */
export async function requestJson<S extends $ZodType>(
  path: string,
  schema: S,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        // Every state change says JSON, body or not: the server's same-origin guard takes a bodiless DELETE
        // over HTTP for one with an undeclared body, and refused Delete (keys) and Clear (inbox) with 415.
        ...(init.body !== undefined || (init.method ?? 'GET') !== 'GET' ? { 'content-type': 'application/json' } : {}),
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(`The console's server did not answer (${(err as Error).message}). Is it still running?`);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(`${path} answered ${response.status} with something that is not JSON`, response.status);
  }
  if (!response.ok) {
    if (response.status === 401) reportUnauthorized();
    const fields = (typeof body === 'object' && body ? body : {}) as { message?: unknown; error?: unknown };
    const message =
      typeof fields.message === 'string'
        ? fields.message
        : typeof fields.error === 'string'
          ? fields.error
          : `HTTP ${response.status}`;
    throw new ApiError(`${path}: ${message}`, response.status);
  }
  const parsed = safeParse(schema, body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(
      `${path} answered an unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

export function getJson<S extends $ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<output<S>> {
  return requestJson(path, schema, { signal });
}
