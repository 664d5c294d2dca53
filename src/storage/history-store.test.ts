import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../contract/exchange.ts';
import {
  explainStorageError,
  HISTORY_DB_NAME,
  HistoryStore,
  migrateRecord,
  type HistoryRecord,
} from './history-store.ts';

const exchange = (url: string, startedAt: string): Exchange => ({
  id: `x-${url}`,
  startedAt,
  request: { method: 'GET', url, headers: [['Host', new URL(url).host]] },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [],
    body: { encoding: 'utf8', data: '{}', size: 2, truncated: false },
  },
  timing: { dns: null, connect: 1, tls: null, firstByte: 2, total: 3 },
  signing: null,
  insecureTls: false,
  notes: [],
});

const record = (id: string, savedAt: string, pinned = false): HistoryRecord => ({
  format: 2,
  id,
  savedAt,
  exchange: exchange(`https://a.example/${id}`, savedAt),
  source: { page: 'compose', kind: 'share' },
  findings: { request: [], response: [] },
  pinned,
});

let opened: HistoryStore | undefined;
afterEach(async () => {
  opened?.close();
  opened = undefined;
  indexedDB.deleteDatabase(HISTORY_DB_NAME);
});

describe('history store', () => {
  it('opens a database written by version 1 with nothing lost, and keeps what it cannot read', async () => {
    const v1 = await openDB(HISTORY_DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('exchanges', { keyPath: 'id' });
      },
    });
    await v1.put('exchanges', {
      id: 'a',
      savedAt: '2026-11-01T10:00:00Z',
      page: 'compose',
      exchange: exchange('https://a.example/1', '2026-11-01T10:00:00Z'),
    });
    await v1.put('exchanges', {
      id: 'b',
      savedAt: '2026-11-02T10:00:00Z',
      page: 'token',
      exchange: exchange('https://b.example/2', '2026-11-02T10:00:00Z'),
    });
    await v1.put('exchanges', { id: 'c', savedAt: '2026-11-03T10:00:00Z', page: 'discover' });
    v1.close();

    opened = await HistoryStore.open();
    const { records, unreadable } = await opened.list();
    expect(records.map((r) => [r.id, r.source.page, r.exchange.request.url])).toEqual([
      ['b', 'token', 'https://b.example/2'],
      ['a', 'compose', 'https://a.example/1'],
    ]);
    expect(records[0]).toMatchObject({ format: 2, pinned: false, findings: { request: [], response: [] } });
    expect(unreadable).toBe(1);
    opened.close();

    // The unreadable record is still there, in the old store.
    const raw = await openDB(HISTORY_DB_NAME, 2);
    expect(await raw.getAll('exchanges')).toEqual([expect.objectContaining({ id: 'c' })]);
    raw.close();
  });

  it('lists newest first; clearing keeps pinned records and hands back the rest for undo', async () => {
    opened = await HistoryStore.open();
    await opened.putMany([
      record('1', '2026-11-01T00:00:00Z'),
      record('2', '2026-11-03T00:00:00Z', true),
      record('3', '2026-11-02T00:00:00Z'),
    ]);
    expect((await opened.list()).records.map((r) => r.id)).toEqual(['2', '3', '1']);
    const removed = await opened.clear();
    expect(removed.map((r) => r.id).sort()).toEqual(['1', '3']);
    expect((await opened.list()).records.map((r) => r.id)).toEqual(['2']);
    await opened.putMany(removed);
    expect((await opened.list()).records.map((r) => r.id)).toEqual(['2', '3', '1']);
  });

  it('reads the newest records first, with the total, for a quick first screen', async () => {
    opened = await HistoryStore.open();
    await opened.putMany(
      Array.from({ length: 30 }, (_, i) => record(`r${i}`, new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString())),
    );
    const { records, total } = await opened.recent(5);
    expect(records.map((r) => r.id)).toEqual(['r29', 'r28', 'r27', 'r26', 'r25']);
    expect(total).toBe(30);
    expect((await opened.recent(100)).records).toHaveLength(30);
  });

  it('counts a record written by a newer console instead of showing half of it', async () => {
    opened = await HistoryStore.open();
    await opened.put({ ...record('n', '2026-11-05T00:00:00Z'), format: 3 as 2 });
    await opened.put(record('o', '2026-11-04T00:00:00Z'));
    const { records, unreadable } = await opened.list();
    expect(records.map((r) => r.id)).toEqual(['o']);
    expect(unreadable).toBe(1);
    expect(migrateRecord({ id: 'n', format: 3, exchange: exchange('https://a.example/', 'x') })).toEqual({
      unreadable: 'record n is format 3, written by a newer console',
    });
  });

  it('lists each stored record that does not read, with its key and why, even one not in the time index', async () => {
    opened = await HistoryStore.open();
    await opened.putMany([
      record('ok', '2026-11-04T00:00:00Z'),
      { ...record('no-time', '2026-11-04T00:00:00Z'), savedAt: undefined as unknown as string },
      { ...record('bad', '2026-11-05T00:00:00Z'), pinned: 'yes' as unknown as boolean },
    ]);
    const { records, broken, unreadable } = await opened.list();
    expect(records.map((r) => r.id)).toEqual(['ok']);
    expect(broken).toEqual([
      {
        key: 'bad',
        savedAt: '2026-11-05T00:00:00Z',
        problem: 'record bad: pinned: expected boolean, got a string',
        request: { method: 'GET', url: 'https://a.example/bad' },
      },
      {
        key: 'no-time',
        problem: 'record no-time: savedAt: expected string, got nothing',
        request: { method: 'GET', url: 'https://a.example/no-time' },
      },
    ]);
    expect(unreadable).toBe(2);
    await opened.delete(broken.map((b) => b.key));
    expect(await opened.list()).toEqual({
      records: [expect.objectContaining({ id: 'ok' })],
      unreadable: 0,
      broken: [],
    });
  });

  it('explains a full quota and an unavailable IndexedDB in words a user can act on', () => {
    expect(explainStorageError(new DOMException('full', 'QuotaExceededError'))).toMatchObject({
      kind: 'quota',
      message: expect.stringMatching(/storage for this console is full/),
    });
    expect(explainStorageError(new Error('indexedDB is not defined'))).toMatchObject({
      kind: 'unavailable',
      message: expect.stringMatching(/Private windows/),
    });
  });
});
