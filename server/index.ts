import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.ts';
import { openDataStores } from './storage-report.ts';
import { startDemoMesh, type DemoMesh } from './demo-mesh/index.ts';
import { createServer as createHttpsServer } from 'node:https';
import { CONFIG_HELP, ConfigError, parseServerConfig, servesTls, type ServerConfig } from './config.ts';
import { ensureTlsMaterial, tlsHostNames, type TlsMaterial } from './tls.ts';
import { mountStatic, securityHeaders } from './static.ts';
import { generateAccessToken } from './guard/access.ts';
import { labOriginsFrom } from './webapp-lab.ts';
import { tightenDataDir } from './private-files.ts';
import { installProcessGuard } from './process-guard.ts';

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  url: string;
  demo?: DemoMesh;
  /** The access token made at start for a public instance that was given none (shown once, then forgotten). */
  generatedAccessToken?: string;
  /** What could not be read from the data folder, one line each (empty when everything was). */
  notices: string[];
  /** When the console serves https: its certificate, and the file a peer must trust. */
  tls?: TlsMaterial;
  close(): Promise<void>;
}

/**
 * Starts the standalone server (API + built SPA) and, unless turned off, the demo mesh next to it
 * (on the two ports after the console's, or free ones). Resolves once everything listens.
 */
export async function startServer(given: ServerConfig): Promise<RunningServer> {
  const generatedAccessToken = given.public && !given.accessToken ? generateAccessToken() : undefined;
  const config = generatedAccessToken ? { ...given, accessToken: generatedAccessToken } : given;
  // Before anything reads them: files restored from a backup or left by an older console may be readable by others.
  const tightened = tightenDataDir(resolve(config.dataDir));
  // Made (or read) before anything listens, so a bad certificate stops the start with its reason.
  const tls = servesTls(config)
    ? await ensureTlsMaterial({
        dataDir: config.dataDir,
        names: tlsHostNames(config),
        ...(config.tlsCert ? { certFile: config.tlsCert } : {}),
        ...(config.tlsKey ? { keyFile: config.tlsKey } : {}),
      })
    : undefined;
  // Not in public mode: the demo peers send wherever they are told, which a shared instance must not allow.
  const demo =
    config.demo && !config.public
      ? await startDemoMesh({ host: '127.0.0.1', ports: config.port ? [config.port + 1, config.port + 2] : [0, 0] })
      : undefined;
  const { inbox, shares, invites, keys, notices } = await openDataStores(config);
  const root = new Hono();
  root.use('*', securityHeaders(labOriginsFrom(inbox.store)));
  root.route('/', createApp({ config, startedAt: new Date(), demo, inbox, shares, invites, keys }));
  mountStatic(root, resolve(packageRoot, config.staticDir));

  return new Promise((resolvePromise, reject) => {
    const listen = { fetch: root.fetch, hostname: config.host, port: config.port };
    const onListening = (info: { address: string; port: number }) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolvePromise({
        url: `${tls ? 'https' : 'http'}://${host}:${info.port}`,
        ...(tls ? { tls } : {}),
        demo,
        generatedAccessToken,
        notices: [...tightened, ...notices],
        close: () =>
          new Promise((done) => {
            // Open SSE streams would keep close() waiting forever; cut them.
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => void (demo ? demo.close() : Promise.resolve()).then(() => done()));
          }),
      });
    };
    // The demo mesh stays plain http on loopback; only the console's own origin is https.
    const server = tls
      ? serve(
          { ...listen, createServer: createHttpsServer, serverOptions: { key: tls.key, cert: tls.cert } },
          onListening,
        )
      : serve(listen, onListening);
    server.once('error', (err) => {
      void demo?.close();
      reject(err);
    });
  });
}

/** What the console prints when it starts: where it runs, its demo peers, and a made access token (once). */
export function startupLines(running: RunningServer, config: ServerConfig): string[] {
  const lines = [`OCM Explorer is running at ${running.url}/${config.public ? ' (public mode)' : ''}`];
  if (running.generatedAccessToken) {
    // Standard output only, once: it is not written to any file, and never goes into a URL.
    lines.push('  access token (shown once; sign in with it, or set your own with --access-token):');
    lines.push(`    ${running.generatedAccessToken}`);
  } else if (config.public) {
    lines.push('  access token: the one given with --access-token / OCM_EXPLORER_ACCESS_TOKEN');
  }
  if (running.tls) {
    const how = { given: 'given', generated: 'self-signed, made now', reused: 'self-signed, kept' }[running.tls.source];
    lines.push(`  https certificate (${how}) for ${running.tls.names.join(', ')}`);
    lines.push(`    SHA-256 ${running.tls.fingerprint}`);
    lines.push(`    a peer must trust: ${running.tls.certFile}`);
  }
  for (const { state } of running.demo?.peers ?? []) {
    lines.push(
      `  demo peer ${state.spec.id.padEnd(7)} ${state.origin}  (${state.spec.name}; users ${state.spec.users.join(', ')})`,
    );
  }
  for (const notice of running.notices) lines.push(`  ${notice}`);
  // Reachable from other machines over plain http: what travels is readable on the way.
  const loopback = /^(127\.|::1$|localhost$|\[::1\]$)/.test(config.host);
  const httpsInFront = config.publicUrl?.startsWith('https://') ?? false;
  if (!running.tls && !loopback && !httpsInFront)
    lines.push(
      config.public
        ? `  WARNING: plain http on ${config.host}: the access token and the session cookie travel in clear. Serve https (--tls) or put it behind https (--public-url https://…).`
        : `  WARNING: plain http on ${config.host}, reachable from other machines, with no access token: anyone who can reach it can use it. Use --public (and --tls), or bind 127.0.0.1.`,
    );
  return lines;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`Usage: npm start -- [options]\n\n${CONFIG_HELP}`);
    return;
  }
  let config: ServerConfig;
  try {
    config = parseServerConfig(argv, process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`ocm-explorer: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  let running: RunningServer;
  try {
    running = await startServer(config);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${config.port} is already in use (choose another with --port)`
        : (err as Error).message;
    console.error(`ocm-explorer: cannot start: ${why}`);
    process.exit(1);
  }
  for (const line of startupLines(running, config)) console.log(line);
  console.log('Press Ctrl+C to stop.');
  installProcessGuard();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n${signal} received, shutting down.`);
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
