import { describe, expect, it } from 'vitest';
import { upgrade, type StoredFormat } from './stored-format.ts';

/** A format at version 3: 1 → 2 renamed `who` to `owner`, 2 → 3 added `tags`. */
const format: StoredFormat = {
  current: 3,
  migrations: {
    1: ({ who, ...rest }) => ({ ...rest, owner: who }),
    2: (value) => ({ ...value, tags: [] }),
  },
};

describe('stored format versions', () => {
  it('reads a value without a version as version 1 and migrates it step by step', () => {
    expect(upgrade(format, { who: 'alice' })).toEqual({ ok: true, value: { owner: 'alice', tags: [] } });
    expect(upgrade(format, { version: 2, owner: 'bob' })).toEqual({
      ok: true,
      value: { version: 2, owner: 'bob', tags: [] },
    });
  });

  it('leaves a value of the current version as it is', () => {
    const value = { version: 3, owner: 'carol', tags: ['x'] };
    expect(upgrade(format, value)).toEqual({ ok: true, value });
  });

  it('refuses a version from a newer console, a version that is not one, and what is not an object', () => {
    expect(upgrade(format, { version: 4 })).toEqual({
      ok: false,
      error: 'written by a newer OCM Explorer (format version 4; this one reads up to 3)',
    });
    expect(upgrade(format, { version: '2' })).toEqual({
      ok: false,
      error: 'its version "2" is not a format version',
    });
    expect(upgrade(format, [1, 2])).toEqual({ ok: false, error: 'not a JSON object' });
    expect(upgrade({ current: 2, migrations: {} }, {})).toEqual({
      ok: false,
      error: 'no migration from format version 1',
    });
  });
});
