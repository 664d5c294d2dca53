import { describe, expect, it } from 'vitest';
import { paths, readComposeFill } from './paths.ts';

describe('a share handed to Compose in the URL', () => {
  it('reads back what was written, an address with @ and : included', () => {
    const fill = {
      to: 'carol@127.0.0.1:8081',
      name: 'q3 plan.md',
      permissions: ['read', 'write'] as const,
      from: 'alice',
      request: 'in-5',
      protocol: 'webapp' as const,
    };
    const url = paths.compose({ ...fill, permissions: [...fill.permissions] });
    expect(readComposeFill(new URLSearchParams(url.split('?')[1]))).toEqual({
      ...fill,
      permissions: ['read', 'write'],
    });
  });

  it('keeps only permissions a share can carry, read when none is left; no address, no share', () => {
    expect(readComposeFill(new URLSearchParams('kind=share&to=a@b&permissions=delete'))).toEqual({
      to: 'a@b',
      name: 'shared.txt',
      permissions: ['read'],
    });
    expect(readComposeFill(new URLSearchParams('kind=share'))).toBeUndefined();
    expect(readComposeFill(new URLSearchParams('kind=notification&to=a@b'))).toBeUndefined();
  });
});
