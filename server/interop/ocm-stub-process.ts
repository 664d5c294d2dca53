// Test support: runs the OCM-stub (cs3org/OCM-stub, a real peer nobody here wrote) from a checkout the user
// brings, named by OCM_STUB_DIR. Its code is never kept in this project: the checkout is copied into a
// temporary folder, given its own self-signed certificate, installed with `npm ci` there, and started with
// `node stub.js`. The stub listens on https://localhost:443 only, so it needs root (or a port-443 capability).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:tls';
import { ensureTlsMaterial } from '../tls.ts';

/** The variable that names the user's checkout of cs3org/OCM-stub. */
export const STUB_DIR_VARIABLE = 'OCM_STUB_DIR';

export interface StubProcess {
  /** The certificate the stub serves (made for this run). */
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

/**
 * Where the checkout is, or why there is none usable: `OCM_STUB_DIR` unset, missing, not a folder, or a
 * folder without the stub's `stub.js` and `package-lock.json` (the files this harness starts it from).
 */
export function stubCheckout(env: NodeJS.ProcessEnv = process.env): { dir: string } | { reason: string } {
  const given = env[STUB_DIR_VARIABLE];
  if (!given)
    return {
      reason: `${STUB_DIR_VARIABLE} is not set: name a checkout of the public repository cs3org/OCM-stub`,
    };
  const dir = resolve(given);
  if (!existsSync(dir)) return { reason: `${STUB_DIR_VARIABLE}=${given}: no such folder` };
  if (!statSync(dir).isDirectory()) return { reason: `${STUB_DIR_VARIABLE}=${given} is a file, not a folder` };
  for (const file of ['stub.js', 'package.json', 'package-lock.json'])
    if (!existsSync(join(dir, file)))
      return { reason: `${STUB_DIR_VARIABLE}=${given} has no ${file}: not a checkout of cs3org/OCM-stub` };
  return { dir };
}

/** Why port 443 cannot be used, or undefined when it can be bound now. */
export function port443Unavailable(): Promise<string | undefined> {
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

/** Why the stub cannot run here (one line), or undefined when it can: a checkout, npm, and port 443. */
export async function stubUnavailable(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const checkout = stubCheckout(env);
  if ('reason' in checkout) return checkout.reason;
  if (spawnSync('npm', ['--version'], { stdio: 'ignore' }).status !== 0)
    return 'npm is not on the PATH (the stub is installed with npm ci)';
  return port443Unavailable();
}

/** Resolves once the stub completes a TLS handshake on localhost:443; rejects when it exits or time runs out. */
async function answering(certFile: string, gone: () => boolean, ms: number): Promise<void> {
  const ca = readFileSync(certFile, 'utf8');
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    if (gone()) throw new Error('the OCM-stub exited while starting (is port 443 taken?)');
    const shook = await new Promise<boolean>((done) => {
      const socket = connect({ host: 'localhost', port: 443, ca, servername: 'localhost' });
      socket.setTimeout(2000, () => socket.destroy(new Error('no handshake within 2 s')));
      socket.once('secureConnect', () => {
        socket.end();
        done(true);
      });
      socket.once('error', (err) => {
        last = err.message;
        done(false);
      });
    });
    if (shook) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the OCM-stub did not answer on https://localhost within ${ms} ms (${last})`);
}

/** Copies the checkout, installs it, makes its certificate and starts it; resolves once it listens. */
export async function startStub(options: { trust?: string; timeoutMs?: number } = {}): Promise<StubProcess> {
  const checkout = stubCheckout();
  if ('reason' in checkout) throw new Error(checkout.reason);
  const work = mkdtempSync(join(tmpdir(), 'ocm-stub-'));
  const stubDir = join(work, 'stub');
  // The user's checkout stays untouched: its node_modules and .git are not needed in the copy.
  cpSync(checkout.dir, stubDir, {
    recursive: true,
    filter: (path) => !/[/\\](node_modules|\.git)$/.test(path),
  });
  // The stub reads ../tls/$HOST.crt and .key, with HOST unset: "server".
  const tls = await ensureTlsMaterial({ dataDir: work, names: ['localhost', '127.0.0.1'] });
  mkdirSync(join(work, 'tls'), { recursive: true });
  const certFile = join(work, 'tls', 'server.crt');
  copyFileSync(tls.certFile, certFile);
  copyFileSync(tls.keyFile, join(work, 'tls', 'server.key'));
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: stubDir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (install.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`npm ci in a copy of the OCM-stub failed: ${(install.stderr || install.stdout || '').trim()}`);
  }

  const env: NodeJS.ProcessEnv = { ...process.env, SERVER_HOST: 'localhost' };
  // The stub names its certificate files after HOST: one from the environment would break it.
  delete env.HOST;
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_TLS_REJECT_UNAUTHORIZED;
  // Its outbound https calls trust the given certificate, or (as its own README does) any certificate.
  if (options.trust) env.NODE_EXTRA_CA_CERTS = options.trust;
  else env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const child: ChildProcess = spawn(process.execPath, ['stub.js'], {
    cwd: stubDir,
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
    certFile,
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
    // The stub prints "listening" as it calls listen(): it is ready once its discovery answers over https.
    await waitFor(/OCM-stub listening on https:\/\/localhost/, 0, options.timeoutMs ?? 30_000);
    await answering(certFile, () => exited !== undefined, options.timeoutMs ?? 30_000);
  } catch (err) {
    await stub.stop();
    throw err;
  }
  return stub;
}
