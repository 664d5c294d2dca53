import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OCM_RFC9421_PROFILE } from '../src/protocol/signature-profile.ts';
import { exportPublicJwk, generateKey, headerPairs, signWithProfile } from '../src/signing/index.ts';
import { report } from './report.ts';
import { send, startServer } from './load.ts';

// Inbox capacity: a sender on loopback (this process) signs shares with its own Ed25519 key and
// publishes its discovery and JWKS; the console (its own process) records, verifies and answers each.
// Every share must be recorded and verified: records in the store = requests sent.
const TOTAL = 2_000;
const IN_FLIGHT = 32;

const key = await generateKey('ed25519');
const sender = createServer((req, res) => {
  const base = `http://127.0.0.1:${(sender.address() as AddressInfo).port}`;
  if (req.url === '/.well-known/ocm')
    return res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ enabled: true, apiVersion: '1.5.0', endPoint: `${base}/ocm`, jwksUri: `${base}/jwks` }));
  if (req.url === '/jwks')
    return res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: [exportPublicJwk(key)] }));
  res.writeHead(404).end();
});
await new Promise<void>((r) => sender.listen(0, '127.0.0.1', r));
const senderHost = `127.0.0.1:${(sender.address() as AddressInfo).port}`;
key.kid = `${senderHost}#bench`;

const consoleServer = await startServer();
const consoleHost = new URL(consoleServer.url).host;
try {
  // Sign everything first, so the measured phase is the console's work only.
  const shares: { body: string; headers: Record<string, string> }[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const body = JSON.stringify({
      shareWith: `alice@${consoleHost}`,
      name: `bench-${i}.txt`,
      providerId: `p${i}`,
      owner: `bench@${senderHost}`,
      sender: `bench@${senderHost}`,
      shareType: 'user',
      resourceType: 'file',
      protocol: {
        name: 'multi',
        webdav: { uri: `http://${senderHost}/webdav/p${i}`, sharedSecret: `s${i}`, permissions: ['read'] },
      },
    });
    const signed = await signWithProfile(
      { method: 'POST', url: `${consoleServer.url}/ocm/shares`, headers: [['Content-Type', 'application/json']], body },
      OCM_RFC9421_PROFILE,
      { key },
    );
    if (!signed.ok) throw new Error(signed.error.message);
    shares.push({
      body,
      headers: Object.fromEntries(
        headerPairs(signed.value.message.headers).filter(([n]) => n.toLowerCase() !== 'content-length'),
      ),
    });
  }

  let next = 0;
  let created = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < TOTAL) {
        const share = shares[next++]!;
        if (
          (await send(`${consoleServer.url}/ocm/shares`, {
            method: 'POST',
            headers: share.headers,
            body: share.body,
          })) === 201
        )
          created++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const list = (await (await fetch(`${consoleServer.url}/api/inbox?limit=5000`)).json()) as {
    records: { stage: string; verification?: { status: string } }[];
  };
  const verified = list.records.filter((r) => r.verification?.status === 'verified').length;
  report({
    name: 'verified shares per second',
    value: Math.round(TOTAL / seconds),
    unit: 'shares/s',
    target: { min: 500 },
    detail: `${TOTAL} signed shares, ${IN_FLIGHT} in flight, ${created} answered 201`,
  });
  report({ name: 'shares recorded / sent', value: list.records.length, unit: `of ${TOTAL}`, target: { min: TOTAL } });
  report({ name: 'shares verified / sent', value: verified, unit: `of ${TOTAL}`, target: { min: TOTAL } });
} finally {
  consoleServer.stop();
  sender.close();
}
