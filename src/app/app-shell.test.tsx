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
      expect(await screen.findByRole('heading', { level: 1, name: job.label }, { timeout: 5_000 })).toBeInTheDocument();
    }
  });

  it('says plainly when a page is not built yet', async () => {
    healthy();
    renderApp('/webapp');
    expect(await screen.findByRole('note')).toHaveTextContent('Not built yet.');
  });

  it('says on the History page that exchanges are sent but not kept yet', async () => {
    healthy();
    renderApp('/history');
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('Not built yet.');
    expect(note).toHaveTextContent('None of them is kept yet, so there is no history to show');
    expect(note).not.toHaveTextContent('Nothing is sent');
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
});
