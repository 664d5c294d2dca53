import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShareStore } from './share-store.ts';

const fixture = join(import.meta.dirname, '__fixtures__', 'shares-format-1.json');

function dataDir(contents?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'shares-'));
  if (contents === undefined) copyFileSync(fixture, join(dir, 'shares.json'));
  else writeFileSync(join(dir, 'shares.json'), contents);
  return dir;
}

const input = {
  owner: 'alice@127.0.0.1:8080',
  shareWith: 'erin@peer',
  name: 'a.txt',
  content: 'a',
  mustExchangeToken: true,
  protocol: 'webdav',
} as const;

describe('the console share store on disk', () => {
  it('reads a shares.json in the unversioned format (1) and finds a share by its code', () => {
    const store = new ShareStore(dataDir());
    expect(store.unreadable).toBeUndefined();
    expect(store.list().map((s) => [s.name, s.shareWith, s.sentStatus])).toEqual([
      ['notes.md', 'dave@127.0.0.1:8082', null],
      ['minutes.txt', 'carol@127.0.0.1:8081', 201],
    ]);
    expect(store.byCode('q1w2e3r4t5y6u7i8o9p0AbCd')?.name).toBe('minutes.txt');
    // Format 2 says which protocol a share offers: every format-1 share was a WebDAV file.
    expect(store.list().map((s) => s.protocol)).toEqual(['webdav', 'webdav']);
  });

  it('writes the format version on save, and reads its own file back', () => {
    const dir = dataDir();
    const created = new ShareStore(dir).create(input);
    const written = JSON.parse(readFileSync(join(dir, 'shares.json'), 'utf8')) as {
      version: number;
      shares: unknown[];
    };
    expect(written.version).toBe(2);
    expect(written.shares).toHaveLength(3);
    const again = new ShareStore(dir);
    expect(again.get(created.id)).toEqual(created);
    expect(again.list()).toHaveLength(3);
  });

  it('counts a share it cannot read, reports it, and writes it back untouched', () => {
    const shares = JSON.parse(readFileSync(fixture, 'utf8')) as object[];
    const broken = { id: 'x', name: 42 };
    const dir = dataDir(JSON.stringify([shares[0], broken, shares[1]]));
    const store = new ShareStore(dir);
    expect(store.list()).toHaveLength(2);
    expect(store.unreadable).toEqual({
      count: 1,
      file: join(dir, 'shares.json'),
      firstError: expect.stringMatching(/^share 2: not of the expected shape \(/),
    });
    store.create(input);
    const written = JSON.parse(readFileSync(join(dir, 'shares.json'), 'utf8')) as { shares: unknown[] };
    expect(written.shares).toContainEqual(broken);
    expect(written.shares).toHaveLength(4);
  });

  it('never overwrites a file it cannot read at all: new shares stay in memory, and it says so', () => {
    for (const [text, why] of [
      ['[{"id": "half', /^the whole file: not JSON/],
      ['{"version": 3, "shares": []}', /^the whole file: written by a newer OCM Explorer \(format version 3/],
    ] as const) {
      const dir = dataDir(text);
      const store = new ShareStore(dir);
      const share = store.create(input);
      expect(store.get(share.id)).toBeDefined();
      expect(readFileSync(join(dir, 'shares.json'), 'utf8')).toBe(text);
      expect(store.unreadable).toMatchObject({ count: 1, file: join(dir, 'shares.json') });
      expect(store.unreadable?.firstError).toMatch(why);
      expect(store.unreadable?.firstError).toMatch(/new shares are kept in memory only/);
    }
  });
});
