import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hono, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { exactAppOrigin } from '../src/protocol/webapp.ts';
import { isServerPath } from './app.ts';

/**
 * The console loads nothing from any other origin: scripts, styles, fonts, workers and API calls
 * all come from this server. Monaco injects inline styles, hence 'unsafe-inline' for style-src only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/**
 * The webapp lab's page is the one exception: it POSTs a form to a share's web app (in an iframe, a popup
 * or the whole tab), so its policy opens `frame-src` and `form-action` to that app's origin, and to no other.
 */
export function labContentSecurityPolicy(appOrigins: readonly string[]): string {
  const extra = policySources(appOrigins);
  return CONTENT_SECURITY_POLICY.replace("frame-src 'self'", `frame-src 'self'${extra}`).replace(
    "form-action 'self'",
    `form-action 'self'${extra}`,
  );
}

/** The origins as policy sources: only exact origins, so no value can widen the policy or add a directive. */
function policySources(appOrigins: readonly string[]): string {
  const exact = appOrigins.flatMap((o) => {
    const got = exactAppOrigin(o);
    return got.ok ? [got.origin] : [];
  });
  return exact.length ? ` ${exact.join(' ')}` : '';
}

/** Which app origins a page of the webapp lab opens (none for every other page). */
export type LabOrigins = (path: string, query: URLSearchParams) => string[];

/** The app origins a page request opens, when it is a page of the webapp lab; undefined for any other page. */
export function labPageOrigins(method: string, url: URL, labOrigins?: LabOrigins): string[] | undefined {
  if (method !== 'GET' || !/^\/webapp(\/|$)/.test(url.pathname) || !labOrigins) return undefined;
  return labOrigins(url.pathname, url.searchParams);
}

/**
 * The policy of a page the Vite dev server serves. Hot reload needs inline scripts and its own socket, so
 * dev pages get no policy, except the webapp lab's: it gets the two directives that decide what the lab may
 * open (frame-src, form-action), exactly as the standalone server sends them, so a share opens, or is
 * refused, in dev as it does under `npm start`.
 */
export function devPagePolicy(method: string, url: URL, labOrigins?: LabOrigins): string | undefined {
  const origins = labPageOrigins(method, url, labOrigins);
  if (!origins) return undefined;
  const extra = policySources(origins);
  return `frame-src 'self'${extra}; form-action 'self'${extra}`;
}

/** The policy of a page of the built console (standalone server and `vite preview`). */
export function builtPagePolicy(method: string, url: URL, labOrigins?: LabOrigins): string {
  const origins = labPageOrigins(method, url, labOrigins);
  return origins?.length ? labContentSecurityPolicy(origins) : CONTENT_SECURITY_POLICY;
}

export function securityHeaders(labOrigins?: LabOrigins): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // A page with a policy of its own (the WAYF page, a web app) keeps it; the webapp lab's page gets its own.
    if (!c.res.headers.has('content-security-policy'))
      c.header('content-security-policy', builtPagePolicy(c.req.method, new URL(c.req.url), labOrigins));
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
  };
}

/**
 * Serves the built SPA: hashed assets are immutable for a year, everything else revalidates,
 * and any other GET that is not a server path gets index.html so client-side routes survive a reload.
 */
export function mountStatic(app: Hono, staticDir: string): void {
  const indexPath = join(staticDir, 'index.html');
  if (!existsSync(indexPath)) {
    throw new Error(`No built console at ${indexPath}. Run "npm run build" first (npm start does it for you).`);
  }
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    if (isServerPath(c.req.path)) return next();
    await next();
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-cache');
  });
  app.get('*', async (c, next) => (isServerPath(c.req.path) ? next() : serveStatic({ root: staticDir })(c, next)));
  // Read on each request: a rebuild while the server runs must not leave it pointing at old asset hashes.
  app.get('*', async (c, next) => {
    if (isServerPath(c.req.path) || c.req.path.startsWith('/assets/')) return next();
    return c.html(await readFile(indexPath, 'utf8'));
  });
}
