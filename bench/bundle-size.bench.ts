import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { report } from './report.ts';

// Builds the console, then weighs what a first visit downloads (the scripts index.html references,
// and their static imports) against the lazily loaded Monaco chunk.
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });

const dist = 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = readdirSync(join(dist, 'assets'));
const gz = (file: string) => gzipSync(readFileSync(join(dist, 'assets', file)), { level: 9 }).length / 1024;

const entry = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
// Follow static imports from the entry (`import … from "./x.js"`), not dynamic `import()`.
const initial = new Set<string>();
const queue = [...entry];
while (queue.length) {
  const file = queue.pop()!;
  if (initial.has(file)) continue;
  initial.add(file);
  const code = readFileSync(join(dist, 'assets', file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g))
    queue.push(m[1]!);
}
const initialKiB = [...initial].reduce((sum, f) => sum + gz(f), 0);
report({
  name: 'initial JavaScript (gzip)',
  value: initialKiB,
  unit: 'KiB',
  target: { max: 130 },
  detail: [...initial].join(', '),
});

const monaco = assets.filter((f) => /^monaco-editor-.*\.js$/.test(f));
report({
  name: 'Monaco editor chunk, lazy (gzip)',
  value: monaco.reduce((s, f) => s + gz(f), 0),
  unit: 'KiB',
  detail: monaco.join(', '),
});
const workers = assets.filter((f) => /worker.*\.js$/.test(f));
report({
  name: 'Monaco workers, lazy (gzip)',
  value: workers.reduce((s, f) => s + gz(f), 0),
  unit: 'KiB',
  detail: workers.join(', '),
});
