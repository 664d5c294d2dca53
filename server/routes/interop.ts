import { Hono } from 'hono';
import { safeParse } from 'zod/mini';
import { interopRequestSchema } from '../../src/contract/interop.ts';
import type { KeyStore } from '../identity/key-store.ts';
import type { InboxStore } from '../inbox/store.ts';
import { runInterop } from '../interop/run-interop.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import type { ShareStore } from '../sharing/share-store.ts';

const USAGE =
  'Send {"target": "host, URL or OCM address", "shareTo"?: "user@peer", "invite"?: "invite string or link", ' +
  '"clientId"?: "…", "tokenStyle"?: "oauth-form" | "ocm-1.2-json"}.';

/** POST /api/interop: the interop report of one peer (what worked, what deviated, with the exchanges). */
export function interopRoutes(deps: {
  client: OutboundClient;
  keys: Promise<KeyStore>;
  shares: ShareStore;
  inbox: InboxStore;
  user: string;
  consoleBase: (url: string) => string;
}): Hono {
  const app = new Hono();
  app.post('/api/interop', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'bad-request', message: USAGE }, 400);
    }
    const parsed = safeParse(interopRequestSchema, body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `"${issue.path.join('.')}"` : 'the body';
      return c.json({ error: 'bad-request', message: `${where}: ${issue?.message ?? 'invalid'}. ${USAGE}` }, 400);
    }
    const input = { ...parsed.data, target: parsed.data.target.trim() };
    if (!input.target) return c.json({ error: 'bad-request', message: `"target" is empty. ${USAGE}` }, 400);
    const report = await runInterop(input, {
      client: deps.client,
      keys: await deps.keys,
      consoleBase: deps.consoleBase(c.req.url),
      shares: deps.shares,
      inbox: () => deps.inbox.list(500),
      user: deps.user,
    });
    if ('error' in report) return c.json({ error: 'bad-request', message: report.error }, 400);
    return c.json(report);
  });
  return app;
}
