import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange.ts';
import { replayRequest } from './replay.ts';

const base: Exchange = {
  id: 'e',
  startedAt: '2026-11-27T00:00:00Z',
  request: {
    method: 'POST',
    url: 'http://127.0.0.1:8081/ocm/shares',
    headers: [
      ['Host', '127.0.0.1:8081'],
      ['Content-Type', 'application/json'],
      ['Content-Length', '2'],
      ['Content-Digest', 'sha-256=:x:'],
      ['Signature-Input', 'sig1=();created=1'],
      ['Signature', 'sig1=:y:'],
    ],
    body: { encoding: 'utf8', data: '{}', size: 2, truncated: false },
  },
  response: {
    status: 201,
    statusText: '',
    headers: [],
    body: { encoding: 'utf8', data: '', size: 0, truncated: false },
  },
  timing: { dns: null, connect: null, tls: null, firstByte: null, total: 1 },
  signing: {
    profile: 'rfc9421',
    keyid: 'k',
    signatureBase: '',
    added: [
      ['Content-Digest', 'sha-256=:x:'],
      ['Signature-Input', 'sig1=();created=1'],
      ['Signature', 'sig1=:y:'],
    ],
  },
  insecureTls: false,
  notes: [],
};

describe('replaying an exchange', () => {
  it('makes a deliberate fault again, so a negative test replays as one; without it only when asked', () => {
    const faulty: Exchange = { ...base, signing: { ...base.signing!, fault: 'stale-created' } };
    expect(replayRequest(faulty)).toMatchObject({ sign: 'ocm', fault: 'stale-created' });
    expect(replayRequest(faulty, { withoutFault: true })).not.toHaveProperty('fault');
  });

  it('re-signs a signed request: the old signature headers go, the profile stays', () => {
    expect(replayRequest(base)).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:8081/ocm/shares',
      headers: [['Content-Type', 'application/json']],
      body: { encoding: 'utf8', data: '{}' },
      sign: 'ocm',
    });
  });

  it('sends an unsigned request as it was, cavage as cavage, and keeps an accepted bad certificate', () => {
    const unsigned = replayRequest({ ...base, signing: null, insecureTls: true });
    expect(unsigned.sign).toBe('none');
    expect(unsigned.insecureTls).toBe(true);
    expect(unsigned.headers).toContainEqual(['Signature', 'sig1=:y:']);
    expect(replayRequest({ ...base, signing: { ...base.signing!, profile: 'cavage' } }).sign).toBe('cavage');
  });
});
