// Started as child processes by the relay and inbox benchmarks, so no server shares an event loop
// with the load generator or with another server: `--upstream` is a 1 KB HTTP server, otherwise the
// console (standalone, no demo mesh unless `--demo`).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultServerConfig } from '../server/config.ts';
import { startServer } from '../server/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocm-bench-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
if (process.argv.includes('--upstream')) {
  const payload = Buffer.alloc(1024, 0x61);
  const upstream = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': payload.length }).end(payload),
  );
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  process.send?.({ url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
} else {
  // --real-dist serves the built console (for browser benchmarks); otherwise a stub page is enough.
  const staticDir = process.argv.includes('--real-dist') ? 'dist' : join(dir, 'dist');
  const running = await startServer(
    defaultServerConfig({ port: 0, staticDir, dataDir: join(dir, 'data'), demo: process.argv.includes('--demo') }),
  );
  process.send?.({
    url: running.url,
    dataDir: join(dir, 'data'),
    demo: running.demo?.peers.map((p) => p.state.origin) ?? [],
  });
}
process.on('message', (msg) => {
  if (msg === 'rss') process.send?.({ rss: process.memoryUsage().rss });
});
process.on('disconnect', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
