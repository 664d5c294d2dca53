// `npm start`'s first step: builds the console into dist/ only when its inputs changed since the last
// build, so a second start with nothing changed serves the existing build at once. The inputs
// (scripts/build-inputs.mjs) are digested into dist/.build-inputs. `npm run build` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputsDigest } from './build-inputs.mjs';

const STAMP = join('dist', '.build-inputs');

const started = Date.now();
const digest = inputsDigest(process.cwd());
const built = existsSync(join('dist', 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim();
// `npm run build` passes --force: it always builds (and records the inputs, so the next start need not).
if (built === digest && !process.argv.includes('--force')) {
  console.log(`The console's build in dist/ is up to date (sources unchanged; checked in ${Date.now() - started} ms).`);
  process.exit(0);
}
console.log(
  existsSync(join('dist', 'index.html')) ? 'Sources changed: building the console…' : 'Building the console…',
);
const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(STAMP, `${digest}\n`);
