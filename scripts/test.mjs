// `npm test`: typecheck, lint, unit tests (vitest: node, happy-dom and Chromium projects) and end-to-end
// tests in a real Chromium. Every step runs even after a failure, so one run shows everything that is
// wrong. The last line is always `N passed, N failed`: tests from vitest and Playwright, plus the
// typecheck and lint steps counted as one check each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium, NO_BROWSER_MESSAGE } from './find-chromium.mjs';

// The signing suite and the journeys run in Chromium: without one, say how to get it and stop.
const browser = await findChromium();
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
process.env.CHROMIUM_PATH = browser;

const REPORTS = '.test-reports';
mkdirSync(REPORTS, { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function run(title, cmd, args) {
  console.log(`\n━━ ${title} ━━`);
  return (spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1) === 0;
}

function check(title, cmd, args) {
  if (run(title, cmd, args)) passed++;
  else {
    failed++;
    failures.push(title);
  }
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function counted(title, cmd, args, reportPath, count) {
  rmSync(reportPath, { force: true });
  const ok = run(title, cmd, args);
  const report = existsSync(reportPath) ? readJson(reportPath) : null;
  if (!report) {
    failed++;
    failures.push(`${title} (no report: the runner itself failed)`);
    return;
  }
  const [p, f] = count(report);
  passed += p;
  failed += f;
  if (f > 0 || !ok) failures.push(title);
  if (!ok && f === 0) failed++; // the runner failed without a failing test (e.g. a file that does not load)
}

check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
check('typecheck (server)', 'npx', ['tsc', '-p', 'server/tsconfig.json']);
check('lint (formatting and eslint)', 'npm', ['run', '--silent', 'lint']);
counted(
  'unit tests',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/unit.json`],
  `${REPORTS}/unit.json`,
  (r) => [r.numPassedTests ?? 0, (r.numFailedTests ?? 0) + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)],
);
counted('end-to-end tests (Chromium)', 'node', ['scripts/e2e.mjs'], `${REPORTS}/e2e.json`, (r) => [
  r.stats?.expected ?? 0,
  (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0) + (r.stats?.skipped ?? 0),
]);

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
