import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange.ts';
import { exchangesSentIn, type InteropReport, type InteropStep } from './interop.ts';

function exchange(id: string, method: string, url: string): Exchange {
  return {
    id,
    startedAt: '2026-11-27T12:00:00.000Z',
    request: { method, url, headers: [] },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [],
      body: { encoding: 'utf8', data: '', size: 0, truncated: false },
    },
    timing: { dns: null, connect: 1, tls: null, firstByte: 2, total: 3 },
    signing: null,
    insecureTls: false,
    notes: [],
  };
}

const step = (id: InteropStep['id'], ...exchanges: Exchange[]): InteropStep => ({
  id,
  title: id,
  grade: 'pass',
  seen: '',
  deviations: [],
  evidence: exchanges.map((e) => ({ label: e.request.url, exchange: e })),
});

describe('the exchanges an interop run sent', () => {
  it('are the ones the console made, once each; what the peer sent the console is left out', () => {
    const wellKnown = exchange('d1', 'GET', 'https://peer.example/.well-known/ocm');
    const share = exchange('s1', 'POST', 'https://peer.example/ocm/shares');
    const token = exchange('t1', 'POST', 'https://peer.example/ocm/token');
    const theirShare = exchange('in-1', 'POST', 'http://127.0.0.1:8080/ocm/shares');
    const theirAcceptance = exchange('in-2', 'POST', 'http://127.0.0.1:8080/ocm/invite-accepted');
    const report: InteropReport = {
      target: 'peer.example',
      base: 'https://peer.example',
      startedAt: '2026-11-27T12:00:00.000Z',
      durationMs: 10,
      grade: 'pass',
      notes: [],
      steps: [
        step('discovery', wellKnown),
        step('check', wellKnown),
        step('share-sent', share),
        step('share-received', theirShare),
        step('token-exchange', token),
        step('invite-accepted-by-peer', theirAcceptance),
      ],
    };
    expect(exchangesSentIn(report).map((e) => e.id)).toEqual(['d1', 's1', 't1']);
  });
});
