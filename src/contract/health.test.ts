import { describe, expect, it } from 'vitest';
import { parseHealthResponse } from './health.ts';

describe('health response', () => {
  const good = {
    name: 'ocm-explorer',
    version: '0.1.0',
    status: 'ok',
    mode: 'local',
    startedAt: '2026-11-22T00:00:00Z',
    uptimeSeconds: 5,
  };
  it('accepts what the server sends', () => expect(parseHealthResponse(good)).toEqual(good));
  it.each([
    [null, 'not an object'],
    [{ ...good, version: 1 }, 'version is not a string'],
    [{ ...good, status: 'down' }, 'status is not "ok"'],
    [{ ...good, mode: 'shared' }, 'mode is neither local nor public'],
    [{ ...good, uptimeSeconds: -1 }, 'uptimeSeconds is not a whole number of seconds'],
  ])('names what is wrong with %j', (value, message) => expect(parseHealthResponse(value)).toBe(message));
});
