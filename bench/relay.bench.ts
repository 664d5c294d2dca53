import { report } from './report.ts';
import { latencies, percentile, send, startServer, throughput } from './load.ts';

// The same 1 KB GET to a local upstream, directly and through the console's relay (which builds the
// request, opens its own guarded connection, and answers the whole exchange as JSON). The servers run
// in child processes of their own; this process only generates load, on loopback.
const upstream = await startServer(['--upstream']);
const consoleServer = await startServer();
const target = `${upstream.url}/item`;
const direct = () => send(target);
const relayed = () =>
  send(`${consoleServer.url}/api/relay`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-relay-target': target },
    body: JSON.stringify({ method: 'GET', url: target }),
  });

try {
  if ((await relayed()) !== 200) throw new Error('the relay did not answer 200');
  await latencies(300, direct);
  await latencies(300, relayed);
  const d = await latencies(2_000, direct);
  const r = await latencies(2_000, relayed);
  const dp50 = percentile(d, 50);
  const rp50 = percentile(r, 50);
  report({ name: 'direct GET p50 / p99', value: dp50, unit: 'ms', detail: `p99 ${percentile(d, 99).toFixed(2)} ms` });
  report({
    name: 'through relay p50 / p99',
    value: rp50,
    unit: 'ms',
    detail: `p99 ${percentile(r, 99).toFixed(2)} ms`,
  });
  report({
    name: 'relay overhead at p50',
    value: rp50 - dp50,
    unit: 'ms',
    target: { max: 2 },
    detail: `ratio ${(rp50 / dp50).toFixed(2)}x`,
  });

  const dt = await throughput(3, 16, direct);
  const rt = await throughput(3, 16, relayed);
  report({ name: 'direct throughput (16 in flight)', value: Math.round(dt), unit: 'req/s' });
  report({ name: 'relay throughput (16 in flight)', value: Math.round(rt), unit: 'req/s' });
  // Through the relay three processes (load, console, upstream) share this machine's cores; directly, two.
  report({
    name: 'relay throughput as % of direct',
    value: (rt / dt) * 100,
    unit: '%',
    target: { min: 50 },
    detail: 'load generator, console and upstream share 2 cores',
  });

  let sent = 0;
  while (sent < 10_000) {
    await Promise.all(Array.from({ length: 16 }, () => relayed()));
    sent += 16;
  }
  report({
    name: `console RSS after ${sent} relayed requests`,
    value: (await consoleServer.rss()) / 1024 / 1024,
    unit: 'MB',
    target: { max: 200 },
  });
} finally {
  upstream.stop();
  consoleServer.stop();
}
