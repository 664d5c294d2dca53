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

  it('rewrites the file with the records it keeps once it holds twice their bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    const options = { dir, maxRecords: 5, compactAtBytes: 2_000 };
    const store = new InboxStore(options);
    for (let i = 0; i < 30; i++) store.add(arrived(`/ocm/shares?n=${i}`));
    const lines = () => readFileSync(join(dir, 'inbox.jsonl'), 'utf8').trim().split('\n');
    expect(lines().length).toBeLessThanOrEqual(10);
    expect(existsSync(join(dir, 'inbox.1.jsonl'))).toBe(false);
    const again = new InboxStore(options);
    expect(again.list().map((r) => r.target)).toEqual([25, 26, 27, 28, 29].reverse().map((n) => `/ocm/shares?n=${n}`));
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
    const store = new InboxStore({ maxBytes: 50_000 });
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

  it('keeps unreadable lines in inbox.unreadable.jsonl when a rewrite drops their file', () => {
    const dir = dataDirWith('inbox-broken-line.jsonl');
    const store = new InboxStore({ dir, maxRecords: 3, compactAtBytes: 1_000 });
    expect(store.unreadable?.file).toBe(join(dir, 'inbox.jsonl'));
    for (let i = 0; i < 30; i++) store.add(arrived(`/ocm/shares?n=${i}`));
    expect(store.unreadable).toMatchObject({ count: 2, file: join(dir, 'inbox.unreadable.jsonl') });
    expect(readFileSync(join(dir, 'inbox.unreadable.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(dir, 'inbox.jsonl'), 'utf8')).not.toContain('"target":"/ocm/sha\n');
  });

  it('reads the rotated file an earlier console left, and folds it into inbox.jsonl when it rewrites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    copyFileSync(fixture('inbox-format-1.jsonl'), join(dir, 'inbox.1.jsonl'));
    const options = { dir, maxRecords: 4, compactAtBytes: 1_000 };
    const store = new InboxStore(options);
    expect(store.list().map((r) => r.id)).toEqual(['in-2', 'in-1']);
    for (let i = 0; i < 2; i++) store.add({ ...arrived(`/ocm/shares?n=${i}`), remoteAddress: '198.51.100.7' });
    for (let i = 0; i < 20; i++) store.add({ ...arrived(`/ocm/x?n=${i}`), remoteAddress: '198.51.100.7' });
    expect(existsSync(join(dir, 'inbox.1.jsonl'))).toBe(false);
    // The fixture's records came from 127.0.0.1, the flood from another peer: theirs are kept.
    expect(new InboxStore(options).list().map((r) => r.id)).toEqual(['in-24', 'in-23', 'in-2', 'in-1']);
  });
});

describe('inbox store quotas per peer', () => {
  const from = (remoteAddress: string, target: string, bytes = 2) => ({
    ...arrived(target),
    remoteAddress,
    body: { encoding: 'utf8' as const, data: 'x'.repeat(bytes), size: bytes, truncated: false },
  });

  it('keeps every earlier record of another peer, in memory and after a restart, when one peer floods', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-'));
    // The attack (140 calls of 1 MiB against quotas of 8 MiB a peer, 64 MiB in all), scaled down eightfold.
    const quotas = { dir, maxPeerBytes: 1024 * 1024, maxBytes: 8 * 1024 * 1024 };
    const store = new InboxStore(quotas);
    const earlier = [1, 2, 3].map((n) => store.add(from('192.0.2.10', `/ocm/shares?n=${n}`)).id);
    for (let i = 0; i < 140; i++) store.add(from('203.0.113.66', `/ocm/shares?flood=${i}`, 128 * 1024));
    for (const kept of [store, new InboxStore(quotas)]) {
      expect(earlier.map((id) => kept.get(id)?.remoteAddress)).toEqual(['192.0.2.10', '192.0.2.10', '192.0.2.10']);
      const flood = kept.list(5_000).filter((r) => r.remoteAddress === '203.0.113.66');
      // The flooder keeps its newest records, within its quota.
      expect(flood.length).toBeGreaterThan(0);
      expect(flood.length).toBeLessThanOrEqual(8);
      expect(flood[0]!.target).toBe('/ocm/shares?flood=139');
    }
    // The file holds at most twice what is kept.
    expect(readFileSync(join(dir, 'inbox.jsonl')).length).toBeLessThanOrEqual(2 * 1024 * 1024 + 64 * 1024);
  });

  it('past the store limit, drops the oldest records of the peer holding most, never a peer’s only record', () => {
    const store = new InboxStore({ maxRecords: 6 });
    for (const peer of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) store.add(from(peer, `/ocm/${peer}`));
    store.add(from('192.0.2.4', '/ocm/a1'));
    store.add(from('192.0.2.4', '/ocm/a2'));
    for (let i = 0; i < 10; i++) store.add(from('198.51.100.9', `/ocm/flood-${i}`));
    expect(store.list().map((r) => r.target)).toEqual([
      '/ocm/flood-9',
      '/ocm/a2',
      '/ocm/a1',
      '/ocm/192.0.2.3',
      '/ocm/192.0.2.2',
      '/ocm/192.0.2.1',
    ]);
  });

  it('counts a verified signer as its own peer, whatever address it shares with others', () => {
    const store = new InboxStore({ maxPeerRecords: 2 });
    const signed = (n: number) => ({
      ...from('127.0.0.1', `/ocm/signed-${n}`),
      verification: { status: 'verified' as const, keyid: 'https://peer.example/ocm#k1', summary: 'ok' },
    });
    store.add(signed(1));
    for (let i = 0; i < 5; i++) store.add(from('127.0.0.1', `/ocm/unsigned-${i}`));
    store.add(signed(2));
    expect(store.list().map((r) => r.target)).toEqual([
      '/ocm/signed-2',
      '/ocm/unsigned-4',
      '/ocm/unsigned-3',
      '/ocm/signed-1',
    ]);
  });
});
