import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../storage/history-store.ts';
import { exchangeLink, sharedFromHash } from './shared-link.ts';

const record: HistoryRecord = {
  format: 2,
  id: 'r1',
  savedAt: '2026-11-27T10:00:00Z',
  exchange: {
    id: 'r1',
    startedAt: '2026-11-27T10:00:00Z',
    request: {
      method: 'POST',
      url: 'https://a.example/ocm/token',
      headers: [['Signature', 'sig1=:secret-sig:']],
      body: {
        encoding: 'utf8',
        data: 'grant_type=authorization_code&client_id=b&code=the-code',
        size: 55,
        truncated: false,
      },
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [],
      body: { encoding: 'utf8', data: '{"access_token":"tok"}', size: 22, truncated: false },
    },
    timing: { dns: null, connect: null, tls: null, firstByte: null, total: 4 },
    signing: null,
    insecureTls: false,
    notes: [],
  },
  source: { page: 'token', kind: 'token-request' },
  findings: { request: [], response: [] },
  pinned: false,
};

describe('a link to one exchange', () => {
  it('carries the exchange redacted in the fragment, and reads back', () => {
    const link = exchangeLink('http://127.0.0.1:8080', record);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8080\/history#exchange=[\w-]+$/);
    const shared = sharedFromHash(new URL(link).hash);
    if (!shared || 'broken' in shared) throw new Error('not read');
    expect(shared.kind).toBe('token-request');
    expect(shared.exchange.request.url).toBe('https://a.example/ocm/token');
    const text = JSON.stringify(shared);
    for (const secret of ['secret-sig', 'the-code', '"tok"']) expect(text).not.toContain(secret);
  });

  it('says when a link is damaged, and is quiet when there is none', () => {
    expect(sharedFromHash('')).toBeUndefined();
    expect(sharedFromHash('#exchange=%%%')).toEqual({ broken: 'the link is cut or damaged' });
    const link = exchangeLink('http://x', record);
    expect(sharedFromHash(new URL(link).hash.slice(0, 40))).toMatchObject({ broken: expect.any(String) });
  });
});
