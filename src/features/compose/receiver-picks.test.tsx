import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeNetwork, healthResponse, jsonResponse, renderApp } from '../../testing/render.tsx';

beforeAll(() => import('./route.tsx'), 30_000);

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
  // Compose keeps each kind's draft; a test starts from the template, not from another test's draft.
  localStorage.clear();
});

const faults = {
  wrongDigest: false,
  staleCreated: false,
  unknownKeyid: false,
  serverError: false,
  slowMs: 0,
  webappXfoDeny: false,
  webappNoFraming: false,
  webappShortToken: false,
  webappRefuseFramed: false,
  webappRejectToken: false,
};
const alpha = {
  id: 'alpha',
  name: 'Alpha Cloud (OCM 1.5)',
  dialect: 'ocm-1.5',
  origin: 'http://127.0.0.1:40123',
  users: ['carol@127.0.0.1:40123'],
  keyId: '127.0.0.1:40123#ed25519',
  faults,
};

/** The console's server, with or without a demo mesh; records which targets Compose read the discovery of. */
function backend(peers: object[], detected: object | null = null) {
  const discovered: string[] = [];
  fakeNetwork((url) => {
    if (url === '/api/health') return healthResponse();
    if (url === '/api/demo') return jsonResponse({ enabled: peers.length > 0, peers });
    if (url.startsWith('/api/discover?')) {
      discovered.push(new URLSearchParams(url.slice(url.indexOf('?'))).get('target') ?? '');
      return jsonResponse({
        target: '127.0.0.1:40123',
        base: 'http://127.0.0.1:40123',
        wellKnown: { url: 'http://127.0.0.1:40123/.well-known/ocm' },
        legacy: null,
        answeredBy: 'well-known',
        document: { apiVersion: '1.5.0', endPoint: 'http://127.0.0.1:40123/ocm', resourceTypes: [] },
        detected,
        findings: [],
      });
    }
    return new Response('{}', { status: 404 });
  });
  return discovered;
}

describe('Compose receiver', () => {
  it("offers the running demo peers' real addresses: as the example, and as a pick that reads its discovery", async () => {
    const discovered = backend([alpha]);
    const user = userEvent.setup();
    renderApp('/compose');
    const send = await screen.findByRole('region', { name: 'Send' });
    const receiver = within(send).getByRole('textbox', { name: 'Receiver (OCM address or host)' });
    await waitFor(() => expect(receiver).toHaveAttribute('placeholder', 'carol@127.0.0.1:40123'));
    expect(screen.getByRole('textbox', { name: 'Share with (OCM address)' })).toHaveAttribute(
      'placeholder',
      'carol@127.0.0.1:40123',
    );
    const picks = within(send).getByRole('group', { name: 'Address it to a demo peer:' });
    await user.click(within(picks).getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' }));
    expect(receiver).toHaveValue('carol@127.0.0.1:40123');
    await waitFor(() => expect(discovered).toEqual(['carol@127.0.0.1:40123']));
    expect(await within(send).findByText('http://127.0.0.1:40123/ocm/shares')).toBeInTheDocument();
  });

  it("judges the message by the receiver's declared version once its discovery is read, unless another is picked", async () => {
    backend([alpha], { version: '1.1', versions: ['1.1'], dialect: 'nextcloud', evidence: [] });
    const user = userEvent.setup();
    renderApp('/compose');
    const lint = await screen.findByRole('region', { name: 'Lint' });
    await waitFor(() => expect(lint).toHaveTextContent(/judged as 1\.5\./));
    const send = screen.getByRole('region', { name: 'Send' });
    const picks = within(send).getByRole('group', { name: 'Address it to a demo peer:' });
    await user.click(within(picks).getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' }));
    await waitFor(() => expect(lint).toHaveTextContent("judged as 1.1, the receiver's version."));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Judge as version' }), '1.5');
    expect(lint).toHaveTextContent(/judged as 1\.5\./);
  });

  it('addresses the drafted share to the picked receiver: its shareWith follows, and says what it rewrote', async () => {
    backend([alpha]);
    const user = userEvent.setup();
    renderApp('/compose');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Message' }), 'share');
    const send = screen.getByRole('region', { name: 'Send' });
    const picks = within(send).getByRole('group', { name: 'Address it to a demo peer:' });
    await user.click(within(picks).getByRole('button', { name: 'Alpha Cloud (OCM 1.5)' }));
    const status = await screen.findByText(
      (_, el) => el?.tagName === 'P' && /^Addressed to the receiver:/.test(el.textContent ?? ''),
    );
    expect(status).toHaveTextContent('shareWith is now carol@127.0.0.1:40123 (was marie@receiver.example.org).');
    // Nothing is left on another host, so no warning.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a neutral example address and no picks when no demo mesh runs', async () => {
    backend([]);
    renderApp('/compose');
    const send = await screen.findByRole('region', { name: 'Send' });
    expect(within(send).getByRole('textbox', { name: 'Receiver (OCM address or host)' })).toHaveAttribute(
      'placeholder',
      'user@cloud.example.org',
    );
    expect(within(send).queryByRole('group', { name: /demo peer/ })).toBeNull();
  });

  it('says what the template notes are: how “New template” writes the message, for which receiver', async () => {
    backend([]);
    renderApp('/compose');
    const notes = await screen.findByRole('region', { name: 'Template notes' });
    expect(notes).toHaveTextContent('How “New template” writes it, for a generic OCM 1.5 receiver');
    expect(within(notes).getByRole('listitem')).toHaveTextContent('webdav.uri is an absolute URL.');
  });
});
