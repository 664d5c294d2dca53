import { describe, expect, it } from 'vitest';
import { formatDuration } from './format.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59, '59s'],
    [60, '1m 0s'],
    [303, '5m 3s'],
    [7620, '2h 7m'],
    [3 * 86400 + 4 * 3600 + 59, '3d 4h'],
    [-5, '0s'],
  ])('%i seconds reads %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
