import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { getRequestListener } from '@hono/node-server';
import { createApp, isServerPath } from './app.ts';
import { defaultServerConfig } from './config.ts';
import { startDemoMesh } from './demo-mesh/index.ts';
import { openDataStores } from './storage-report.ts';
import { CONTENT_SECURITY_POLICY } from './static.ts';

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
    const { inbox, shares, invites, keys, notices } = await openDataStores(config);
    for (const notice of notices) console.warn(`ocm-explorer: ${notice}`);
    const app = createApp({ config, startedAt: new Date(), demo, inbox, shares, invites, keys });
    // Keep Vite's own Request/Response globals untouched inside its process.
    const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
    // Not `use('/api', …)`: connect would strip the prefix from req.url.
    middlewares.use((req, res, next) => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (isServerPath(path)) {
        void listener(req, res);
        return;
      }
      // Preview serves the built console: give it the same policy as the standalone server. The dev server
      // gives it to the files of public/ (favicon, robots.txt), served as they are; its pages keep Vite's
      // inline preamble, which that policy would refuse.
      if (preview || isPublicFile(publicDir, path)) {
        res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
        res.setHeader('x-content-type-options', 'nosniff');
        res.setHeader('referrer-policy', 'no-referrer');
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
