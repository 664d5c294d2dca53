import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InboundRecord } from '../../src/contract/inbound.ts';
import { InboxStore } from './store.ts';

const arrived = (target: string): Omit<InboundRecord, 'id' | 'seq'> => ({
  receivedAt: '2026-11-22T10:00:00.000Z',
  remoteAddress: '127.0.0.1',
  method: 'POST',
  target,
  endpoint: 'shares',
  headers: [['Content-Type', 'application/json']],
  body: { encoding: 'utf8', data: '{}', size: 2, truncated: false },
  stage: 'received',
  problems: [],
});

describe('inbox store', () => {
  it('keeps records across a restart, the processed version of each winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    const first = new InboxStore({ dir });
    const a = first.add(arrived('/ocm/shares'));
    first.update({ ...a, stage: 'done', problems: ['checked'] });
    first.add(arrived('/ocm/notifications'));

    const again = new InboxStore({ dir });
    expect(again.size).toBe(2);
    expect(again.get(a.id)).toMatchObject({ stage: 'done', problems: ['checked'] });
    expect(again.add(arrived('/ocm/x')).seq).toBe(3);
  });

  it('skips a corrupted line on load instead of losing the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    const store = new InboxStore({ dir });
    store.add(arrived('/ocm/shares'));
    appendFileSync(join(dir, 'inbox.jsonl'), '{"half a rec\n');
    store.add(arrived('/ocm/shares'));
    const again = new InboxStore({ dir });
    expect(again.size).toBe(2);
    expect(again.skippedOnLoad).toBe(1);
  });

  it('rotates the file when it grows past its limit, keeping one older file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    const store = new InboxStore({ dir, maxFileBytes: 2_000 });
    for (let i = 0; i < 30; i++) store.add(arrived(`/ocm/shares?n=${i}`));
    expect(existsSync(join(dir, 'inbox.1.jsonl'))).toBe(true);
    expect(readFileSync(join(dir, 'inbox.jsonl'), 'utf8').length).toBeLessThanOrEqual(2_000);
    const again = new InboxStore({ dir, maxFileBytes: 2_000 });
    // The newest records survive; the oldest rotation was dropped.
    expect(again.list(1)[0]!.target).toBe('/ocm/shares?n=29');
    expect(again.size).toBeLessThan(30);
  });

  it('bounds what it keeps in memory, newest first', () => {
    const store = new InboxStore({ maxRecords: 3 });
    for (let i = 1; i <= 5; i++) store.add(arrived(`/ocm/${i}`));
    expect(store.list().map((r) => r.target)).toEqual(['/ocm/5', '/ocm/4', '/ocm/3']);
    expect(store.since(3).map((r) => r.seq)).toEqual([4, 5]);
  });

  it('clears memory and disk on request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    const store = new InboxStore({ dir });
    store.add(arrived('/ocm/shares'));
    store.clear();
    expect(store.size).toBe(0);
    expect(new InboxStore({ dir }).size).toBe(0);
  });
});

describe('inbox store memory bound', () => {
  it('drops the oldest records when their bodies pass the memory budget', () => {
    const store = new InboxStore({ maxMemoryBytes: 50_000 });
    const big = (n: number) => ({
      ...arrived(`/ocm/${n}`),
      body: { encoding: 'utf8' as const, data: 'x'.repeat(20_000), size: 20_000, truncated: false },
    });
    for (let i = 1; i <= 4; i++) store.add(big(i));
    expect(store.list().map((r) => r.target)).toEqual(['/ocm/4', '/ocm/3']);
  });
});
