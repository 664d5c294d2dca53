import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium } from '../scripts/find-chromium.mjs';
import { percentile, startServer } from './load.ts';
import { report } from './report.ts';

// In a real Chromium: the History page with 10,000 records in IndexedDB. First render (navigation to the
// newest rows and the count on screen) and a search over all records once they are read (typing to the
// filtered count), 5 runs each.
const RECORDS = 10_000;
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const executablePath = await findChromium();
if (!executablePath) {
  console.log('No Chromium: skipped (install it with apt-get install -y chromium).');
  process.exit(0);
}
const server = await startServer(['--real-dist']);
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/history`);
  await page.getByRole('status', { name: 'History count' }).waitFor();
  // Written straight into the page's database, in the console's own record format.
  await page.evaluate(async (count) => {
    // The bench is typed for Node; these are the few IndexedDB shapes it uses in the page.
    interface Tx {
      objectStore(name: string): { put(value: unknown): void };
      oncomplete: (() => void) | null;
    }
    interface Db {
      transaction(store: string, mode: 'readwrite'): Tx;
      close(): void;
    }
    interface OpenRequest {
      result: Db;
      error: unknown;
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
    }
    const { indexedDB } = globalThis as unknown as { indexedDB: { open(name: string, version: number): OpenRequest } };
    const db = await new Promise<Db>((resolve, reject) => {
      const open = indexedDB.open('ocm-explorer-history', 2);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('records', 'readwrite');
    const start = Date.parse('2026-11-01T00:00:00Z');
    for (let i = 0; i < count; i++) {
      const at = new Date(start + i * 60_000).toISOString();
      const url = `https://cloud${i % 50}.example.org/ocm/${i % 3 ? 'shares' : 'notifications'}`;
      tx.objectStore('records').put({
        format: 2,
        id: `bench-${i}`,
        savedAt: at,
        exchange: {
          id: `bench-${i}`,
          startedAt: at,
          request: {
            method: 'POST',
            url,
            headers: [['Content-Type', 'application/json']],
            body: { encoding: 'utf8', data: `{"name":"file-${i}.txt"}`, size: 20, truncated: false },
          },
          response: {
            status: i % 7 ? 201 : 400,
            statusText: '',
            headers: [],
            body: { encoding: 'utf8', data: '', size: 0, truncated: false },
          },
          timing: { dns: null, connect: 1, tls: null, firstByte: 2, total: 3 },
          signing: null,
          insecureTls: false,
          notes: [],
        },
        source: { page: 'compose', kind: 'share' },
        findings: { request: [], response: [] },
        pinned: false,
      });
    }
    await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
    db.close();
  }, RECORDS);

  const count = page.getByRole('status', { name: 'History count' });
  const renders: number[] = [];
  const searches: number[] = [];
  for (let run = 0; run < 6; run++) {
    const t0 = Date.now();
    await page.goto(`${server.url}/history`);
    await count.filter({ hasText: `${RECORDS} exchanges` }).waitFor();
    await page.getByRole('list', { name: 'History' }).getByRole('listitem').first().waitFor();
    if (run > 0) renders.push(Date.now() - t0); // the first warms the lazy chunks
    // The newest records come first; a search runs over all of them once they are read.
    await count.filter({ hasText: new RegExp(`^${RECORDS} exchanges$`) }).waitFor();
    const t1 = Date.now();
    await page.getByRole('textbox', { name: 'Search history' }).fill(`file-${1234 + run}.txt`);
    await count.filter({ hasText: `1 of ${RECORDS} exchanges` }).waitFor();
    if (run > 0) searches.push(Date.now() - t1);
  }
  renders.sort((a, b) => a - b);
  searches.sort((a, b) => a - b);
  report({
    name: `history: first render of ${RECORDS} records, p50`,
    value: percentile(renders, 50),
    unit: 'ms',
    target: { max: 300 },
    detail: `max ${renders.at(-1)} ms, navigation to rows on screen`,
  });
  report({
    name: `history: search ${RECORDS} records, p50`,
    value: percentile(searches, 50),
    unit: 'ms',
    target: { max: 100 },
    detail: `max ${searches.at(-1)} ms, typing to the filtered count`,
  });
} finally {
  await browser.close();
  server.stop();
}
