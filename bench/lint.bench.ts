import { readFileSync } from 'node:fs';
import { lint, lintText } from '../src/protocol/index.ts';
import { report } from './report.ts';

// Lint throughput on one core: parsed discovery documents (the inbox and discovery page case), the
// same from text, and the other kinds. Documents rotate between versions so no single path is hot.
const read = (name: string) => readFileSync(new URL(`../src/protocol/__fixtures__/${name}`, import.meta.url), 'utf8');
const discoveryFiles = [
  'discovery-1.0-ocm-provider.json',
  'discovery-1.2.json',
  'discovery-1.3.json',
  'discovery-1.4.json',
  'discovery-1.5.json',
  'discovery-ocis-reva.json',
  'discovery-seafile.json',
];
const discoveryTexts = discoveryFiles.map(read);
const discoveryDocs = discoveryTexts.map((t) => JSON.parse(t) as unknown);

function perSecond(run: (i: number) => void, seconds = 1.5): number {
  for (let i = 0; i < 500; i++) run(i); // warm up the JIT
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) for (let k = 0; k < 50; k++) run(n++);
  return n / ((performance.now() - start) / 1000);
}

let sink = 0;
report({
  name: 'lint discovery (parsed), docs/s',
  value: Math.round(
    perSecond((i) => (sink += lint('discovery', discoveryDocs[i % discoveryDocs.length]).findings.length)),
  ),
  unit: 'docs/s',
  target: { min: 5000 },
});
report({
  name: 'lint discovery (text, kind guessed), docs/s',
  value: Math.round(perSecond((i) => (sink += lintText(discoveryTexts[i % discoveryTexts.length]!).findings.length))),
  unit: 'docs/s',
  target: { min: 5000 },
});
const others = [
  'share-1.5-canonical.json',
  'nextcloud-files-notification-share-accepted.json',
  'notification-1.5-share-accepted.json',
  'invite-accepted.json',
  'token-request.json',
].map(read);
report({
  name: 'lint payloads (share, notifications, invite, token)',
  value: Math.round(perSecond((i) => (sink += lintText(others[i % others.length]!).findings.length))),
  unit: 'docs/s',
});
const deep = `{"resourceTypes": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
report({
  name: 'lint 10,000-deep nesting (rejected), docs/s',
  value: Math.round(perSecond(() => (sink += lintText(deep, { kind: 'discovery' }).findings.length), 0.5)),
  unit: 'docs/s',
});
if (sink < 0) console.log(sink);
