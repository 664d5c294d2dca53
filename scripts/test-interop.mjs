// `npm run test:interop`: the interop suite against the real OCM-stub (cs3org/OCM-stub), from the checkout
// named by OCM_STUB_DIR. It never skips: when the suite cannot run here, it says why in one line and fails.
// The last line is `N passed, N failed`, as for `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const REPORT = '.test-reports/interop.json';
const finish = (passed, failed) => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
};

const preflight = spawnSync('node', ['--import', 'tsx', 'server/interop/stub-preflight.ts'], { stdio: 'inherit' });
if (preflight.status !== 0) finish(0, 1);

mkdirSync('.test-reports', { recursive: true });
rmSync(REPORT, { force: true });
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'interop', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`],
  { stdio: 'inherit', env: process.env },
);
const readReport = () => {
  try {
    return existsSync(REPORT) ? JSON.parse(readFileSync(REPORT, 'utf8')) : null;
  } catch {
    return null;
  }
};
const report = readReport();
if (!report) {
  console.error('The OCM-stub suite wrote no report: the test runner itself failed.');
  finish(0, 1);
}
const passed = report.numPassedTests ?? 0;
// A skipped or pending test counts as a failure: asked for, the whole suite must run.
let failed = (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
if (passed + failed === 0 || (run.status !== 0 && failed === 0)) failed++;
finish(passed, failed);
