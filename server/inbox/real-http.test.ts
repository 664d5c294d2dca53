import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';
import { InboxStore } from './store.ts';

// A real server on 127.0.0.1 with its own data folder: the inbox as peers and browsers meet it.
const dir = mkdtempSync(join(tmpdir(), 'ocm-inbox-http-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const dataDir = join(dir, 'data');
// One client sends everything here: its limits are raised so that every call is answered and kept.
const limits = { inboundRateLimit: 10_000, inboxPeerMaxBytes: 64 * 1024 * 1024 };
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir, demo: false, ...limits }),
);
/** The inbox as a restart reads it back. */
const reopened = () => new InboxStore({ dir: dataDir, maxPeerBytes: limits.inboxPeerMaxBytes });
afterAll(() => running.close());
const { port } = new URL(running.url);

const share = (n: number) =>
  JSON.stringify({
    shareWith: 'alice@127.0.0.1',
    name: `f${n}.txt`,
    providerId: `${n}`,
    owner: 'b@x',
    sender: 'b@x',
    shareType: 'user',
    resourceType: 'file',
    protocol: { name: 'multi', webdav: { uri: 'u' } },
  });
const post = (path: string, body: string | Uint8Array, contentType = 'application/json') =>
  fetch(`${running.url}${path}`, { method: 'POST', body, headers: { 'content-type': contentType } });

/** Sends bytes over a raw socket (to announce more than is sent, or close early). Resolves with the response text, if any. */
function rawSend(payload: string, endEarly: boolean): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', () => resolve(received));
    socket.write(payload, () => {
      if (endEarly) socket.end();
    });
    setTimeout(() => socket.destroy(), 3_000);
  });
}

/** Reads SSE events from /api/events until `count` events arrived (or time ran out). */
async function readEvents(count: number, lastEventId?: string) {
  const controller = new AbortController();
  const res = await fetch(`${running.url}/api/events`, {
    headers: lastEventId ? { 'last-event-id': lastEventId } : {},
    signal: controller.signal,
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { id?: string; event?: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + 5_000;
  while (events.length < count && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((l) => !l.startsWith(':'))
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trimStart()]),
      );
      if (fields.data !== undefined) events.push(fields as { id?: string; event?: string; data: string });
    }
  }
  controller.abort();
  return { events, read: () => reader, close: () => controller.abort() };
}

describe('the inbox over real HTTP', () => {
  it('pushes received calls over SSE and replays exactly what a reconnecting browser missed', async () => {
    const first = readEvents(3);
    await new Promise((r) => setTimeout(r, 200));
    await post('/ocm/shares', share(1));
    const { events } = await first;
    expect(events.map((e) => e.event)).toEqual(['reset', 'inbound', 'inbound']);
    expect(JSON.parse(events[2]!.data)).toMatchObject({ stage: 'done', endpoint: 'shares' });
    const lastSeen = events[2]!.id!;

    // While the browser is away, two more calls arrive.
    await post('/ocm/shares', share(2));
    await post('/ocm/notifications', '{"notificationType":"SHARE_ACCEPTED"}');
    const again = await readEvents(4, lastSeen);
    expect(again.events.map((e) => JSON.parse(e.data).stage + ':' + JSON.parse(e.data).endpoint)).toEqual([
      'received:shares',
      'done:shares',
      'received:notifications',
      'done:notifications',
    ]);

    // A Last-Event-ID from another run of the server gets a fresh start.
    const stale = await readEvents(1, 'deadbeef:12');
    expect(stale.events[0]!.event).toBe('reset');
    expect(JSON.parse(stale.events[0]!.data).records.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a truncated body with what arrived and says it ended early', async () => {
    await rawSend(
      `POST /ocm/shares HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"shareWith":"alice@`,
      true,
    );
    await new Promise((r) => setTimeout(r, 300));
    const record = reopened().list(1)[0]!;
    expect(record.body.data).toBe('{"shareWith":"alice@');
    expect(record.problems.join(' ')).toMatch(/ended early|arrived/);
  });

  it('refuses a 10 MB body with 413 but records the call and its size', async () => {
    const res = await post('/ocm/shares', new Uint8Array(10 * 1024 * 1024).fill(0x20));
    expect(res.status).toBe(413);
    const record = reopened().list(1)[0]!;
    expect(record.body.size).toBe(10 * 1024 * 1024);
    expect(record.body.truncated).toBe(true);
    expect(record.problems[0]).toMatch(/Body too large/);
  });

  it('survives 1,000 malformed calls, recording every one with its error', async () => {
    const before = reopened().lastSeq;
    const kinds = [
      () => post('/ocm/shares', 'not json at all'),
      () => post('/ocm/notifications', '{"unterminated": ', 'application/json'),
      () => post('/ocm/shares', share(3), 'text/html'),
      () => post('/ocm/invite-accepted', new Uint8Array([0xc3, 0x28, 0xa0, 0xa1])),
      () =>
        fetch(`${running.url}/ocm/shares`, {
          method: 'POST',
          body: share(4),
          headers: {
            'content-type': 'application/json',
            signature: 'sig1=:broken',
            'signature-input': 'sig1=("@method";created=x',
          },
        }),
      () => post('/ocm/token', '%%%=&&&', 'application/x-www-form-urlencoded'),
      () => post('/ocm/shares', JSON.stringify({ a: 'x'.repeat(300_000) })),
      () => post('/ocm/shares', '['.repeat(10_000)),
      () => post('/ocm/../../etc/passwd', '{}'),
      () => rawSend(`POST /ocm/shares HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 50\r\n\r\n{"a":`, true),
    ];
    const total = 1_000;
    for (let i = 0; i < total; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => kinds[(i + j) % kinds.length]!().catch(() => undefined)));
    }
    await new Promise((r) => setTimeout(r, 500));
    const health = await fetch(`${running.url}/api/health`);
    expect(health.status).toBe(200);
    const live = { records: [] as { seq: number }[] };
    // The list comes in pages (newest first): read them all.
    for (let before = '', pages = 0; pages < 100; pages++) {
      const page = (await (await fetch(`${running.url}/api/inbox?limit=1000${before}`)).json()) as {
        records: { seq: number }[];
        next?: number;
      };
      live.records.push(...page.records);
      if (page.next === undefined) break;
      before = `&before=${page.next}`;
    }
    const store = reopened();
    const received = store.since(before);
    // The server's own list and what a restart reads back from disk agree.
    expect(live.records.filter((r) => r.seq > before).length).toBe(received.length);
    // Paths like /ocm/../../x are normalised by the client to /etc/passwd and never reach /ocm: 100 of them.
    expect(received.length).toBe(total - 100);
    expect(received.every((r) => r.stage === 'done' && r.response !== undefined)).toBe(true);
    // Each one carries what was wrong with it: a reading problem, a 4xx answer, or a signature that did not pass.
    const flagged = (r: (typeof received)[number]) =>
      r.problems.length > 0 ||
      r.response!.status >= 400 ||
      r.verification?.status === 'failed' ||
      r.verification?.status === 'unchecked';
    expect(received.filter((r) => !flagged(r))).toEqual([]);
  }, 120_000);
});
