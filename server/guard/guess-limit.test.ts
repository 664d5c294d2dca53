import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { startPublicConsole } from '../testing/public-console.ts';

// A public console over real HTTP; each test calls from its own loopback address (127.0.0.0/8 is all loopback).
const TOKEN = 'guess-Wm4Tz8Qx2Lr6Vk9Pc3Hn';
const running = await startPublicConsole(TOKEN);
afterAll(() => running.close());
const { port } = new URL(running.url);

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

function call(
  from: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(port),
        localAddress: from,
        path,
        method: init.method ?? 'GET',
        headers: { ...init.headers, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const signIn = (token: string) => ({ method: 'POST', body: JSON.stringify({ token }) });

describe('wrong access tokens, however presented, are limited per address (real HTTP)', () => {
  it('answers 429 with Retry-After after 10 wrong bearer tokens, even to the right one, from that address only', async () => {
    const from = '127.0.0.11';
    for (let i = 0; i < 10; i++) expect((await call(from, '/api/keys', bearer(`guess-${i}`))).status).toBe(401);
    const limited = await call(from, '/api/keys', bearer('guess-10'));
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(limited.body).message).toMatch(/Too many wrong access tokens from this address/);
    // The right token waits too: otherwise the answer would still tell a right guess from a wrong one.
    expect((await call(from, '/api/keys', bearer(TOKEN))).status).toBe(429);
    expect((await call(from, '/api/session', signIn(TOKEN))).status).toBe(429);
    // Another address is not held back.
    expect((await call('127.0.0.12', '/api/keys', bearer(TOKEN))).status).toBe(200);
  });

  it('counts GET /api/session with a bearer token, the sign-in form and API bearer tokens against one budget', async () => {
    const from = '127.0.0.13';
    for (let i = 0; i < 4; i++) {
      const asked = await call(from, '/api/session', bearer(`probe-${i}`));
      expect(JSON.parse(asked.body)).toEqual({ required: true, signedIn: false });
    }
    for (let i = 0; i < 3; i++) expect((await call(from, '/api/session', signIn(`typed-${i}`))).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await call(from, '/api/inbox', bearer(`sent-${i}`))).status).toBe(401);
    const asked = await call(from, '/api/session', bearer('probe-again'));
    expect(asked.status).toBe(429);
    expect(asked.retryAfter).toBeDefined();
    expect((await call(from, '/api/session', signIn('typed-again'))).status).toBe(429);
  });

  it('does not count the right token, nor a call without one: a browser may sign in again and again', async () => {
    const from = '127.0.0.14';
    for (let i = 0; i < 12; i++) expect((await call(from, '/api/session', signIn(TOKEN))).status).toBe(200);
    for (let i = 0; i < 12; i++) expect((await call(from, '/api/keys', bearer(TOKEN))).status).toBe(200);
    for (let i = 0; i < 12; i++) expect((await call(from, '/api/keys')).status).toBe(401);
    expect((await call(from, '/api/keys', bearer('one-wrong-guess'))).status).toBe(401);
  });
});
