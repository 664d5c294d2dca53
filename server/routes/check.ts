import { Hono } from 'hono';
import { runCheck } from '../check/run-check.ts';
import type { KeyStore } from '../identity/key-store.ts';
import type { OutboundClient } from '../outbound/http-client.ts';

/** POST /api/check {"target": "host, URL or OCM address"}: the graded report. */
export function checkRoutes(deps: {
  client: OutboundClient;
  keys: Promise<KeyStore>;
  consoleBase: (url: string) => string;
}): Hono {
  const app = new Hono();
  app.post('/api/check', async (c) => {
    let target: unknown;
    try {
      target = ((await c.req.json()) as { target?: unknown }).target;
    } catch {
      target = undefined;
    }
    if (typeof target !== 'string' || !target.trim())
      return c.json({ error: 'bad-request', message: 'Send {"target": "host, URL or OCM address"}.' }, 400);
    const report = await runCheck(target.trim(), {
      client: deps.client,
      keys: await deps.keys,
      consoleBase: deps.consoleBase(c.req.url),
    });
    if ('error' in report) return c.json({ error: 'bad-request', message: report.error }, 400);
    return c.json(report);
  });
  return app;
}
