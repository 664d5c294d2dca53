import { Hono } from 'hono';
import type { KeyStore } from '../identity/key-store.ts';
import type { OutboundClient } from '../outbound/http-client.ts';
import { CONSOLE_PATHS, WEBDAV_METHODS } from '../console-paths.ts';
import { consoleAppPage } from '../sharing/console-app.ts';
import { trackSentShare } from '../inbox/sent-shares.ts';
import type { ShareLinkDeps } from '../inbox/share-links.ts';
import { sendShare } from '../sharing/send-share.ts';
import type { ShareStore } from '../sharing/share-store.ts';
import { credentialOf, davResponse } from '../webdav.ts';

const PERMISSIONS = ['read', 'write', 'share'] as const;

/**
 * The console as a sending server: POST /api/shares shares a small text file (or its web app for it) with
 * an OCM address; /apps/open/:id is that web app, opened with a token POSTed in a form;
 * GET /api/shares lists what was shared (secrets left out); /ocm/webdav/:id serves each file to the
 * bearer of a token from the console's token endpoint (or to the secret itself, when the share does
 * not require the code flow).
 */
export function shareRoutes(deps: {
  outbound: OutboundClient;
  keys: Promise<KeyStore>;
  shares: ShareStore;
  consoleBase: (url: string) => string;
  /** Where a delivered share is tracked, and a request it answers marked shared. */
  shareLinks?: ShareLinkDeps;
}): Hono {
  const app = new Hono();
  app.get('/api/shares', (c) => c.json({ shares: deps.shares.list().map(({ secret: _s, ...rest }) => rest) }));
  app.post('/api/shares', async (c) => {
    let input: Record<string, unknown>;
    try {
      input = (await c.req.json()) as Record<string, unknown>;
    } catch {
      return c.json(
        {
          error: 'bad-request',
          message:
            'Send {"to": "user@host", "name"?, "content"?, "mustExchangeToken"?, "protocol"?: "webdav" | "webapp"} as JSON.',
        },
        400,
      );
    }
    if (typeof input.to !== 'string')
      return c.json({ error: 'bad-request', message: '"to" must be an OCM address (user@host).' }, 400);
    if (input.protocol !== undefined && input.protocol !== 'webdav' && input.protocol !== 'webapp')
      return c.json(
        {
          error: 'bad-request',
          message: `"protocol" must be "webdav" or "webapp", not ${JSON.stringify(input.protocol)}.`,
        },
        400,
      );
    const permissions = Array.isArray(input.permissions)
      ? PERMISSIONS.filter((p) => (input.permissions as unknown[]).includes(p))
      : undefined;
    if (Array.isArray(input.permissions) && input.permissions.some((p) => !PERMISSIONS.includes(p as never)))
      return c.json({ error: 'bad-request', message: `"permissions" may hold only ${PERMISSIONS.join(', ')}.` }, 400);
    const request = typeof input.request === 'string' && input.request ? input.request : undefined;
    const result = await sendShare(
      {
        to: input.to,
        ...(typeof input.from === 'string' ? { from: input.from } : {}),
        ...(typeof input.name === 'string' ? { name: input.name } : {}),
        ...(typeof input.content === 'string' ? { content: input.content } : {}),
        ...(typeof input.mustExchangeToken === 'boolean' ? { mustExchangeToken: input.mustExchangeToken } : {}),
        ...(input.protocol === 'webapp' || input.protocol === 'webdav' ? { protocol: input.protocol } : {}),
        ...(permissions ? { permissions } : {}),
      },
      { outbound: deps.outbound, keys: await deps.keys, shares: deps.shares, consoleBase: deps.consoleBase(c.req.url) },
    );
    const linked = deps.shareLinks ? trackSentShare(deps.shareLinks, result, request) : undefined;
    return c.json(
      { ...result, ...(linked ? { answered: linked } : {}) },
      result.problem ? 400 : result.failure ? 502 : 200,
    );
  });
  app.on(['GET', 'POST'], `${CONSOLE_PATHS.apps}:id`, (c) => consoleAppPage(c, deps.shares, c.req.param('id')));
  app.on([...WEBDAV_METHODS], `${CONSOLE_PATHS.webdav}:id`, (c) => {
    const id = c.req.param('id');
    const credential = credentialOf(c);
    const share = credential?.kind === 'bearer' ? deps.shares.shareForToken(credential.value) : undefined;
    const bySecret = credential ? deps.shares.byCode(credential.value) : undefined;
    const found = share?.id === id ? share : bySecret?.id === id && !bySecret.mustExchangeToken ? bySecret : undefined;
    // A web-app share offers the app, not the file over WebDAV.
    const allowed = found?.protocol === 'webdav' ? found : undefined;
    if (!allowed) {
      c.header('www-authenticate', 'Bearer realm="ocm"');
      const why =
        found?.protocol === 'webapp'
          ? `this is a web-app share: open ${CONSOLE_PATHS.apps}${id} with the token POSTed in a form.`
          : bySecret?.id === id
            ? 'this share requires the code flow: exchange the sharedSecret at the tokenEndPoint first.'
            : 'send the access token from the token exchange as a Bearer token.';
      return c.text(`Unauthorized: ${why}`, 401);
    }
    return davResponse(c, allowed);
  });
  return app;
}
