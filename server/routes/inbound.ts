import { Hono } from 'hono';
import type { InboundEndpoint } from '../../src/contract/inbound.ts';
import { answeredOutsideInbox } from '../console-paths.ts';
import { receive, type InboxDeps } from '../inbox/receive.ts';

const ROUTES: Record<string, InboundEndpoint> = {
  '/ocm/shares': 'shares',
  '/ocm/notifications': 'notifications',
  '/ocm/invite-accepted': 'invite-accepted',
  '/ocm/token': 'token',
  '/ocm/request-share': 'request-share',
};

/**
 * The console's own OCM endpoint (`endPoint` = <base>/ocm). Every call under /ocm is recorded,
 * including ones to paths OCM does not define, so a misrouted peer shows up in the inbox too.
 */
export function inboundRoutes(deps: InboxDeps): Hono {
  const app = new Hono();
  for (const [path, endpoint] of Object.entries(ROUTES)) {
    app.post(path, (c) => receive(c, endpoint, deps));
    // A trailing slash is a common client slip; record it under the same endpoint.
    app.post(`${path}/`, (c) => receive(c, endpoint, deps));
  }
  // Paths other rooms answer (the JWKS, the shares' WebDAV) are passed on, whatever the mounting order.
  app.all('/ocm/*', (c, next) => (answeredOutsideInbox(c.req.method, c.req.path) ? next() : receive(c, 'other', deps)));
  app.all('/ocm', (c) => receive(c, 'other', deps));
  return app;
}
