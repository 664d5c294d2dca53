import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { getRequestListener } from '@hono/node-server';
import { createApp, isServerPath } from './app.ts';
import { defaultServerConfig } from './config.ts';
import { startDemoMesh } from './demo-mesh/index.ts';
import { openDataStores } from './storage-report.ts';
import { tightenDataDir } from './private-files.ts';
import { builtPagePolicy, CONTENT_SECURITY_POLICY, devPagePolicy } from './static.ts';
import { labOriginsFrom } from './webapp-lab.ts';

/**
 * Mounts the same Hono app inside `vite dev` and `vite preview`, so the console and its server share
 * one origin in every mode. No top-level side effects: vitest imports vite.config.ts too.
 */
export function ocmExplorerServer(): Plugin {
  const mount = async (
    middlewares: Connect.Server,
    preview: boolean,
    onClose: (fn: () => void) => void,
    publicDir: string | false,
  ) => {
    // Vitest loads this config too: its test servers need neither the API nor a data folder.
    if (process.env.VITEST) return;
    const demo = process.env.OCM_EXPLORER_DEMO !== '0' ? await startDemoMesh({ ports: [0, 0] }) : undefined;
    if (demo) onClose(() => void demo.close());
    const config = defaultServerConfig();
    const tightened = tightenDataDir(resolve(config.dataDir));
    const { inbox, shares, invites, keys, notices } = await openDataStores(config);
    for (const notice of [...tightened, ...notices]) console.warn(`ocm-explorer: ${notice}`);
    const app = createApp({ config, startedAt: new Date(), demo, inbox, shares, invites, keys });
    const labOrigins = labOriginsFrom(inbox.store);
    // Keep Vite's own Request/Response globals untouched inside its process.
    const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
    // Not `use('/api', …)`: connect would strip the prefix from req.url.
    middlewares.use((req, res, next) => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (isServerPath(path)) {
        // An error the app did not answer goes to Vite's error handler, not to an unhandled rejection.
        listener(req, res).catch((err: unknown) => next(err));
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = req.method ?? 'GET';
      // Preview serves the built console: the same policy as the standalone server, the lab's included. The dev
      // server gives the strict policy to the files of public/ (favicon, robots.txt), served as they are.
      const publicFile = !preview && isPublicFile(publicDir, path);
      if (preview || publicFile) {
        res.setHeader(
          'content-security-policy',
          publicFile ? CONTENT_SECURITY_POLICY : builtPagePolicy(method, url, labOrigins),
        );
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('referrer-policy', 'no-referrer');
      } else {
        const policy = devPagePolicy(method, url, labOrigins);
        if (policy) res.setHeader('content-security-policy', policy);
        // The lab's token never goes into a URL, and no Referer leaves its pages either.
        if (policy) res.setHeader('referrer-policy', 'no-referrer');
      }
      next();
    });
  };
  return {
    name: 'ocm-explorer-server',
    async configureServer(server) {
      await mount(server.middlewares, false, (fn) => server.httpServer?.on('close', fn), server.config.publicDir);
    },
    async configurePreviewServer(server) {
      await mount(server.middlewares, true, (fn) => server.httpServer?.on('close', fn), false);
    },
  };
}

/** Whether a request path names a file in Vite's publicDir (what `vite dev` serves from there as it is). */
function isPublicFile(publicDir: string | false, path: string): boolean {
  if (!publicDir || path === '/') return false;
  let file: string;
  try {
    file = normalize(join(publicDir, decodeURIComponent(path)));
  } catch {
    return false;
  }
  return file.startsWith(publicDir) && existsSync(file) && statSync(file).isFile();
}
