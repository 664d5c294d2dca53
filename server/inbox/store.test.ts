import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
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

  it('skips a corrupted line on load instead of losing the rest, and counts it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    const store = new InboxStore({ dir });
    store.add(arrived('/ocm/shares'));
    appendFileSync(join(dir, 'inbox.jsonl'), '{"half a rec\n');
    store.add(arrived('/ocm/shares'));
    const again = new InboxStore({ dir });
    expect(again.size).toBe(2);
    expect(again.unreadable).toMatchObject({ count: 1, file: join(dir, 'inbox.jsonl') });
    expect(again.unreadable?.firstError).toMatch(/^line 2 of inbox\.jsonl: not JSON/);
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

const fixture = (name: string) => join(import.meta.dirname, '__fixtures__', name);

/** A data folder whose inbox.jsonl is a copy of a fixture. */
function dataDirWith(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
  copyFileSync(fixture(name), join(dir, 'inbox.jsonl'));
  return dir;
}

describe('inbox files written by earlier consoles', () => {
  it('reads a file in the unversioned format (1), the later line of each record winning', () => {
    const store = new InboxStore({ dir: dataDirWith('inbox-format-1.jsonl') });
    expect(store.unreadable).toBeUndefined();
    expect(store.list().map((r) => [r.id, r.endpoint, r.stage, r.response?.status])).toEqual([
      ['in-2', 'notifications', 'done', 400],
      ['in-1', 'shares', 'done', 201],
    ]);
    expect(store.get('in-2')?.body).toEqual({ encoding: 'base64', data: '/w==', size: 1, truncated: false });
    expect(store.get('in-1')?.findings?.[0]?.code).toBe('share.sender-not-owner');
    expect(store.add(arrived('/ocm/shares')).seq).toBe(3);
  });

  it('writes the format version on new lines and reads old and new lines together', () => {
    const dir = dataDirWith('inbox-format-1.jsonl');
    new InboxStore({ dir }).add(arrived('/ocm/invite-accepted'));
    const last = readFileSync(join(dir, 'inbox.jsonl'), 'utf8').trim().split('\n').at(-1)!;
    expect(JSON.parse(last)).toMatchObject({ version: 1, id: 'in-3', target: '/ocm/invite-accepted' });
    const again = new InboxStore({ dir });
    expect(again.size).toBe(3);
    expect(again.get('in-3')).not.toHaveProperty('version');
  });

  it('counts a broken line and a line from a newer console, reports the first, and leaves the file as it was', () => {
    const dir = dataDirWith('inbox-broken-line.jsonl');
    const before = readFileSync(join(dir, 'inbox.jsonl'), 'utf8');
    const store = new InboxStore({ dir });
    expect(store.list().map((r) => r.id)).toEqual(['in-3', 'in-1']);
    expect(store.unreadable).toEqual({
      count: 2,
      file: join(dir, 'inbox.jsonl'),
      firstError: expect.stringMatching(/^line 2 of inbox\.jsonl: not JSON \(/),
    });
    store.add(arrived('/ocm/shares'));
    expect(readFileSync(join(dir, 'inbox.jsonl'), 'utf8').startsWith(before)).toBe(true);
  });

  it('says a line is from a newer console when its version is above the one it reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    const line = readFileSync(fixture('inbox-broken-line.jsonl'), 'utf8').trim().split('\n')[3]!;
    appendFileSync(join(dir, 'inbox.jsonl'), `${line}\n`);
    expect(new InboxStore({ dir }).unreadable?.firstError).toBe(
      'line 1 of inbox.jsonl: written by a newer OCM Explorer (format version 7; this one reads up to 1)',
    );
  });

  it('keeps unreadable lines in inbox.unreadable.jsonl when the inbox is cleared', () => {
    const dir = dataDirWith('inbox-broken-line.jsonl');
    const store = new InboxStore({ dir });
    store.clear();
    expect(store.size).toBe(0);
    const kept = readFileSync(join(dir, 'inbox.unreadable.jsonl'), 'utf8').trim().split('\n');
    expect(kept).toHaveLength(2);
    expect(kept[0]).toMatch(/"target":"\/ocm\/sha$/);
    expect(store.unreadable).toMatchObject({ count: 2, file: join(dir, 'inbox.unreadable.jsonl') });
    // Still counted after a restart: set aside is not forgotten.
    expect(new InboxStore({ dir }).unreadable).toEqual({
      count: 2,
      file: join(dir, 'inbox.unreadable.jsonl'),
      firstError: expect.stringMatching(/^line 1 of inbox\.unreadable\.jsonl: not JSON/),
    });
    expect(new InboxStore({ dir }).size).toBe(0);
  });

  it('keeps unreadable lines in inbox.unreadable.jsonl when rotation drops their file', () => {
    const dir = dataDirWith('inbox-broken-line.jsonl');
    const store = new InboxStore({ dir, maxFileBytes: 1_000 });
    store.add(arrived('/ocm/shares'));
    // The first rotation moves the file (bad lines included) to inbox.1.jsonl…
    expect(store.unreadable?.file).toBe(join(dir, 'inbox.1.jsonl'));
    expect(existsSync(join(dir, 'inbox.unreadable.jsonl'))).toBe(false);
    // …the next one would delete it: its bad lines are set aside first.
    for (let i = 0; i < 30; i++) store.add(arrived(`/ocm/shares?n=${i}`));
    expect(store.unreadable).toMatchObject({ count: 2, file: join(dir, 'inbox.unreadable.jsonl') });
    expect(readFileSync(join(dir, 'inbox.unreadable.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
