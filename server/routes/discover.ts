import { Hono } from 'hono';
import { discoverTarget } from '../discovery/discover-target.ts';
import type { OutboundClient } from '../outbound/http-client.ts';

/** GET /api/discover?target=…&ua=…&scheme=… */
export function discoverRoutes(client: OutboundClient): Hono {
  const app = new Hono();
  app.get('/api/discover', async (c) => {
    const schemeParam = c.req.query('scheme');
    const result = await discoverTarget(client, c.req.query('target') ?? '', {
      ...(c.req.query('ua') ? { ua: c.req.query('ua') } : {}),
      ...(schemeParam === 'http' || schemeParam === 'https' ? { scheme: schemeParam } : {}),
    });
    if ('error' in result) return c.json({ error: 'bad-request', message: result.error }, 400);
    return c.json(result);
  });
  return app;
}
