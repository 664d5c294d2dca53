import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { paths } from '../../config/paths.ts';
import { fakeNetwork, jsonResponse, renderApp } from '../../testing/render.tsx';

beforeAll(() => import('./route.tsx'), 30_000);

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const discovery = (webappTargets?: string[]) => ({
  apiVersion: '1.5.0',
  endPoint: 'http://127.0.0.1:8081/ocm',
  capabilities: ['http-sig'],
  resourceTypes: [
    {
      name: 'file',
      shareTypes: ['user'],
      protocols: {
        webdav: '/dav/',
        ...(webappTargets ? { 'webapp-receive': { targets: webappTargets } } : {}),
      },
    },
  ],
});

function backend(doc: unknown) {
  const shared: unknown[] = [];
  fakeNetwork((url, init) => {
    if (url === '/api/health')
      return jsonResponse({
        name: 'ocm-explorer',
        version: '0.1.0',
        status: 'ok',
        mode: 'local',
        startedAt: '2026-01-01T00:00:00Z',
        uptimeSeconds: 5,
      });
    if (url.startsWith('/api/discover?'))
      return jsonResponse({
        target: '127.0.0.1:8081',
        base: 'http://127.0.0.1:8081',
        wellKnown: { url: 'http://127.0.0.1:8081/.well-known/ocm' },
        legacy: null,
        answeredBy: 'well-known',
        document: doc,
        detected: null,
        findings: [],
      });
    if (url === '/api/shares' && init?.method === 'POST') {
      shared.push(JSON.parse(String(init.body)));
      return jsonResponse(
        {
          problem:
            'Not sent: Left out webapp: the receiver does not advertise webapp-receive, so it does not take web-app shares.',
          notes: [],
          answered: {
            request: 'in-5',
            ok: false,
            message: 'The share was not delivered: the request stays unanswered.',
          },
        },
        400,
      );
    }
    if (url === '/api/inbox/shares') return jsonResponse({ shares: [] });
    return new Response('{}', { status: 404 });
  });
  return { shared };
}

const fill = {
  to: 'carol@127.0.0.1:8081',
  name: 'plan.md',
  permissions: ['read' as const],
  from: 'alice',
  request: 'in-5',
};

describe('Compose answering a request for a share', () => {
  it('fills the console share from the request and says, before Share is pressed, which targets the receiver takes', async () => {
    backend(discovery(['iframe', 'blank']));
    renderApp(paths.compose({ ...fill, protocol: 'webapp' }));
    const panel = await screen.findByRole('region', { name: 'Share from this console' });
    expect(within(panel).getByRole('textbox', { name: 'Share with (OCM address)' })).toHaveValue(fill.to);
    expect(within(panel).getByRole('textbox', { name: 'Name' })).toHaveValue('plan.md');
    expect(within(panel).getByRole('combobox', { name: 'What to share' })).toHaveValue('webapp');
    const verdict = await within(panel).findByRole('status', { name: 'Can it take a web app' });
    await waitFor(() =>
      expect(verdict).toHaveTextContent(
        '127.0.0.1:8081 advertises webapp-receive with targets iframe, blank: the web app can be sent',
      ),
    );
    const note = screen.getByRole('note', { name: 'Answering a request' });
    expect(note).toHaveTextContent(
      "Its sharedSecret is then known only to this page, not to the console: the requester's code exchange is refused",
    );
  });

  it('says a receiver without webapp-receive cannot take the web app, before and after Share is pressed', async () => {
    const { shared } = backend(discovery());
    const user = userEvent.setup();
    renderApp(paths.compose({ ...fill, protocol: 'webapp' }));
    const panel = await screen.findByRole('region', { name: 'Share from this console' });
    const verdict = await within(panel).findByRole('status', { name: 'Can it take a web app' });
    await waitFor(() =>
      expect(verdict).toHaveTextContent(
        'A web app cannot be sent to 127.0.0.1:8081: the receiver does not advertise webapp-receive',
      ),
    );
    await user.click(within(panel).getByRole('button', { name: 'Share' }));
    expect(await within(panel).findByText(/Not sent: Left out webapp/)).toBeInTheDocument();
    expect(within(panel).getByRole('status', { name: 'Can it take a web app' })).toHaveTextContent(
      'does not advertise webapp-receive',
    );
    expect(shared).toEqual([
      { to: fill.to, protocol: 'webapp', name: 'plan.md', permissions: ['read'], from: 'alice', request: 'in-5' },
    ]);
  });

  it('asks nothing about web apps when the file is shared', async () => {
    backend(discovery());
    renderApp(paths.compose(fill));
    const panel = await screen.findByRole('region', { name: 'Share from this console' });
    expect(within(panel).getByRole('combobox', { name: 'What to share' })).toHaveValue('webdav');
    expect(within(panel).queryByRole('status', { name: 'Can it take a web app' })).toBeNull();
  });
});
