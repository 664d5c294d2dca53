// Test support: the real server entry (server/index.ts) in its own process, so a test sees what a user of
// `npm run serve` would: whether the process survives, and how fast it answers while busy, measured from
// a client whose event loop is not the server's.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ChildServer {
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  log(): string;
  /** The exit code once the process ended, null while it runs. */
  exited(): number | null;
  stop(): Promise<void>;
}

/** Starts `node --import tsx server/index.ts --port 0 --no-demo` with a fresh data folder; resolves once it listens. */
export async function startChildServer(args: string[] = [], startMs = 30_000): Promise<ChildServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ocm-child-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'server/index.ts'),
      ...['--port', '0', '--no-demo', '--data-dir', join(dir, 'data'), '--static-dir', join(dir, 'dist'), ...args],
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  let output = '';
  let code: number | null = null;
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const ended = new Promise<void>((done) =>
    child.once('exit', (c, signal) => {
      code = c ?? (signal ? 128 : 1);
      done();
    }),
  );
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start in ${startMs} ms:\n${output}`)), startMs);
    const look = () => {
      const found = /running at (https?:\/\/[^/\s]+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        child.stdout.off('data', look);
        done(found[1]!);
      }
    };
    child.stdout.on('data', look);
    void ended.then(() => {
      clearTimeout(timer);
      fail(new Error(`the server exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    log: () => output,
    exited: () => code,
    stop: async () => {
      if (code === null) child.kill('SIGTERM');
      await ended;
    },
  };
}
