import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOB_ROUTES } from '../config/paths.ts';
import { FakeEventSource } from '../testing/fake-event-source.ts';
import { fakeNetwork, jsonResponse, renderApp } from '../testing/render.tsx';

const realFetch = globalThis.fetch;
let restoreEventSource: () => void;
beforeEach(() => {
  restoreEventSource = FakeEventSource.install();
});
afterEach(() => {
  globalThis.fetch = realFetch;
  restoreEventSource();
  localStorage.clear();
  document.documentElement.classList.remove('dark');
});

const healthy = () =>
  fakeNetwork((url) =>
    url.endsWith('/api/health')
      ? jsonResponse({
          name: 'ocm-explorer',
          version: '0.1.0',
          status: 'ok',
          mode: 'local',
          startedAt: '2026-01-01T00:00:00Z',
          uptimeSeconds: 90,
        })
      : new Response('not found', { status: 404 }),
  );

describe('console shell', () => {
  it('shows the server version and uptime from /api/health', async () => {
    const calls = healthy();
    renderApp('/');
    expect(await screen.findByText('Server v0.1.0 · up 1m 30s')).toBeInTheDocument();
    expect(calls).toContain('/api/health');
  });

  it('says so when the server cannot be reached', async () => {
    fakeNetwork(() => Promise.reject(new TypeError('Failed to fetch')));
    renderApp('/');
    expect(await screen.findByText('Server unreachable')).toBeInTheDocument();
  });

  it('lists every job in the navigation and opens each page', async () => {
    healthy();
    const user = userEvent.setup();
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Jobs' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(JOB_ROUTES.map((j) => j.label));
    // Pages with Monaco (compose) or live data are covered by their own tests and the journeys.
    for (const job of JOB_ROUTES.filter((j) => j.id !== 'compose')) {
      await user.click(within(nav).getByRole('link', { name: job.label }));
      // Some pages load the protocol core on first open: give the lazy chunk time.
      expect(
        await screen.findByRole('heading', { level: 1, name: job.label }, { timeout: 15_000 }),
      ).toBeInTheDocument();
      // Each page's tab says which page it is.
      expect(document.title).toBe(`${job.id === 'webapp' ? 'Webapp lab' : job.label} · OCM Explorer`);
    }
    // Eight pages, each a lazy chunk transformed on first import: on a busy machine that takes a while.
  }, 60_000);

  it('says on the History page why nothing is kept when the browser has no IndexedDB', async () => {
    healthy();
    const saved = globalThis.indexedDB;
    // As in a private window with storage turned off.
    Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    try {
      renderApp('/history');
      const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
      expect(alert).toHaveTextContent('History is not being kept');
      expect(alert).toHaveTextContent('Private windows and some privacy settings turn IndexedDB off');
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: saved, configurable: true });
    }
  });

  it('shows a not-found page naming the unknown path', async () => {
    healthy();
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
  });

  it('switches between light, dark and system themes and remembers the choice', async () => {
    healthy();
    const user = userEvent.setup();
    renderApp('/');
    const select = await screen.findByRole('combobox', { name: 'Theme' });
    await user.selectOptions(select, 'dark');
    expect(document.documentElement).toHaveClass('dark');
    expect(localStorage.getItem('ocm-explorer.theme')).toBe('dark');
    await user.selectOptions(select, 'light');
    expect(document.documentElement).not.toHaveClass('dark');
    await waitFor(() => expect(localStorage.getItem('ocm-explorer.theme')).toBe('light'));
  });

  it('shows the sign-in page on a public console, says when the token is wrong, and lets the right one in', async () => {
    let signedIn = false;
    const calls = fakeNetwork(async (url, init) => {
      if (url.endsWith('/api/health'))
        return jsonResponse({
          name: 'ocm-explorer',
          version: '0.1.0',
          status: 'ok',
          mode: 'public',
          startedAt: '2026-01-01T00:00:00Z',
          uptimeSeconds: 5,
        });
      if (url.endsWith('/api/session') && init?.method === 'POST') {
        const { token } = JSON.parse(String(init.body)) as { token: string };
        if (token !== 'the-right-token-123') {
          return jsonResponse({ error: 'wrong-token', message: "That is not this console's access token." }, 401);
        }
        signedIn = true;
        return jsonResponse({ required: true, signedIn: true });
      }
      if (url.endsWith('/api/session') && init?.method === 'DELETE') {
        signedIn = false;
        return jsonResponse({ required: true, signedIn: false });
      }
      if (url.endsWith('/api/session')) return jsonResponse({ required: true, signedIn });
      return new Response('not found', { status: 404 });
    });
    const user = userEvent.setup();
    renderApp('/keys');
    expect(await screen.findByRole('heading', { name: 'Sign in to this console' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Keys' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Access token'), 'guess');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("That is not this console's access token.");

    await user.clear(screen.getByLabelText('Access token'));
    await user.type(screen.getByLabelText('Access token'), 'the-right-token-123');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Keys' }, { timeout: 5_000 })).toBeInTheDocument();
    // The token travelled in the body, never in a URL.
    expect(calls.some((c) => c.includes('the-right-token-123'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to this console' })).toBeInTheDocument();
  });
});
