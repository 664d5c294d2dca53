import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboundRecord } from '../../contract/inbound.ts';
import { fakeNetwork, jsonResponse, renderApp } from '../../testing/render.tsx';

// The page is a lazy route: load its module once up front, so each test waits for the page.
beforeAll(() => import('./route.tsx'), 30_000);

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const share = (webapp: object): InboundRecord => ({
  id: 'in-3',
  seq: 3,
  receivedAt: '2026-11-27T10:00:00.000Z',
  remoteAddress: '127.0.0.1',
  method: 'POST',
  target: '/ocm/shares',
  endpoint: 'shares',
  headers: [],
  body: {
    encoding: 'utf8',
    data: JSON.stringify({
      name: 'notes.md',
      sender: 'carol@apps.example.org',
      protocol: { name: 'multi', webapp: { sharedSecret: 's3cret', permissions: ['view'], ...webapp } },
    }),
    size: 1,
    truncated: false,
  },
  stage: 'done',
  problems: [],
});

function backend(record: InboundRecord, ownTargets: string[] = ['iframe', 'blank']) {
  return fakeNetwork((url) => {
    if (url === '/api/health')
      return jsonResponse({
        name: 'ocm-explorer',
        version: '0.1.0',
        status: 'ok',
        mode: 'local',
        startedAt: '2026-01-01T00:00:00Z',
        uptimeSeconds: 5,
      });
    if (url === `/api/inbox/${record.id}`) return jsonResponse(record);
    if (url === '/.well-known/ocm')
      return jsonResponse({
        resourceTypes: [{ name: 'file', protocols: { 'webapp-receive': { targets: ownTargets } } }],
      });
    if (url === '/api/relay') return jsonResponse({ message: 'relay not available in this test' }, 503);
    return jsonResponse({ message: 'not found' }, 404);
  });
}

describe('the webapp lab', () => {
  it('shows the three modes at once for a received share, and why a mode is outside the spec', async () => {
    const calls = backend(
      share({ uri: 'https://apps.example.org/viewer/1', targets: ['iframe'], requirements: ['must-exchange-token'] }),
    );
    renderApp('/webapp/in-3');
    const negotiation = await screen.findByRole('region', { name: 'Negotiation' }, { timeout: 10_000 });
    expect(await within(negotiation).findByText(/No target in common|Usable targets: iframe/)).toBeInTheDocument();
    expect(negotiation).toHaveTextContent('Sender offers iframe · this console presents iframe, blank');
    const modes = screen.getByRole('region', { name: 'Open the app' });
    for (const name of ['Open in iframe', 'Open in popup', 'Open by redirect'])
      expect(within(modes).getByRole('button', { name })).toBeEnabled();
    expect(modes).toHaveTextContent('outside the spec: the sender offered only iframe');
    expect(modes).toHaveTextContent('allowed: both sides have target "iframe"');
    expect(screen.getByText('https://apps.example.org/viewer/1')).toBeInTheDocument();
    // Before anything is opened, the empty frame says what will appear in it.
    expect(screen.getByRole('region', { name: 'Iframe' })).toHaveTextContent(
      'The app opens here when you press “Open in iframe” (or “Open all three”).',
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('relay not available in this test');
    // Nothing secret was put in a URL the page called.
    expect(calls.filter((u) => u.includes('s3cret'))).toEqual([]);
  });

  it('shows the room view in one line per mode, in a tab titled for the lab', async () => {
    backend(share({ uri: 'https://apps.example.org/viewer/1', targets: ['iframe'] }));
    renderApp('/webapp/in-3');
    await userEvent.click(await screen.findByRole('button', { name: 'Room view' }, { timeout: 10_000 }));
    const view = screen.getByRole('dialog', { name: 'Side by side' });
    expect(await within(view).findByLabelText('Negotiation in one line')).toHaveTextContent(
      'sender iframe ∩ this console iframe + blank = iframe',
    );
    expect(within(view).getByRole('listitem', { name: 'iframe column' })).toHaveTextContent(
      'iframe → target iframe · in the spec',
    );
    expect(within(view).getByRole('listitem', { name: 'redirect column' })).toHaveTextContent(
      'redirect → target blank · outside the spec',
    );
    expect(within(view).getByRole('status', { name: 'popup report' })).toHaveTextContent('not opened yet');
    expect(within(view).getByRole('button', { name: 'Open all three' })).toBeEnabled();
    await userEvent.click(within(view).getByRole('button', { name: 'Close (Esc)' }));
    expect(screen.queryByRole('dialog', { name: 'Side by side' })).not.toBeInTheDocument();
    expect(document.title).toBe('Webapp lab · OCM Explorer');
  });

  it('says when the Inbox has no such message, and where to go instead', async () => {
    backend(share({ uri: 'https://apps.example.org/viewer/1', targets: ['iframe'] }));
    renderApp('/webapp/in-gone');
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('The Inbox has no received message “in-gone”.');
    expect(within(alert).getByRole('link', { name: 'type one by hand' })).toHaveAttribute('href', '/webapp');
  });

  it('says when no target is in common', async () => {
    backend(share({ uri: 'https://apps.example.org/viewer/1', targets: ['blank'] }), ['iframe']);
    renderApp('/webapp/in-3');
    const negotiation = await screen.findByRole('region', { name: 'Negotiation' }, { timeout: 10_000 });
    expect(
      await within(negotiation).findByText(/No target in common: the receiver cannot present this web app share/),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Open the app' })).toHaveTextContent(
      'outside the spec: this receiver presents only iframe',
    );
  });

  it('refuses an app uri that is not absolute, and reloads for a typed app origin', async () => {
    backend(share({ uri: 'x', targets: [] }));
    renderApp('/webapp');
    const form = await screen.findByRole('form', { name: 'Web app share typed by hand' }, { timeout: 10_000 });
    const uri = within(form).getByRole('textbox', { name: 'App uri' });
    // Empty, the form says what it needs, and where received shares come from.
    expect(form).toHaveTextContent('Fill in the app uri to open the lab.');
    const intro = screen.getByText(/Open a web app share the console received from the/);
    expect(within(intro).getByRole('link', { name: 'Inbox' })).toHaveAttribute('href', '/inbox');
    await userEvent.type(uri, '/apps/viewer/1');
    expect(within(form).getByRole('alert')).toHaveTextContent('The app uri must be an absolute URL');
    expect(within(form).getByRole('button', { name: 'Use these fields' })).toBeDisabled();
    await userEvent.clear(uri);
    await userEvent.type(uri, 'https://apps.example.org/viewer/1');
    expect(
      within(form).getByRole('button', { name: 'Use these fields (reloads the lab for https://apps.example.org)' }),
    ).toBeEnabled();
  });
});
