import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'undici';

export interface ChildServer {
  url: string;
  dataDir?: string;
  demo?: string[];
  child: ChildProcess;
  rss(): Promise<number>;
  stop(): void;
}

/** Starts bench/servers.ts in its own process (`--upstream` or the console) and waits for its address. */
export function startServer(args: string[] = []): Promise<ChildServer> {
  const child = fork(new URL('./servers.ts', import.meta.url), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (m) => {
      const info = m as Omit<ChildServer, 'child' | 'rss' | 'stop'>;
      resolve({
        ...info,
        child,
        ...(info.demo ? { demo: info.demo } : {}),
        rss: () =>
          new Promise((done) => {
            child.once('message', (r) => done((r as { rss: number }).rss));
            child.send('rss');
          }),
        stop: () => child.kill(),
      });
    });
  });
}

export const keepAlive = new Agent({ connections: 64, pipelining: 1 });

export async function send(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<number> {
  const res = await request(url, {
    method: (init.method ?? 'GET') as 'GET',
    headers: init.headers,
    body: init.body,
    dispatcher: keepAlive,
  });
  await res.body.arrayBuffer();
  return res.statusCode;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Latencies (ms) of `count` requests one after another. */
export async function latencies(count: number, op: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await op();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

/** Completed operations per second with `concurrency` in flight, for about `seconds`. */
export async function throughput(seconds: number, concurrency: number, op: () => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await op();
        done++;
      }
    }),
  );
  return done / seconds;
}
