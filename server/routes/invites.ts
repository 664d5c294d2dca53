import { Hono } from 'hono';
import type { SentInviteView } from '../../src/contract/invites.ts';
import { encodeInviteString, inviteState, wayfLink, type SentInvite } from '../../src/protocol/index.ts';
import type { InviteStore } from '../invites/invite-store.ts';
import { WAYF_CONTENT_SECURITY_POLICY, wayfPage, wayfRedirect, type WayfProvider } from '../invites/wayf.ts';
import type { OutboundClient } from '../outbound/http-client.ts';

/**
 * The console as Invite Sender: GET/POST /api/invites list and create invites; GET /wayf is the page an
 * invite link opens (open to visitors: it is what the console hands out).
 */
export function inviteRoutes(deps: {
  invites: InviteStore;
  users: readonly string[];
  outbound: OutboundClient;
  consoleBase: (url: string) => string;
  providers: () => WayfProvider[];
}): Hono {
  const app = new Hono();
  const view = (invite: SentInvite, base: string): SentInviteView => ({
    ...invite,
    state: inviteState(invite, new Date()),
    inviteString: encodeInviteString(invite.token, new URL(base).host),
    link: wayfLink(base, invite.token),
  });
  app.get('/api/invites', (c) => {
    const base = deps.consoleBase(c.req.url);
    const unreadable = deps.invites.unreadable;
    return c.json({
      invites: deps.invites.list().map((i) => view(i, base)),
      users: deps.users,
      ...(unreadable ? { unreadable } : {}),
    });
  });
  app.post('/api/invites', async (c) => {
    let input: Record<string, unknown> = {};
    try {
      const text = await c.req.text();
      if (text) input = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return c.json({ error: 'bad-request', message: 'Send {"user"?, "expiresInSeconds"?} as JSON.' }, 400);
    }
    const user = typeof input.user === 'string' ? input.user : deps.users[0]!;
    if (!deps.users.includes(user))
      return c.json({ error: 'bad-request', message: `"user" must be one of ${deps.users.join(', ')}.` }, 400);
    const seconds = typeof input.expiresInSeconds === 'number' ? input.expiresInSeconds : undefined;
    return c.json(view(deps.invites.create(user, seconds), deps.consoleBase(c.req.url)), 201);
  });
  app.get('/wayf', async (c) => {
    const token = c.req.query('token') ?? '';
    const provider = c.req.query('provider')?.trim();
    const base = deps.consoleBase(c.req.url);
    let problem: string | undefined;
    const invite = deps.invites.get(token);
    if (provider && invite && inviteState(invite, new Date()) === 'open') {
      const next = await wayfRedirect(deps.outbound, provider, token, new URL(base).host);
      if ('location' in next) return c.redirect(next.location, 303);
      problem = next.problem;
    }
    const page = wayfPage({
      token,
      invites: deps.invites,
      consoleHost: new URL(base).host,
      providers: deps.providers(),
      ...(problem ? { problem, typed: provider } : {}),
    });
    c.header('content-security-policy', WAYF_CONTENT_SECURITY_POLICY);
    c.header('cache-control', 'no-store');
    return c.html(page.html, page.status as 200);
  });
  return app;
}
