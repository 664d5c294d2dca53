import type { Connect, Plugin } from 'vite';
import { getRequestListener } from '@hono/node-server';
import { createApp, isServerPath } from './app.ts';
import { defaultServerConfig } from './config.ts';
import { CONTENT_SECURITY_POLICY } from './static.ts';

/**
 * Mounts the same Hono app inside `vite dev` and `vite preview`, so the console and its server share
 * one origin in every mode. No top-level side effects: vitest imports vite.config.ts too.
 */
export function ocmExplorerServer(): Plugin {
  const mount = (middlewares: Connect.Server, preview: boolean) => {
    const app = createApp({ config: defaultServerConfig(), startedAt: new Date() });
    // Keep Vite's own Request/Response globals untouched inside its process.
    const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
    // Not `use('/api', …)`: connect would strip the prefix from req.url.
    middlewares.use((req, res, next) => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (isServerPath(path)) {
        void listener(req, res);
        return;
      }
      // Preview serves the built console: give it the same policy as the standalone server.
      if (preview) res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      next();
    });
  };
  return {
    name: 'ocm-explorer-server',
    configureServer(server) {
      mount(server.middlewares, false);
    },
    configurePreviewServer(server) {
      mount(server.middlewares, true);
    },
  };
}
