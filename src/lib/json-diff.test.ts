import { describe, expect, it } from 'vitest';
import { headerRows, jsonDiff } from './json-diff.ts';

describe('jsonDiff', () => {
  it('names the fields that differ, not the ones that moved', () => {
    const before = { name: 'a.txt', protocol: { name: 'multi', webdav: { permissions: ['read'] } }, owner: 'x' };
    const after = {
      owner: 'x',
      name: 'b.txt',
      protocol: { name: 'multi', webdav: { permissions: ['read', 'write'] } },
      expiration: 5,
    };
    expect(jsonDiff(before, after)).toEqual([
      { path: '/name', change: 'changed', before: 'a.txt', after: 'b.txt' },
      { path: '/protocol/webdav/permissions/1', change: 'added', after: 'write' },
      { path: '/expiration', change: 'added', after: 5 },
    ]);
  });

  it('reports removals, type changes, escaped keys, and nothing for equal values', () => {
    expect(jsonDiff({ 'a/b': 1, gone: true }, { 'a/b': '1' })).toEqual([
      { path: '/a~1b', change: 'changed', before: 1, after: '1' },
      { path: '/gone', change: 'removed', before: true },
    ]);
    expect(jsonDiff({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
    expect(jsonDiff(1, 2)).toEqual([{ path: '/', change: 'changed', before: 1, after: 2 }]);
  });
});

describe('headerRows', () => {
  it('lines headers up by name, case-insensitively, and marks the ones that differ', () => {
    expect(
      headerRows(
        [
          ['Content-Type', 'application/json'],
          ['Signature', 'a'],
        ],
        [
          ['content-type', 'application/json'],
          ['Signature', 'b'],
          ['Date', 'd'],
        ],
      ),
    ).toEqual([
      { name: 'content-type', a: 'application/json', b: 'application/json', same: true },
      { name: 'signature', a: 'a', b: 'b', same: false },
      { name: 'date', a: undefined, b: 'd', same: false },
    ]);
  });
});
