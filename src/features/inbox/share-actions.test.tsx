import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboundRecord } from '../../contract/inbound.ts';
import { FakeEventSource } from '../../testing/fake-event-source.ts';
import { fakeNetwork, jsonResponse, renderApp } from '../../testing/render.tsx';

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

const share = JSON.stringify({
  shareWith: 'alice@127.0.0.1:8080',
  name: 'minutes.txt',
  providerId: 'p-42',
  owner: 'carol@127.0.0.1:8081',
  sender: 'carol@127.0.0.1:8081',
  shareType: 'user',
  resourceType: 'file',
  protocol: { name: 'multi', webdav: { uri: 'p-42', sharedSecret: 'code-1', requirements: ['must-exchange-token'] } },
});

const record: InboundRecord = {
  id: 'in-1',
  seq: 1,
  receivedAt: '2026-11-27T10:00:00.000Z',
  remoteAddress: '127.0.0.1',
  method: 'POST',
  target: '/ocm/shares',
  endpoint: 'shares',
  headers: [['Content-Type', 'application/json']],
  body: { encoding: 'utf8', data: share, size: share.length, truncated: false },
  stage: 'done',
  problems: [],
  verification: { status: 'unsigned', summary: 'No Signature header: the request is not signed.' },
  response: { status: 201, contentType: 'application/json', body: '{}', delayMs: 0, policy: 'spec' },
};

/** The server's side: share states change only when the console reports an answer it delivered. */
function backend() {
  const relayed: { url: string; sign: string; payload: unknown }[] = [];
  const answers: { id: string; type: string }[] = [];
  let states: unknown[] = [];
  fakeNetwork((url, init) => {
    if (url === '/api/inbox/shares') return jsonResponse({ shares: states });
    const answer = /^\/api\/inbox\/([^/]+)\/answer$/.exec(url);
    if (answer) {
      const { type } = JSON.parse(String(init?.body)) as { type: string };
      answers.push({ id: answer[1]!, type });
      const status = type === 'SHARE_DECLINED' ? 'declined' : 'accepted';
      const at = '2026-11-27T12:00:01.000Z';
      const entry = {
        side: 'received',
        key: answer[1],
        status,
        events: [{ recordId: answer[1], type, at, by: 'console', outcome: 'applied', status }],
      };
      states = [entry];
      return jsonResponse(entry);
    }
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
      });
    if (url === '/api/demo') return jsonResponse({ enabled: false, peers: [] });
    if (url.startsWith('/api/discover?'))
      return jsonResponse({
        target: '127.0.0.1:8081',
        base: 'http://127.0.0.1:8081',
        wellKnown: { url: 'http://127.0.0.1:8081/.well-known/ocm' },
        legacy: null,
        answeredBy: 'well-known',
        document: { apiVersion: '1.5.0', endPoint: 'http://127.0.0.1:8081/ocm', capabilities: ['http-sig'] },
        detected: null,
        findings: [],
      });
    if (url === '/api/relay') {
      const request = JSON.parse(String(init?.body)) as { url: string; sign: string; body: { data: string } };
      relayed.push({ url: request.url, sign: request.sign, payload: JSON.parse(request.body.data) });
      return jsonResponse({
        exchange: {
          id: 'x1',
          startedAt: '2026-11-27T12:00:00.000Z',
          request: {
            method: 'POST',
            url: request.url,
            headers: [],
            body: { encoding: 'utf8', data: request.body.data, size: 1, truncated: false },
          },
          response: {
            status: 201,
            statusText: 'Created',
            headers: [],
            body: { encoding: 'utf8', data: '{}', size: 2, truncated: false },
          },
          timing: { dns: null, connect: 1, tls: null, firstByte: 2, total: 3 },
          signing: null,
          insecureTls: false,
          notes: [],
        },
      });
    }
    return new Response('{}', { status: 404 });
  });
  return { relayed, answers };
}

describe('acting on a received share', () => {
  it('declines it with a signed SHARE_DECLINED to the sender, and shows the share as declined', async () => {
    const { relayed, answers } = backend();
    const user = userEvent.setup();
    renderApp('/inbox?id=in-1');
    await screen.findByText('http://127.0.0.1:8080/ocm');
    const source = FakeEventSource.instances.at(-1)!;
    act(() => {
      source.open();
      source.emit('reset', { records: [record], total: 1 });
    });
    const actions = await screen.findByRole('region', { name: 'Share actions' });
    expect(within(actions).getByText('pending')).toBeInTheDocument();
    expect(within(actions).getByRole('link', { name: 'Exchange the code' })).toHaveAttribute(
      'href',
      '/token?share=in-1',
    );
    await user.click(within(actions).getByRole('button', { name: 'Decline' }));
    expect(await within(actions).findByText('declined')).toBeInTheDocument();
    // The state is the server's: the delivered answer was reported to it.
    expect(answers).toEqual([{ id: 'in-1', type: 'SHARE_DECLINED' }]);
    expect(within(actions).getByRole('status')).toHaveTextContent('SHARE_DECLINED sent to the sender: it answered 201');
    expect(relayed).toEqual([
      {
        url: 'http://127.0.0.1:8081/ocm/notifications',
        sign: 'ocm',
        payload: {
          notificationType: 'SHARE_DECLINED',
          senderDomain: window.location.host,
          resourceType: 'file',
          shareType: 'user',
          notification: { file: { providerId: 'p-42' } },
        },
      },
    ]);
    // Answered: neither Accept nor a second Decline is sent by accident; sending again is its own choice.
    expect(within(actions).getByRole('button', { name: 'Accept' })).toBeDisabled();
    expect(within(actions).getByRole('button', { name: 'Decline' })).toBeDisabled();
    expect(actions).toHaveTextContent('Answered: SHARE_DECLINED was sent.');
    await user.click(within(actions).getByRole('button', { name: 'Send again' }));
    expect(within(actions).getByRole('button', { name: 'Accept' })).toBeEnabled();
    await user.click(within(actions).getByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(relayed).toHaveLength(2));
    expect(relayed[1]!.payload).toMatchObject({ notificationType: 'SHARE_ACCEPTED' });
    await waitFor(() => expect(within(actions).getByRole('button', { name: 'Decline' })).toBeDisabled());
  });
});
