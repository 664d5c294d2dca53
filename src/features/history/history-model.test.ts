import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../storage/history-store.ts';
import { filterRecords, NO_FILTER, rowsByDay, shownUrl } from './history-model.ts';

function rec(
  id: string,
  opts: {
    url: string;
    status: number;
    page?: string;
    savedAt: string;
    signed?: boolean;
    body?: string;
    pinned?: boolean;
  },
): HistoryRecord {
  return {
    format: 2,
    id,
    savedAt: opts.savedAt,
    exchange: {
      id,
      startedAt: opts.savedAt,
      request: {
        method: 'POST',
        url: opts.url,
        headers: [],
        ...(opts.body ? { body: { encoding: 'utf8', data: opts.body, size: opts.body.length, truncated: false } } : {}),
      },
      response: {
        status: opts.status,
        statusText: '',
        headers: [],
        body: { encoding: 'utf8', data: '', size: 0, truncated: false },
      },
      timing: { dns: null, connect: null, tls: null, firstByte: null, total: 1 },
      signing: opts.signed ? { profile: 'rfc9421', keyid: 'k', signatureBase: '', added: [] } : null,
      insecureTls: false,
      notes: [],
    },
    source: { page: (opts.page ?? 'compose') as 'compose', kind: 'share' },
    findings: { request: [], response: [] },
    pinned: opts.pinned ?? false,
  };
}

const records = [
  rec('c', {
    url: 'https://b.example/ocm/token?access_token=abc',
    status: 401,
    page: 'token',
    savedAt: '2026-11-27T09:00:00Z',
  }),
  rec('b', {
    url: 'https://a.example/ocm/shares',
    status: 201,
    savedAt: '2026-11-26T12:00:00Z',
    signed: true,
    body: '{"name":"Report.pdf"}',
  }),
  rec('a', { url: 'https://a.example/ocm/notifications', status: 500, savedAt: '2026-11-26T08:00:00Z', pinned: true }),
];

describe('history filters', () => {
  it('filters by host, page, status class and signing, and searches URL, status and bodies', () => {
    const ids = (f: Partial<typeof NO_FILTER>) => filterRecords(records, { ...NO_FILTER, ...f }).map((r) => r.id);
    expect(ids({ host: 'a.example' })).toEqual(['b', 'a']);
    expect(ids({ page: 'token' })).toEqual(['c']);
    expect(ids({ status: '5xx' })).toEqual(['a']);
    expect(ids({ signed: 'signed' })).toEqual(['b']);
    expect(ids({ signed: 'unsigned' })).toEqual(['c', 'a']);
    expect(ids({ search: 'report.PDF' })).toEqual(['b']);
    expect(ids({ search: '401' })).toEqual(['c']);
    expect(ids({ search: 'a.example shares' })).toEqual(['b']);
  });

  it('groups by day, newest first, with pinned records on top', () => {
    expect(rowsByDay(records).map((r) => (r.type === 'day' ? r.day : r.record.id))).toEqual([
      'Pinned',
      'a',
      '2026-11-27',
      'c',
      '2026-11-26',
      'b',
    ]);
  });

  it('masks a token in the URL it shows', () => {
    expect(shownUrl(records[0]!)).not.toContain('abc');
  });
});
