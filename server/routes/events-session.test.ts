import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SessionStore } from '../guard/access.ts';
import { startPublicConsole } from '../testing/public-console.ts';

// A public console over real HTTP: a browser's event stream lives as long as the session it was opened with.
const TOKEN = 'events-Rq8Zt3Wx6Lm1Vk4Pc9Hn';
const running = await startPublicConsole(TOKEN);
afterAll(() => running.close());

async function signIn(): Promise<string> {
  const res = await fetch(`${running.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: TOKEN }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Opens /api/events and waits for its first event; `ended` resolves true when the server closes the stream. */
async function openStream(headers: Record<string, string>) {
  const res = await fetch(`${running.url}/api/events`, { headers, signal: AbortSignal.timeout(4_000) });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  expect(text).toMatch(/^event: reset/m);
  const ended = (async () => {
    for (;;) {
      const { done } = await reader.read();
      if (done) return true;
    }
  })();
  return { ended, cancel: () => reader.cancel().catch(() => undefined) };
}

describe('the event stream ends with its session', () => {
  it('ends an open stream when its browser signs out', async () => {
    const cookie = await signIn();
    const stream = await openStream({ cookie });
    const out = await fetch(`${running.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie, origin: running.url },
    });
    expect(out.status).toBe(200);
    await expect(stream.ended).resolves.toBe(true);
  });
});

describe('SessionStore.watch', () => {
  afterEach(() => vi.useRealTimers());

  it('tells a watcher when the session expires, and one that watches an ended session at once', () => {
    vi.useFakeTimers();
    const sessions = new SessionStore(60_000);
    const { id } = sessions.start();
    const ended = vi.fn();
    sessions.watch(id, ended);
    vi.advanceTimersByTime(59_999);
    expect(ended).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(sessions.isValid(id)).toBe(false);
    const late = vi.fn();
    sessions.watch(id, late);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('stops telling a watcher that stopped watching', () => {
    const sessions = new SessionStore();
    const { id } = sessions.start();
    const ended = vi.fn();
    sessions.watch(id, ended)();
    sessions.end(id);
    expect(ended).not.toHaveBeenCalled();
  });
});
