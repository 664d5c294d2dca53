// Test support: runs the OCM-stub (cs3org/OCM-stub, a real peer nobody here wrote) with the script that
// ships beside it, reads its log, and stops it. The stub listens on https://localhost:443 only.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the stub and its script live: `shared/peers/ocm-stub` beside the repository. */
export const STUB_DIR = resolve(import.meta.dirname, '../../../shared/peers/ocm-stub');

export interface StubProcess {
  /** The certificate the stub serves (made by its script). */
  certFile: string;
  /** Everything the stub printed so far. */
  log(): string;
  /** A mark in the log, to read only what came after it. */
  mark(): number;
  since(mark: number): string;
  /** Resolves with the log after `mark` once it matches, or rejects after `ms` with the log read. */
  waitFor(pattern: RegExp, mark?: number, ms?: number): Promise<string>;
  alive(): boolean;
  stop(): Promise<void>;
}

/** Why the stub cannot run here, or undefined when it can (its script, npm, and port 443 free to bind). */
export async function stubUnavailable(): Promise<string | undefined> {
  if (!existsSync(join(STUB_DIR, 'run.sh'))) return `the OCM-stub is not at ${STUB_DIR}`;
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      done(
        err.code === 'EACCES'
          ? 'port 443 cannot be bound without root (the OCM-stub listens on 443 only)'
          : `port 443 is not free (${err.code ?? err.message}): stop whatever holds it`,
      ),
    );
    probe.listen(443, () => probe.close(() => done(undefined)));
  });
}

/** Starts the stub with `run.sh` (which runs `npm ci` in a temporary copy); resolves once it listens. */
export async function startStub(options: { trust?: string; timeoutMs?: number } = {}): Promise<StubProcess> {
  const work = mkdtempSync(join(tmpdir(), 'ocm-stub-'));
  const env: NodeJS.ProcessEnv = { ...process.env, STUB_HOST: 'localhost' };
  // The stub reads its certificate from ../tls/$HOST.crt: a HOST from the environment would break it.
  delete env.HOST;
  delete env.NODE_EXTRA_CA_CERTS;
  if (options.trust) env.STUB_TRUST = options.trust;
  const child: ChildProcess = spawn('bash', [join(STUB_DIR, 'run.sh'), work], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  let exited: number | null | undefined;
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.once('exit', (code) => (exited = code));

  const waitFor = (pattern: RegExp, mark = 0, ms = 10_000): Promise<string> =>
    new Promise((done, fail) => {
      const started = Date.now();
      const tick = () => {
        const after = text.slice(mark);
        if (pattern.test(after)) return done(after);
        if (exited !== undefined)
          return fail(new Error(`the OCM-stub exited (code ${exited}) before ${pattern}; its log:\n${after}`));
        if (Date.now() - started > ms)
          return fail(new Error(`no ${pattern} in the OCM-stub's log after ${ms} ms; its log:\n${after}`));
        setTimeout(tick, 50);
      };
      tick();
    });

  const stub: StubProcess = {
    certFile: join(work, 'tls', 'server.crt'),
    log: () => text,
    mark: () => text.length,
    since: (mark) => text.slice(mark),
    waitFor,
    alive: () => exited === undefined,
    stop: async () => {
      if (exited === undefined) {
        const gone = new Promise((done) => child.once('exit', done));
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          child.kill('SIGTERM');
        }
        await gone;
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
  try {
    await waitFor(/OCM-stub listening on https:\/\/localhost/, 0, options.timeoutMs ?? 120_000);
  } catch (err) {
    await stub.stop();
    throw err;
  }
  return stub;
}
