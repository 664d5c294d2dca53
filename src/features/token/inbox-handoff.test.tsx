import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeNetwork, healthResponse, jsonResponse, renderApp } from '../../testing/render.tsx';

beforeAll(() => import('./route.tsx'), 30_000);

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A share as alpha sends one, received by the console and kept in its inbox. */
function shareRecord(id: string, protocol: object) {
  const body = {
    shareWith: 'alice@127.0.0.1:8080',
    name: 'Team board',
    providerId: `p-${id}`,
    owner: 'carol@127.0.0.1:8081',
    sender: 'carol@127.0.0.1:8081',
    shareType: 'user',
    resourceType: 'file',
    protocol,
  };
  const data = JSON.stringify(body);
  return {
    id,
    seq: 1,
    receivedAt: '2026-12-07T10:00:00.000Z',
    remoteAddress: '127.0.0.1',
    method: 'POST',
    target: '/ocm/shares',
    endpoint: 'shares',
    headers: [['content-type', 'application/json']],
    body: { encoding: 'utf8', data, size: data.length, truncated: false },
    stage: 'done',
    problems: [],
  };
}

function inbox(records: object[]) {
  fakeNetwork((url) => {
    if (url === '/api/health') return healthResponse();
    if (url.startsWith('/api/inbox') && !url.startsWith('/api/inbox/info'))
      return jsonResponse({ records, total: records.length });
    return new Response('{}', { status: 404 });
  });
}

describe('the Token page opened from the Inbox ("Exchange the code")', () => {
  it('reads a web-app share as a web app: the box is ticked, so the token is not used for a PROPFIND', async () => {
    inbox([
      shareRecord('r-webapp', {
        name: 'multi',
        webapp: { uri: 'http://127.0.0.1:8081/apps/board', sharedSecret: 'code-1', viewMode: 'read' },
      }),
    ]);
    renderApp('/token?share=r-webapp');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /code/i })).toHaveValue('code-1'));
    expect(screen.getByRole('checkbox', { name: /The uri is a web app/ })).toBeChecked();
    expect(screen.getByRole('link', { name: 'Open in the webapp lab' })).toBeInTheDocument();
  });

  it('reads a file share as WebDAV: the box stays unticked', async () => {
    inbox([
      shareRecord('r-file', {
        name: 'multi',
        webdav: { uri: 'http://127.0.0.1:8081/webdav/spec.pdf', sharedSecret: 'code-2', permissions: ['read'] },
      }),
    ]);
    renderApp('/token?share=r-file');
    await waitFor(() => expect(screen.getByRole('textbox', { name: /code/i })).toHaveValue('code-2'));
    expect(screen.getByRole('checkbox', { name: /The uri is a web app/ })).not.toBeChecked();
  });
});
