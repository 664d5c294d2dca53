import { Hono } from 'hono';
import { safeParse } from 'zod/mini';
import { inboundEndpointSchema, inboxPolicySchema, type InboxInfo } from '../../src/contract/inbound.ts';
import type { InboxDeps } from '../inbox/receive.ts';
import { listPage } from '../inbox/list-page.ts';
import { recordLocalAnswer } from '../inbox/share-links.ts';

/** JSON bytes of one page of the list, at most (a larger single record is still given). */
const LIST_PAGE_BYTES = 1024 * 1024;

/** The browser's view of the inbox: list, one record, clear, where to send, and the answer policies. */
export function inboxRoutes(deps: InboxDeps, baseUrl: (requestUrl: string) => string): Hono {
  const app = new Hono();
  // One page, newest first: ?limit= records (default 200, at most 1,000) and ?before= the `next` of the last page.
  app.get('/api/inbox', (c) => {
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 200) || 200, 1), 1_000);
    const before = c.req.query('before');
    if (before !== undefined && !/^[1-9]\d{0,15}$/.test(before))
      return c.json({ error: 'bad-request', message: 'before must be the `next` number of a page.' }, 400);
    const page = listPage(deps.store, {
      limit,
      ...(before ? { before: Number(before) } : {}),
      maxBytes: LIST_PAGE_BYTES,
    });
    const unreadable = deps.store.unreadable;
    return c.json({ ...page, ...(unreadable ? { unreadable } : {}) });
  });
  app.get('/api/inbox/info', (c) => {
    const base = baseUrl(c.req.url);
    const host = new URL(base).host;
    const unreadable = deps.store.unreadable;
    const info: InboxInfo = {
      endPoint: `${base}/ocm`,
      recipients: deps.recipients.map((name) => ({ name, address: `${name}@${host}` })),
      policies: deps.policies.all(),
      ...(unreadable ? { unreadable } : {}),
    };
    return c.json(info);
  });
  // The state of received shares, share requests and the console's sent shares, each with what was said about it.
  app.get('/api/inbox/shares', (c) => {
    const states = deps.shareLinks?.states;
    const unreadable = states?.unreadable;
    return c.json({ shares: states?.list() ?? [], ...(unreadable ? { unreadable } : {}) });
  });
  // The console delivered SHARE_ACCEPTED / SHARE_DECLINED for a received share or request: its state moves.
  app.post('/api/inbox/:id/answer', async (c) => {
    if (!deps.shareLinks) return c.json({ error: 'not-found', message: 'This inbox keeps no share states.' }, 404);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json(
        { error: 'bad-request', message: 'Send {"type": "SHARE_ACCEPTED" | "SHARE_DECLINED"} as JSON.' },
        400,
      );
    }
    const fields = typeof body === 'object' && body !== null ? (body as { type?: unknown; share?: unknown }) : {};
    // A share answering a request names its providerId, to link the request to it.
    const share = typeof fields.share === 'string' && fields.share ? fields.share : undefined;
    const done = recordLocalAnswer(
      deps.shareLinks,
      c.req.param('id'),
      String(fields.type),
      new Date().toISOString(),
      share,
    );
    return done.ok
      ? c.json(done.entry)
      : c.json({ error: done.status === 404 ? 'not-found' : 'bad-request', message: done.message }, done.status);
  });
  app.get('/api/inbox/:id', (c) => {
    const record = deps.store.get(c.req.param('id'));
    return record
      ? c.json(record)
      : c.json({ error: 'not-found', message: `No received message ${c.req.param('id')}` }, 404);
  });
  app.delete('/api/inbox', (c) => {
    deps.store.clear();
    deps.shareLinks?.states.clearReceived();
    return c.json({ cleared: true });
  });
  app.put('/api/inbox/policy/:endpoint', async (c) => {
    const endpoint = safeParse(inboundEndpointSchema, c.req.param('endpoint'));
    if (!endpoint.success)
      return c.json({ error: 'bad-request', message: `Unknown endpoint ${c.req.param('endpoint')}` }, 400);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'bad-request', message: 'The policy must be JSON.' }, 400);
    }
    const policy = safeParse(inboxPolicySchema, body);
    if (!policy.success) {
      const issue = policy.error.issues[0];
      return c.json(
        { error: 'bad-request', message: `Invalid policy at ${issue?.path.join('.') || '(root)'}: ${issue?.message}` },
        400,
      );
    }
    deps.policies.set(endpoint.data, policy.data);
    return c.json(deps.policies.all());
  });
  return app;
}
