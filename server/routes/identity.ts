import { Hono } from 'hono';
import { CONSOLE_PATHS } from '../console-paths.ts';
import { consoleDiscovery } from '../identity/discovery.ts';
import type { KeyStore } from '../identity/key-store.ts';

/** The console as an OCM peer: its discovery (well-known and legacy paths) and its JWKS. */
export function identityRoutes(keys: Promise<KeyStore>, baseUrl: (requestUrl: string) => string): Hono {
  const app = new Hono();
  const discovery = async (c: { req: { url: string }; json: (v: unknown) => Response }) =>
    c.json(await consoleDiscovery(baseUrl(c.req.url), await keys));
  app.get('/.well-known/ocm', (c) => discovery(c));
  app.get('/ocm-provider', (c) => discovery(c));
  // Peers such as the OCM-stub fetch the legacy path with a trailing slash.
  app.get('/ocm-provider/', (c) => discovery(c));
  app.get('/.well-known/ocm/', (c) => discovery(c));
  app.get(CONSOLE_PATHS.jwks, async (c) => {
    c.header('cache-control', 'no-cache');
    return c.json((await keys).jwks());
  });
  return app;
}
