import { describe, expect, it } from 'vitest';
import { describeDuration, judgeDateHeader, judgeSignatureTimes, parseHttpDate } from './freshness.ts';

// RFC 9110 §5.6.7 gives one instant in its three forms: Sun, 06 Nov 1994 08:49:37 GMT = Unix 784111777.
const RFC9110_INSTANT = 784111777;

describe('HTTP dates (RFC 9110 §5.6.7)', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', 'IMF-fixdate'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', 'obsolete RFC 850 format'],
    ['Sun Nov  6 08:49:37 1994', "ANSI C's asctime() format"],
  ])('reads %s (%s)', (text) => {
    expect(parseHttpDate(text)).toBe(RFC9110_INSTANT);
  });

  it.each(['wrong date', '1994-11-06T08:49:37Z', '784111777', 'Sun, 06 Nov 1994 08:49:37 +0000', ''])(
    'refuses %j, which is not an HTTP date',
    (text) => {
      expect(parseHttpDate(text)).toBeUndefined();
    },
  );
});

describe('durations in words', () => {
  it.each([
    [0, '0 s'],
    [45, '45 s'],
    [725, '12 min 5 s'],
    [183600, '2 d 3 h'],
    [86400, '1 d'],
    [365 * 86400 + 12 * 86400 + 5, '1 y 12 d'],
    [-90, '1 min 30 s'],
  ])('%i s reads "%s"', (seconds, words) => {
    expect(describeDuration(seconds)).toBe(words);
  });
});

describe('freshness of created and expires', () => {
  const window = { maxAgeSeconds: 300, clockSkewSeconds: 60 };
  it('stays quiet inside the window and at its edges', () => {
    expect(judgeSignatureTimes({ created: 1000 }, 1300, window)).toEqual([]);
    expect(judgeSignatureTimes({ created: 1060 }, 1000, window)).toEqual([]);
    expect(judgeSignatureTimes({ created: 1000, expires: 1300 }, 1300, window)).toEqual([]);
  });

  it('names an old created with its age and the window', () => {
    const [finding] = judgeSignatureTimes({ created: 1000 }, 1000 + 2 * 86400 + 3 * 3600, window);
    expect(finding).toMatchObject({ code: 'created-too-old', where: 'created', ageSeconds: 183600 });
    expect(finding!.message).toContain('is 2 d 3 h before the verification time; the window is 300 s');
  });

  it('names a created past the allowed skew, and an expired signature', () => {
    expect(judgeSignatureTimes({ created: 1061 }, 1000, window).map((f) => f.code)).toEqual(['created-in-future']);
    expect(judgeSignatureTimes({ created: 900, expires: 950 }, 1000, window).map((f) => f.code)).toEqual(['expired']);
  });
});

describe('freshness of a draft-cavage Date', () => {
  it('judges the Date against the verification time', () => {
    expect(judgeDateHeader('Sun, 06 Nov 1994 08:49:37 GMT', RFC9110_INSTANT + 299)).toEqual([]);
    expect(judgeDateHeader('Sun, 06 Nov 1994 08:49:37 GMT', RFC9110_INSTANT + 301)[0]).toMatchObject({
      code: 'date-too-old',
      ageSeconds: 301,
    });
    expect(judgeDateHeader('Sun, 06 Nov 1994 08:49:37 GMT', RFC9110_INSTANT - 61)[0]?.code).toBe('date-in-future');
  });

  it('refuses a Date that is not an HTTP date', () => {
    expect(judgeDateHeader('wrong date', RFC9110_INSTANT)).toEqual([
      expect.objectContaining({ code: 'date-unparsable', where: 'date' }),
    ]);
  });
});
