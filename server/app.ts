import { Hono } from 'hono';
import type { ServerConfig } from './config.ts';
import { allowedHostNames, hostCheck } from './guard/host-check.ts';
import { healthRoutes } from './routes/health.ts';

/** Path prefixes the server answers; everything else belongs to the SPA (or Vite in dev). */
export const SERVER_PATH_PREFIXES = ['/api/', '/ocm/', '/ocm-provider', '/.well-known/'] as const;

export function isServerPath(path: string): boolean {
  return SERVER_PATH_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p));
}

export interface AppContext {
  config: ServerConfig;
  startedAt: Date;
}

/**
 * Builds the one Hono app behind every mode: mounted in `vite dev`/`vite preview` by the plugin,
 * and served standalone (with the built SPA) by server/index.ts. Tests call `app.request()` on it.
 */
export function createApp(ctx: AppContext): Hono {
  const app = new Hono();
  app.use('*', hostCheck(allowedHostNames(ctx.config.publicUrl, ctx.config.allowedHosts)));
  app.route('/', healthRoutes({ startedAt: ctx.startedAt, mode: ctx.config.public ? 'public' : 'local' }));
  app.all('/api/*', (c) => c.json({ error: 'not-found', message: `No API route ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
