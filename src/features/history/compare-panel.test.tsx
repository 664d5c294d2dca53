import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import draftExample from '../../protocol/__fixtures__/directory-draft-example.json';
import { es256Jws } from '../../protocol/__fixtures__/jws.ts';
import type { HistoryRecord } from '../../storage/history-store.ts';
import { ComparePanel } from './compare-panel.tsx';

function fetched(id: string, body: string): HistoryRecord {
  return {
    format: 2,
    id,
    savedAt: '2026-11-27T10:00:00Z',
    exchange: {
      id,
      startedAt: '2026-11-27T10:00:00Z',
      request: { method: 'GET', url: 'https://directory.example.org/federation', headers: [] },
      response: {
        status: 200,
        statusText: 'OK',
        headers: [['Content-Type', 'application/jose']],
        body: { encoding: 'utf8', data: body, size: body.length, truncated: false },
      },
      timing: { dns: null, connect: null, tls: null, firstByte: null, total: 1 },
      signing: null,
      insecureTls: false,
      notes: [],
    },
    source: { page: 'import' },
    findings: { request: [], response: [] },
    pinned: false,
  };
}

describe('History: comparing two Directory Service documents', () => {
  it('lists the servers added, removed and renamed, read through the JWS', () => {
    const servers = draftExample.payload.servers;
    const before = es256Jws({ federation: 'The ScienceMesh Directory', servers: servers.slice(0, 2) }).compact;
    const after = JSON.stringify({
      ...draftExample,
      payload: { ...draftExample.payload, servers: [{ ...servers[0]!, displayName: 'OCM One' }, servers[2]!] },
    });
    render(
      <ComparePanel
        first={fetched('a', before)}
        second={fetched('b', after)}
        includeSecrets={false}
        onClose={() => undefined}
      />,
    );
    const diff = screen.getByRole('region', { name: 'Directory servers' });
    const lines = within(diff)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual([
      'added http://192.168.1.1:8080 (OCM Server 3)',
      'removed https://ocm-server.example.com:4443 (OCM Server 2)',
      'renamed https://ocm-server.example.org: "OCM Server 1" → "OCM One"',
    ]);
    expect(diff).toHaveTextContent('0 unchanged. Read from the JWS payloads, not verified here.');
  });

  it('shows no directory section for other bodies', () => {
    render(
      <ComparePanel
        first={fetched('a', '{"enabled": true}')}
        second={fetched('b', '{"enabled": false}')}
        includeSecrets={false}
        onClose={() => undefined}
      />,
    );
    expect(screen.queryByRole('region', { name: 'Directory servers' })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Response body' })).toHaveTextContent('/enabled');
  });
});
