import { describe, expect, it } from 'vitest';
import { sayOnce } from './say-once.ts';

describe('saying a problem once', () => {
  const dns = 'nowhere.invalid could not be resolved (ENOTFOUND).';

  it('drops a sentence repeated by a second attempt that failed the same way', () => {
    expect(sayOnce(dns, dns)).toBe(dns);
    expect(sayOnce(`${dns} ${dns}`)).toBe(dns);
  });
  it('keeps different sentences, in the order first said, and does not split inside a host name', () => {
    const a = 'https://p.example/.well-known/ocm answered 404.';
    const b = 'https://p.example/ocm-provider answered 500.';
    expect(sayOnce(a, b, a)).toBe(`${a} ${b}`);
  });
  it('leaves out missing and empty texts', () => {
    expect(sayOnce(undefined, '', '  ', dns)).toBe(dns);
    expect(sayOnce()).toBe('');
  });
});
