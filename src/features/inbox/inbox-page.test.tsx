import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboundRecord } from '../../contract/inbound.ts';
import { FakeEventSource } from '../../testing/fake-event-source.ts';
import { fakeNetwork, jsonResponse, renderApp } from '../../testing/render.tsx';

// The page is a lazy route: load its module once up front, so each test waits for the page, not for the
// first transform of the module graph on a busy machine.
beforeAll(() => import('./route.tsx'), 30_000);

const realFetch = globalThis.fetch;
let restoreEventSource: () => void;
beforeEach(() => {
  restoreEventSource = FakeEventSource.install();
});
afterEach(() => {
  globalThis.fetch = realFetch;
  restoreEventSource();
});

const record = (seq: number, over: Partial<InboundRecord> = {}): InboundRecord => ({
  id: `in-${seq}`,
  seq,
  receivedAt: '2026-11-22T10:00:00.000Z',
  remoteAddress: '127.0.0.1',
  method: 'POST',
  target: '/ocm/shares',
  endpoint: 'shares',
  headers: [
    ['Content-Type', 'application/json'],
    ['X-Peer', '<b>not bold</b>'],
  ],
  body: { encoding: 'utf8', data: '{"shareWith":"alice@127.0.0.1"}', size: 31, truncated: false },
  stage: 'done',
  problems: [],
  verification: { status: 'unsigned', summary: 'No Signature header: the request is not signed.' },
  response: {
    status: 201,
    contentType: 'application/json',
    body: '{"recipientDisplayName":"Alice (OCM Explorer)"}',
    delayMs: 0,
    policy: 'spec',
  },
  ...over,
});

const received = (path: string, body: string, over: object = {}) => ({
  at: '2026-11-22T10:00:00.000Z',
  method: 'POST',
  path,
  verified: 'failed',
  summary: 'Content-Digest does not match the body.',
  status: 401,
  body,
  ...over,
});
// What alpha received: its own traffic between Check probes (newest first).
const peerReceived = [
  received('/ocm/shares', '{"shareWith":"ocm-explorer-check-nobody@127.0.0.1:8081"}', { checkProbe: true }),
  received('/ocm/token', 'grant_type=authorization_code&client_id=127.0.0.1%3A8080&code=…', { checkProbe: true }),
  received('/ocm/notifications', '{"notificationType":"SHARE_ACCEPTED"}', { verified: 'verified', status: 201 }),
  received('/ocm/shares', '{"shareWith":"ocm-explorer-check-nobody@127.0.0.1:8081","name":"x"}', {
    checkProbe: true,
  }),
];

function backend(info: object = {}, more: Record<string, unknown> = {}) {
  const puts: { url: string; body: unknown }[] = [];
  fakeNetwork((url, init) => {
    if (url in more) return jsonResponse(more[url]);
    if (url === '/api/health')
      return jsonResponse({
        name: 'ocm-explorer',
        version: '0.1.0',
        status: 'ok',
        mode: 'local',
        startedAt: '2026-01-01T00:00:00Z',
        uptimeSeconds: 5,
      });
    if (url === '/api/inbox/info')
      return jsonResponse({
        endPoint: 'http://127.0.0.1:8080/ocm',
        recipients: [{ name: 'alice', address: 'alice@127.0.0.1:8080' }],
        policies: {},
        ...info,
      });
    if (url === '/api/inbox') return jsonResponse({ records: [], total: 0 });
    if (url === '/api/demo')
      return jsonResponse({
        enabled: true,
        peers: [
          {
            id: 'alpha',
            name: 'Alpha Cloud (OCM 1.5)',
            dialect: 'ocm-1.5',
            origin: 'http://127.0.0.1:8081',
            users: ['carol@127.0.0.1:8081'],
            keyId: '127.0.0.1:8081#ed25519',
            faults: {
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
            },
          },
        ],
      });
    if (url === '/api/demo/alpha/send') {
      puts.push({ url, body: JSON.parse(String(init?.body)) });
      return jsonResponse({
        ok: true,
        request: { method: 'POST', url: 'http://127.0.0.1:8080/ocm/shares', headers: [], body: '{}' },
        response: { status: 201, headers: [], body: '{"recipientDisplayName":"Alice (OCM Explorer)"}' },
      });
    }
    if (url === '/api/demo/alpha/received') return jsonResponse({ received: peerReceived });
    if (url.startsWith('/api/inbox/policy/')) {
      puts.push({ url, body: JSON.parse(String(init?.body)) });
      return jsonResponse({});
    }
    return new Response('{}', { status: 404 });
  });
  return puts;
}

describe('Inbox page', () => {
  it('tells where to send, then shows messages as the server pushes them', async () => {
    backend();
    renderApp('/inbox');
    expect(await screen.findByText('http://127.0.0.1:8080/ocm')).toBeInTheDocument();
    const source = FakeEventSource.instances.at(-1)!;
    expect(source.url).toBe('/api/events');
    act(() => {
      source.open();
      source.emit('reset', { records: [], total: 0 });
    });
    // Query cache notifications are batched: what the stream delivers shows up on the next tick.
    expect(await screen.findByText(/Nothing received yet/)).toBeInTheDocument();
    act(() => source.emit('reset', { records: [record(1)], total: 1 }));
    expect(screen.getByText('live')).toBeInTheDocument();
    expect(await screen.findByText('1 received')).toBeInTheDocument();

    // A new call arrives: first as received, then processed (same id, updated in place).
    act(() =>
      source.emit(
        'inbound',
        record(2, {
          target: '/ocm/notifications',
          endpoint: 'notifications',
          stage: 'received',
          verification: undefined,
          response: undefined,
        }),
      ),
    );
    act(() =>
      source.emit(
        'inbound',
        record(2, {
          target: '/ocm/notifications',
          endpoint: 'notifications',
          problems: ['The body is not JSON.'],
          response: { status: 400, contentType: 'application/json', body: '{}', delayMs: 0, policy: 'spec' },
        }),
      ),
    );
    expect(await screen.findByText('2 received')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Received messages' });
    expect(within(list).getAllByRole('button')).toHaveLength(2);
    expect(within(list).getByText('answered 400')).toBeInTheDocument();
  });

  it('says plainly when stored messages could not be read, and where they are kept', async () => {
    backend({
      unreadable: {
        count: 2,
        file: '/home/me/.ocm-explorer/inbox.jsonl',
        firstError: 'line 2 of inbox.jsonl: not JSON (Unterminated string in JSON at position 88)',
      },
    });
    renderApp('/inbox');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('2 stored messages could not be read');
    expect(alert).toHaveTextContent('kept as they were in /home/me/.ocm-explorer/inbox.jsonl');
    expect(alert).toHaveTextContent('First problem: line 2 of inbox.jsonl: not JSON (Unterminated string');
  });

  it('shows no such notice when every stored message was read', async () => {
    backend();
    renderApp('/inbox');
    await screen.findByText('http://127.0.0.1:8080/ocm');
    expect(screen.queryByText(/could not be read/)).toBeNull();
  });

  it('shows one message in full, with remote text as text', async () => {
    backend();
    const user = userEvent.setup();
    renderApp('/inbox');
    await screen.findByText('http://127.0.0.1:8080/ocm');
    act(() =>
      FakeEventSource.instances
        .at(-1)!
        .emit('reset', { records: [record(1), record(2, { target: '/ocm/token', endpoint: 'token' })], total: 2 }),
    );
    await user.click(await screen.findByRole('button', { name: /\/ocm\/shares/ }));
    const detail = screen.getByRole('article', { name: 'Message in-1' });
    expect(within(detail).getByText('<b>not bold</b>')).toBeInTheDocument();
    expect(detail.querySelector('b')).toBeNull();
    expect(within(detail).getByText('No Signature header: the request is not signed.')).toBeInTheDocument();
    expect(within(detail).getByLabelText('Answer body')).toHaveTextContent(
      '"recipientDisplayName": "Alice (OCM Explorer)"',
    );
  });

  it("masks a received share's shared secret on screen until it is revealed", async () => {
    backend();
    const user = userEvent.setup();
    renderApp('/inbox');
    await screen.findByText('http://127.0.0.1:8080/ocm');
    const data = JSON.stringify({
      protocol: { name: 'multi', webapp: { uri: 'https://a/x', sharedSecret: 'pr0jector' } },
    });
    act(() =>
      FakeEventSource.instances.at(-1)!.emit('reset', {
        records: [record(1, { body: { encoding: 'utf8', data, size: data.length, truncated: false } })],
        total: 1,
      }),
    );
    await user.click(await screen.findByRole('button', { name: /\/ocm\/shares/ }));
    const detail = screen.getByRole('article', { name: 'Message in-1' });
    expect(within(detail).getByLabelText('Request body')).toHaveTextContent('"sharedSecret": "…redacted…"');
    expect(detail).not.toHaveTextContent('pr0jector');
    await user.click(within(detail).getByRole('button', { name: 'Reveal secrets' }));
    expect(within(detail).getByLabelText('Request body')).toHaveTextContent('"sharedSecret": "pr0jector"');
    await user.click(within(detail).getByRole('button', { name: 'Mask secrets' }));
    expect(detail).not.toHaveTextContent('pr0jector');
  });

  it('says a request signed without tag="ocm" is unsigned for OCM, and names its signature', async () => {
    backend();
    const user = userEvent.setup();
    renderApp('/inbox');
    await screen.findByText('http://127.0.0.1:8080/ocm');
    const summary =
      'Unsigned for OCM: no signature carries tag="ocm". The request has an RFC 9421 signature that is not OCM\'s: proxy (tag="edge").';
    act(() =>
      FakeEventSource.instances.at(-1)!.emit('reset', {
        records: [
          record(1),
          record(2, {
            verification: {
              status: 'unsigned',
              profile: 'rfc9421',
              summary,
              otherSignatures: [{ label: 'proxy', tag: 'edge' }],
            },
          }),
        ],
        total: 2,
      }),
    );
    const list = await screen.findByRole('list', { name: 'Received messages' });
    // The plain unsigned request keeps its word; the one with a foreign signature says what it is.
    expect(within(list).getByText('unsigned')).toBeInTheDocument();
    expect(within(list).getByText('unsigned for OCM')).toBeInTheDocument();
    await user.click(within(list).getByText('unsigned for OCM'));
    const detail = screen.getByRole('article', { name: 'Message in-2' });
    expect(within(detail).getByText(summary)).toBeInTheDocument();
  });

  it('has a demo peer send a share to this console, and shows the answer', async () => {
    const calls = backend();
    const user = userEvent.setup();
    renderApp('/inbox');
    const form = await screen.findByRole('form', { name: 'Send from a demo peer' });
    expect(within(form).getByRole('textbox', { name: 'To' })).toHaveValue('alice@127.0.0.1:8080');
    await user.click(within(form).getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('status', { name: 'Demo send result' })).toHaveTextContent(
      'POST http://127.0.0.1:8080/ocm/shares answered 201',
    );
    expect(calls).toEqual([
      { url: '/api/demo/alpha/send', body: { kind: 'share', to: 'alice@127.0.0.1:8080', protocol: 'webdav' } },
    ]);
  });

  it("hides the Check's probes in what the demo peer received, by default, and says how many", async () => {
    backend();
    const user = userEvent.setup();
    renderApp('/inbox');
    const log = await screen.findByRole('region', { name: 'What the demo peer received' });
    const entries = await within(log).findByRole('list', { name: 'Received by alpha' });
    expect(within(entries).getAllByRole('listitem')).toHaveLength(1);
    expect(entries).toHaveTextContent('POST /ocm/notifications');
    expect(within(log).getByText('3 Check probes hidden')).toBeInTheDocument();

    await user.click(within(log).getByRole('checkbox', { name: 'Hide Check probes' }));
    const all = within(entries).getAllByRole('listitem');
    expect(all.map((li) => within(li).queryByText('Check probe') !== null)).toEqual([true, true, false, true]);
    expect(within(log).queryByText(/Check probes? hidden/)).toBeNull();
  });

  it('saves a custom answer for an endpoint', async () => {
    const puts = backend();
    const user = userEvent.setup();
    renderApp('/inbox');
    await user.click(await screen.findByText('How the console answers'));
    const form = screen.getByRole('form', { name: 'Answer policy for shares' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Answer' }), 'custom');
    const status = within(form).getByRole('spinbutton', { name: 'Status' });
    await user.clear(status);
    await user.type(status, '503');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Saved.')).toBeInTheDocument();
    expect(puts).toEqual([
      {
        url: '/api/inbox/policy/shares',
        body: {
          mode: 'custom',
          status: 503,
          contentType: 'application/json',
          body: '{"message": "SERVICE_UNAVAILABLE"}',
          delayMs: 0,
        },
      },
    ]);
  });

  it('saves the lenient answer, for senders that cannot sign yet', async () => {
    const puts = backend();
    const user = userEvent.setup();
    renderApp('/inbox');
    await user.click(await screen.findByText('How the console answers'));
    const form = screen.getByRole('form', { name: 'Answer policy for notifications' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Answer' }), 'lenient');
    expect(within(form).queryByRole('spinbutton', { name: 'Status' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('Saved.')).toBeInTheDocument();
    expect(puts).toEqual([{ url: '/api/inbox/policy/notifications', body: { mode: 'lenient', delayMs: 0 } }]);
  });

  it('opens a message the list carries cut short by reading it whole from the server', async () => {
    const whole = `{"shareWith":"alice@127.0.0.1","name":"${'x'.repeat(20_000)}"}`;
    const full = record(7, { body: { encoding: 'utf8', data: whole, size: whole.length, truncated: false } });
    backend({}, { '/api/inbox/in-7': full });
    renderApp('/inbox');
    await screen.findByText('http://127.0.0.1:8080/ocm');
    const listed = { ...full, body: { ...full.body, data: whole.slice(0, 8192) }, abridged: true };
    act(() => FakeEventSource.instances.at(-1)!.emit('reset', { records: [listed], total: 1 }));
    const detail = await screen.findByRole('article', { name: 'Message in-7' });
    expect(within(detail).getByLabelText('Request body')).toHaveTextContent('x'.repeat(20_000));
  });

  it('shows the newest page first and loads older messages on demand', async () => {
    backend({}, { '/api/inbox?limit=50&before=8': { records: [record(3), record(2)], total: 4 } });
    const user = userEvent.setup();
    renderApp('/inbox');
    await screen.findByText('http://127.0.0.1:8080/ocm');
    act(() => FakeEventSource.instances.at(-1)!.emit('reset', { records: [record(9), record(8)], total: 4, next: 8 }));
    const list = await screen.findByRole('list', { name: 'Received messages' });
    expect(screen.getByText('Showing the newest 2 of 4.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load older messages' }));
    await waitFor(() => expect(within(list).getAllByRole('button')).toHaveLength(4));
    expect(screen.queryByRole('button', { name: 'Load older messages' })).toBeNull();
  });
});
