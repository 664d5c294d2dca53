import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider, createQueryClient } from '../app/provider.tsx';
import { routes } from '../app/router.tsx';

/** Renders the whole console at a path, with a fresh query client (no retries) per test. */
export function renderApp(path = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  const result = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient };
}

/** Replaces the network for one test: each call is answered by `handler`; returns the list of URLs called. */
export function fakeNetwork(handler: (url: string, init?: RequestInit) => Response | Promise<Response>): string[] {
  const calls: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push(url);
    return handler(url, init);
  }) as typeof fetch;
  return calls;
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** What the console's `/api/health` answers a page: a local console, up for a few seconds. */
export function healthResponse(mode: 'local' | 'public' = 'local'): Response {
  return jsonResponse({
    name: 'ocm-explorer',
    version: '0.1.0',
    status: 'ok',
    mode,
    startedAt: '2026-01-01T00:00:00Z',
    uptimeSeconds: 5,
  });
}
