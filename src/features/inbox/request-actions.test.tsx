import { act, screen, within } from '@testing-library/react';
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

const record = (id: string, target: string, endpoint: InboundRecord['endpoint'], body: unknown, status = 201) => {
  const data = JSON.stringify(body);
  return {
    id,
    seq: Number(id.slice(3)),
    receivedAt: '2026-11-27T10:00:00.000Z',
    remoteAddress: '127.0.0.1',
    method: 'POST',
    target,
    endpoint,
    headers: [['Content-Type', 'application/json']],
    body: { encoding: 'utf8', data, size: data.length, truncated: false },
    stage: 'done',
    problems: [],
    verification: { status: 'verified', summary: 'Verified.' },
    response: { status, contentType: 'application/json', body: '{}', delayMs: 0, policy: 'spec' },
  } satisfies InboundRecord;
};

const request = record('in-5', '/ocm/notifications', 'notifications', {
  notificationType: 'REQUEST_SHARE',
  senderDomain: '127.0.0.1:8081',
  resourceType: 'file',
  notification: {
    message: 'Carol asks for a share',
    file: {
      owner: 'alice@127.0.0.1:8080',
      shareWith: 'carol@127.0.0.1:8081',
      shareId: 'http://127.0.0.1:8080/files/plan.md',
      permissions: ['read', 'write'],
    },
  },
});
const legacyRequest = record('in-6', '/ocm/request-share', 'request-share', {
  owner: 'alice@127.0.0.1:8080',
  shareWith: 'dave@127.0.0.1:8082',
  share: 'abc123',
});

function backend(states: unknown[] = []) {
  const relayed: { url: string; payload: unknown }[] = [];
  const answers: string[] = [];
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
    if (url === '/api/inbox/info')
      return jsonResponse({
        endPoint: 'http://127.0.0.1:8080/ocm',
        recipients: [{ name: 'alice', address: 'alice@127.0.0.1:8080' }],
        policies: {},
      });
    if (url === '/api/demo') return jsonResponse({ enabled: false, peers: [] });
    if (url === '/api/inbox/shares') return jsonResponse({ shares: states });
    if (url === '/api/inbox/in-5/answer') {
      answers.push(JSON.parse(String(init?.body)).type);
      const event = { recordId: 'in-5', type: 'SHARE_DECLINED', at: '2026-11-27T12:00:00Z', by: 'console' };
      const entry = {
        side: 'request',
        key: 'in-5',
        status: 'declined',
        events: [{ ...event, outcome: 'applied', status: 'declined' }],
      };
      states = [entry];
      return jsonResponse(entry);
    }
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
      const sent = JSON.parse(String(init?.body)) as { url: string; body: { data: string } };
      relayed.push({ url: sent.url, payload: JSON.parse(sent.body.data) });
      return jsonResponse({
        exchange: {
          id: 'x1',
          startedAt: '2026-11-27T12:00:00.000Z',
          request: {
            method: 'POST',
            url: sent.url,
            headers: [],
            body: { encoding: 'utf8', data: sent.body.data, size: 1, truncated: false },
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

async function open(records: InboundRecord[], id: string) {
  renderApp(`/inbox?id=${id}`);
  await screen.findByText('http://127.0.0.1:8080/ocm');
  const source = FakeEventSource.instances.at(-1)!;
  act(() => {
    source.open();
    source.emit('reset', { records, total: records.length });
  });
}

describe('acting on a received request for a share', () => {
  it('“Share it” opens Compose with a share to the requester, of the resource asked for', async () => {
    backend();
    await open([request], 'in-5');
    const actions = await screen.findByRole('region', { name: 'Share request actions' });
    expect(actions).toHaveTextContent('carol@127.0.0.1:8081 asks alice@127.0.0.1:8080 to share');
    const href = within(actions).getByRole('link', { name: 'Share it' }).getAttribute('href')!;
    const query = new URLSearchParams(href.split('?')[1]);
    expect(href.startsWith('/compose?')).toBe(true);
    expect(Object.fromEntries(query)).toEqual({
      kind: 'share',
      to: 'carol@127.0.0.1:8081',
      name: 'plan.md',
      permissions: 'read,write',
      from: 'alice',
      request: 'in-5',
    });
  });

  it('a request answered by the console’s own share names that share and its own state', async () => {
    const event = { recordId: 'in-5', type: 'Share Creation Notification', at: '2026-11-27T12:00:00Z' };
    backend([
      {
        side: 'request',
        key: 'in-5',
        status: 'accepted',
        answeredBy: 'c-1',
        events: [{ ...event, by: 'console', outcome: 'applied', status: 'accepted' }],
      },
      {
        side: 'sent',
        key: 'c-1',
        providerId: 'c-1',
        how: 'console',
        to: 'carol@127.0.0.1:8081',
        name: 'plan.md',
        sentAt: '2026-11-27T12:00:00Z',
        status: 'accepted',
        events: [],
      },
    ]);
    await open([request], 'in-5');
    const actions = await screen.findByRole('region', { name: 'Share request actions' });
    const answered = await within(actions).findByLabelText('Answered by');
    expect(answered).toHaveTextContent(
      'Shared by a share from this console (plan.md to carol@127.0.0.1:8081), providerId c-1: the requester can exchange its code at the console and read it.',
    );
    expect(answered).toHaveTextContent(/That share's own state:\s*accepted/);
  });

  it('a request to view is answered with the web app', async () => {
    backend();
    const viewing = record('in-7', '/ocm/notifications', 'notifications', {
      notificationType: 'REQUEST_SHARE',
      senderDomain: '127.0.0.1:8081',
      resourceType: 'file',
      notification: {
        file: {
          owner: 'alice@127.0.0.1:8080',
          shareWith: 'carol@127.0.0.1:8081',
          shareId: 'plan',
          permissions: ['view'],
        },
      },
    });
    await open([viewing], 'in-7');
    const actions = await screen.findByRole('region', { name: 'Share request actions' });
    const href = within(actions).getByRole('link', { name: 'Share it' }).getAttribute('href')!;
    expect(new URLSearchParams(href.split('?')[1]).get('protocol')).toBe('webapp');
  });

  it('Decline sends SHARE_DECLINED to the requester’s server and shows the request as declined', async () => {
    const { relayed, answers } = backend();
    const user = userEvent.setup();
    await open([request], 'in-5');
    const actions = await screen.findByRole('region', { name: 'Share request actions' });
    await user.click(within(actions).getByRole('button', { name: 'Decline' }));
    expect(await within(actions).findByText('declined')).toBeInTheDocument();
    expect(within(actions).getByRole('status')).toHaveTextContent(
      'SHARE_DECLINED sent to the requester: it answered 201',
    );
    expect(relayed).toEqual([
      {
        url: 'http://127.0.0.1:8081/ocm/notifications',
        payload: {
          notificationType: 'SHARE_DECLINED',
          senderDomain: window.location.host,
          resourceType: 'file',
          notification: {
            file: {
              owner: 'alice@127.0.0.1:8080',
              shareWith: 'carol@127.0.0.1:8081',
              shareId: 'http://127.0.0.1:8080/files/plan.md',
            },
          },
        },
      },
    ]);
    expect(answers).toEqual(['SHARE_DECLINED']);
  });

  it('a -05/-06 /request-share can be shared, not declined: the page says why', async () => {
    backend();
    await open([legacyRequest], 'in-6');
    const actions = await screen.findByRole('region', { name: 'Share request actions' });
    expect(within(actions).getByRole('button', { name: 'Decline' })).toBeDisabled();
    expect(actions).toHaveTextContent('Drafts -05/-06 define no answer that declines a /request-share');
    expect(within(actions).getByRole('link', { name: 'Share it' })).toHaveAttribute(
      'href',
      '/compose?kind=share&to=dave%40127.0.0.1%3A8082&name=abc123&permissions=read&from=alice&request=in-6',
    );
  });
});

describe('a notification linked to its share', () => {
  it('shows the share it named, and the share shows the notification', async () => {
    const share = record('in-1', '/ocm/shares', 'shares', {
      shareWith: 'alice@127.0.0.1:8080',
      name: 'minutes.txt',
      providerId: 'p-42',
      owner: 'carol@127.0.0.1:8081',
      sender: 'carol@127.0.0.1:8081',
      shareType: 'user',
      resourceType: 'file',
      protocol: { name: 'multi', webdav: { uri: 'p-42', sharedSecret: 'c', requirements: ['must-exchange-token'] } },
    });
    const unshare = record('in-2', '/ocm/notifications', 'notifications', {
      notificationType: 'SHARE_UNSHARED',
      senderDomain: '127.0.0.1:8081',
      resourceType: 'file',
      notification: { file: { providerId: 'p-42' } },
    });
    const event = {
      recordId: 'in-2',
      type: 'SHARE_UNSHARED',
      at: '2026-11-27T11:00:00Z',
      by: 'peer',
      outcome: 'applied',
      status: 'unshared',
    };
    backend([
      { side: 'received', key: 'in-1', providerId: 'p-42', name: 'minutes.txt', status: 'unshared', events: [event] },
    ]);
    const user = userEvent.setup();
    await open([unshare, share], 'in-2');
    const linked = await screen.findByRole('region', { name: 'Linked share' });
    expect(linked).toHaveTextContent('About a share the console received (minutes.txt), providerId p-42');
    expect(within(linked).getByText('unshared')).toBeInTheDocument();
    await user.click(within(linked).getByRole('link', { name: 'in-1' }));
    const actions = await screen.findByRole('region', { name: 'Share actions' });
    expect(within(actions).getByText('unshared')).toBeInTheDocument();
    expect(within(actions).getByRole('list', { name: 'What happened to it' })).toHaveTextContent('SHARE_UNSHARED');
    expect(within(actions).getByRole('button', { name: 'Accept' })).toBeDisabled();
  });

  it('a SHARE_ACCEPTED about a share sent by hand from Compose names it as such', async () => {
    const accepted = record('in-3', '/ocm/notifications', 'notifications', {
      notificationType: 'SHARE_ACCEPTED',
      senderDomain: '127.0.0.1:8081',
      resourceType: 'file',
      notification: { file: { providerId: 'h-1' } },
    });
    const event = {
      recordId: 'in-3',
      type: 'SHARE_ACCEPTED',
      at: '2026-11-27T11:00:00Z',
      by: 'peer',
      outcome: 'applied',
      status: 'accepted',
    };
    backend([
      {
        side: 'sent',
        key: 'h-1',
        providerId: 'h-1',
        how: 'hand',
        to: 'carol@127.0.0.1:8081',
        name: 'by-hand.txt',
        sentAt: '2026-11-27T10:59:00Z',
        status: 'accepted',
        events: [event],
      },
    ]);
    await open([accepted], 'in-3');
    const linked = await screen.findByRole('region', { name: 'Linked share' });
    expect(linked).toHaveTextContent(
      'About a share sent by hand from Compose to carol@127.0.0.1:8081 (by-hand.txt), providerId h-1',
    );
    expect(within(linked).getByText('accepted')).toBeInTheDocument();
  });
});
