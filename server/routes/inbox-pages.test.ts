import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { inboundListSchema, inboundRecordSchema, type InboundRecord } from '../../src/contract/inbound.ts';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// A real console on 127.0.0.1 whose inbox one peer has filled with 1 MiB calls after another peer's few.
const dir = mkdtempSync(join(tmpdir(), 'ocm-inbox-pages-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data'), demo: false }),
);
afterAll(() => running.close());

// Two peers: one at 127.0.0.2 sends 60 small calls, then one at 127.0.0.3 sends 12 of 1 MiB.
const from = (localAddress: string) => {
  const dispatcher = new Agent({ localAddress });
  afterAll(() => dispatcher.close());
  return (body: string) =>
    undiciFetch(`${running.url}/ocm/shares`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      dispatcher,
    });
};
const small = from('127.0.0.2');
for (let i = 0; i < 60; i++) await small(JSON.stringify({ shareWith: 'alice@127.0.0.1', name: `small-${i}` }));
const big = JSON.stringify({ shareWith: 'alice@127.0.0.1', name: 'x'.repeat(1024 * 1024 - 100) });
const flood = from('127.0.0.3');
for (let i = 0; i < 12; i++) await flood(big);

/** The first event a new /api/events client is sent, and its size in bytes. */
async function firstEvent(): Promise<{ event: string; data: string; bytes: number }> {
  const controller = new AbortController();
  const res = await fetch(`${running.url}/api/events`, { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 10_000;
  while (!text.includes('\n\n') && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  const block = text.slice(0, text.indexOf('\n\n'));
  const field = (name: string) =>
    block
      .split('\n')
      .filter((l) => l.startsWith(`${name}:`))
      .map((l) => l.slice(name.length + 1).trimStart())
      .join('\n');
  return { event: field('event'), data: field('data'), bytes: new TextEncoder().encode(block).length };
}

describe('the inbox list and the event stream, paged', () => {
  it('sends a new /api/events client only the newest page, with large bodies cut', async () => {
    const first = await firstEvent();
    expect(first.event).toBe('reset');
    expect(first.bytes).toBeLessThan(300 * 1024);
    const reset = JSON.parse(first.data) as { records: InboundRecord[]; total: number; next?: number };
    expect(reset.total).toBeGreaterThan(reset.records.length);
    expect(reset.next).toBe(reset.records.at(-1)!.seq);
    const newest = inboundRecordSchema.parse(reset.records[0]);
    expect(newest).toMatchObject({ abridged: true, body: { size: big.length, truncated: false } });
    expect(newest.body.data).toBe(big.slice(0, 8 * 1024));
  });

  it('pages /api/inbox with limit and before, newest first, each record once', async () => {
    const seen: InboundRecord[] = [];
    let url = `${running.url}/api/inbox?limit=4`;
    for (let pages = 0; pages < 20; pages++) {
      const page = inboundListSchema.parse(await (await fetch(url)).json());
      expect(page.records.length).toBeLessThanOrEqual(4);
      seen.push(...page.records);
      if (page.next === undefined) break;
      url = `${running.url}/api/inbox?limit=4&before=${page.next}`;
    }
    const seqs = seen.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);
    const { total } = inboundListSchema.parse(await (await fetch(`${running.url}/api/inbox?limit=1`)).json());
    expect(seqs).toHaveLength(total);
    // The other peer's 60 records are all there, below the flood's newest.
    expect(seen.filter((r) => r.body.data.includes('small-'))).toHaveLength(60);
    expect((await fetch(`${running.url}/api/inbox?before=soon`)).status).toBe(400);
  });

  it('gives a listed record whole at /api/inbox/<id>', async () => {
    const [newest] = inboundListSchema.parse(await (await fetch(`${running.url}/api/inbox?limit=1`)).json()).records;
    const whole = inboundRecordSchema.parse(await (await fetch(`${running.url}/api/inbox/${newest!.id}`)).json());
    expect(whole.body.data).toBe(big);
    expect(whole.abridged).toBeUndefined();
  });
});
