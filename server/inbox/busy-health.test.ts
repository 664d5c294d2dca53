import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../testing/child-server.ts';
import { hostileShare } from '../testing/hostile-share.ts';

// The console in its own process, so the health latency measured here is the server's, not the test's.
let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
}, 60_000);
afterAll(() => server?.stop());

async function healthMs(): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${server.url}/api/health`);
  await res.arrayBuffer();
  expect(res.status).toBe(200);
  return performance.now() - started;
}

describe('a hostile share with 61,000 unknown keys', () => {
  it('is linted without freezing the console: /api/health keeps answering while it is handled', async () => {
    const body = hostileShare(61_000);
    expect(body.length).toBeLessThanOrEqual(1024 * 1024);
    // The first such call in a fresh process also pays for compiling its code and growing the heap (about
    // twice as long); what is measured is the steady cost, on the call that follows it.
    await healthMs();
    const first = await fetch(`${server.url}/ocm/shares`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    await first.arrayBuffer();

    let settled = false;
    const hostile = fetch(`${server.url}/ocm/shares`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    }).then(async (res) => {
      const text = await res.text();
      settled = true;
      return { status: res.status, text };
    });
    const latencies: number[] = [];
    for (let i = 0; i < 500 && !settled; i++) latencies.push(await healthMs());
    const answer = await hostile;

    expect(latencies.length).toBeGreaterThan(0);
    // Before, one such call held /api/health for 11–29 s. The 200 ms target is a timing, measured by
    // `npm run bench -- hostile` on a quiet machine; here, among other test files on a busy one, a bound that
    // only a frozen event loop misses.
    expect(Math.max(...latencies)).toBeLessThan(2_000);
    // The call itself was handled: the peer gets the spec's answer, the inbox keeps a bounded list of findings.
    expect(answer.status).toBeLessThan(500);
    // Lists cut bodies and findings; the record itself is read whole by its id.
    const inbox = (await (await fetch(`${server.url}/api/inbox`)).json()) as {
      records: { id: string; body: { size: number } }[];
    };
    const hostileRecords = inbox.records.filter((r) => r.body.size === body.length);
    expect(hostileRecords).toHaveLength(2);
    const kept = (await (await fetch(`${server.url}/api/inbox/${hostileRecords[0]!.id}`)).json()) as {
      findings?: { code: string; message: string }[];
    };
    const unknown = kept.findings!.filter((f) => f.code === 'fields.unknown');
    expect(unknown.length).toBe(51);
    expect(unknown.map((f) => f.message).join('\n')).toMatch(/and 60950 more/);
  }, 60_000);
});
