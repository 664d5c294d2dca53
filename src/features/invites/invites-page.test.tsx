import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../contract/exchange.ts';
import type { SentInviteView } from '../../contract/invites.ts';
import { encodeInviteString } from '../../protocol/index.ts';
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

const invite: SentInviteView = {
  token: '6f1c2d3e-aaaa-bbbb-cccc-000000000001',
  user: 'alice',
  createdAt: '2026-11-27T12:00:00.000Z',
  expiresAt: '2099-01-01T00:00:00.000Z',
  state: 'open',
  inviteString: encodeInviteString('6f1c2d3e-aaaa-bbbb-cccc-000000000001', '127.0.0.1:8080'),
  link: 'http://127.0.0.1:8080/wayf?token=6f1c2d3e-aaaa-bbbb-cccc-000000000001',
};

const alphaDiscovery = {
  enabled: true,
  apiVersion: '1.5.0',
  endPoint: 'http://127.0.0.1:8081/ocm',
  provider: 'Alpha',
  resourceTypes: [{ name: 'file', shareTypes: ['user'], protocols: { webdav: '/webdav/' } }],
  capabilities: ['http-sig', 'invites'],
  inviteAcceptDialog: '/invites/accept',
};

function exchange(status: number, body: string, requestBody: string): Exchange {
  return {
    id: 'x1',
    startedAt: '2026-11-27T12:00:00.000Z',
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:8081/ocm/invite-accepted',
      headers: [['Content-Type', 'application/json']],
      body: { encoding: 'utf8', data: requestBody, size: requestBody.length, truncated: false },
    },
    response: {
      status,
      statusText: '',
      headers: [['Content-Type', 'application/json']],
      body: { encoding: 'utf8', data: body, size: body.length, truncated: false },
    },
    timing: { dns: null, connect: 1, tls: null, firstByte: 2, total: 3 },
    signing: null,
    insecureTls: false,
    notes: [],
  } as Exchange;
}

function backend(answer = { status: 200, body: '{"userID":"carol","email":"carol@alpha.example","name":"Carol"}' }) {
  const sent: { url: string; body: unknown }[] = [];
  let invites: SentInviteView[] = [];
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
    if (url === '/api/invites' && init?.method === 'POST') {
      sent.push({ url, body: JSON.parse(String(init.body)) });
      invites = [invite];
      return jsonResponse(invite, 201);
    }
    if (url === '/api/invites') return jsonResponse({ invites, users: ['alice', 'bob'] });
    if (url.startsWith('/api/discover?'))
      return jsonResponse({
        target: '127.0.0.1:8081',
        base: 'http://127.0.0.1:8081',
        wellKnown: { url: 'http://127.0.0.1:8081/.well-known/ocm' },
        legacy: null,
        answeredBy: 'well-known',
        document: alphaDiscovery,
        detected: null,
        findings: [],
      });
    if (url === '/api/relay') {
      const request = JSON.parse(String(init?.body)) as { url: string; sign: string; body: { data: string } };
      sent.push({ url: request.url, body: { sign: request.sign, ...JSON.parse(request.body.data) } });
      return jsonResponse({ exchange: exchange(answer.status, answer.body, request.body.data) });
    }
    return new Response('{}', { status: 404 });
  });
  return sent;
}

describe('Invites page', () => {
  it('creates an invite for the chosen user and hands out its string, link and QR code', async () => {
    const sent = backend();
    const user = userEvent.setup();
    renderApp('/invites');
    await screen.findByRole('option', { name: 'bob' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Invite from' }), 'bob');
    await user.click(screen.getByRole('button', { name: 'Create invite' }));
    expect(sent[0]).toEqual({ url: '/api/invites', body: { user: 'bob' } });
    const card = await screen.findByRole('region', { name: 'Invite to hand out' });
    // The console user is the one who invites (the WAYF page says "<user>@<console> invites you").
    expect(within(card).getByRole('heading', { level: 3 })).toHaveTextContent(`Invite from ${invite.user}`);
    expect(within(card).getByLabelText('Invite string')).toHaveTextContent(invite.inviteString);
    expect(within(card).getByLabelText('Invite link')).toHaveTextContent(invite.link);
    expect(within(card).getByRole('img', { name: `QR code of ${invite.link}` })).toBeInTheDocument();
    const list = screen.getByRole('region', { name: 'Invites created here' });
    expect(within(list).getByText('open')).toBeInTheDocument();
  });

  it('names what is wrong with a pasted string that is not an invite', async () => {
    backend();
    const user = userEvent.setup();
    renderApp('/invites');
    await user.type(await screen.findByLabelText('Invite string or link'), 'not*an*invite');
    expect(await screen.findByText(/not base64url: "\*" at position 4/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept invite' })).not.toBeInTheDocument();
  });

  it('reads a pasted invite, checks the provider, accepts it signed and explains the 200', async () => {
    const sent = backend();
    const user = userEvent.setup();
    renderApp('/invites');
    const pasted = btoa('tok-77@127.0.0.1:8081');
    await user.click(await screen.findByLabelText('Invite string or link'));
    await user.paste(pasted);
    const what = await screen.findByRole('region', { name: 'What the invite says' });
    expect(within(what).getByText('tok-77')).toBeInTheDocument();
    expect(within(what).getByText('127.0.0.1:8081')).toBeInTheDocument();
    expect(await within(what).findByText('advertises invites')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Accept invite' }));
    const answer = await screen.findByRole('status', { name: 'Answer' });
    expect(answer).toHaveTextContent('Accepted');
    expect(answer).toHaveTextContent('name "Carol"');
    expect(screen.getByRole('region', { name: 'Answer findings' })).toHaveTextContent('No findings.');
    expect(sent.at(-1)).toMatchObject({
      url: 'http://127.0.0.1:8081/ocm/invite-accepted',
      body: { sign: 'ocm', token: 'tok-77', userID: 'alice', recipientProvider: window.location.host },
    });
  });

  it('checks a 200 answer as the invite acceptance response: the Nextcloud "userId" is named', async () => {
    backend({ status: 200, body: '{"userId":"carol","email":"carol@alpha.example","name":"Carol"}' });
    const user = userEvent.setup();
    renderApp('/invites/accept?token=tok-9&providerDomain=127.0.0.1%3A8081');
    await screen.findByText('advertises invites');
    await user.click(screen.getByRole('button', { name: 'Accept invite' }));
    const findings = await screen.findByRole('region', { name: 'Answer findings' });
    expect(within(findings).getByRole('list', { name: 'error findings' })).toHaveTextContent(
      'The field is spelled "userId" (the Nextcloud spelling); the draft names it "userID"',
    );
    expect(within(findings).getByText('/userId')).toBeInTheDocument();
  });

  it('says what an accept link without providerDomain lacks', async () => {
    backend({ status: 200, body: '{}' });
    renderApp('/invites/accept?token=tok-9');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This accept link carries a token but no providerDomain (the inviting provider)',
    );
  });

  it('explains a 409 answer', async () => {
    backend({ status: 409, body: '{"message":"INVITE_ALREADY_ACCEPTED"}' });
    const user = userEvent.setup();
    renderApp('/invites/accept?token=tok-9&providerDomain=127.0.0.1%3A8081');
    // Arriving from another provider's invite link, the page says why it opened and what to do.
    expect(await screen.findByRole('note')).toHaveTextContent(
      'You came here from an invite link: someone at 127.0.0.1:8081 invites you to share',
    );
    expect(await screen.findByRole('region', { name: 'What the invite says' })).toHaveTextContent('tok-9');
    await screen.findByText('advertises invites');
    await user.click(screen.getByRole('button', { name: 'Accept invite' }));
    expect(await screen.findByRole('status', { name: 'Answer' })).toHaveTextContent('409: already accepted');
    // An error answer is not judged as the acceptance response.
    expect(screen.queryByRole('region', { name: 'Answer findings' })).not.toBeInTheDocument();
  });
});
