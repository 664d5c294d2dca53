import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionState } from '../../src/contract/session.ts';
import { SESSION_COOKIE, type SessionStore, credentialOf, tokenMatches } from '../guard/access.ts';
import { clientAddress, type RateLimiter } from '../guard/rate-limit.ts';

export interface SessionRouteOptions {
  /** The access token of a public instance; undefined on a local one, which needs no sign-in. */
  token: string | undefined;
  sessions: SessionStore;
  /** Sign-in attempts per client address: a guessed token costs time. */
  attempts: RateLimiter;
  /** Whether the cookie must be Secure: the console is reached over https. */
  secure: (requestUrl: string) => boolean;
}

/**
 * /api/session: whether this console needs signing in, signing in with the access token (a session
 * cookie comes back: HttpOnly, SameSite=Strict, Secure over https) and signing out.
 */
export function sessionRoutes({ token, sessions, attempts, secure }: SessionRouteOptions): Hono {
  const app = new Hono();
  const state = (signedIn: boolean): SessionState => ({ required: token !== undefined, signedIn });

  app.get('/api/session', (c) => {
    c.header('cache-control', 'no-store');
    return c.json(state(token === undefined || credentialOf(c, token, sessions) !== undefined));
  });

  app.post('/api/session', async (c) => {
    if (token === undefined) return c.json(state(true));
    const limited = attempts.take([`sign-in:${clientAddress(c)}`]);
    if (!limited.ok) {
      c.header('retry-after', String(limited.retryAfterSeconds));
      return c.json(
        {
          error: 'rate-limited',
          message: `Too many sign-in attempts from this address; try again in ${limited.retryAfterSeconds} s.`,
        },
        429,
      );
    }
    const body: unknown = await c.req.json().catch(() => undefined);
    const presented = (body as { token?: unknown } | undefined)?.token;
    if (typeof presented !== 'string' || presented === '') {
      return c.json({ error: 'bad-request', message: 'Send {"token": "<the access token>"}.' }, 400);
    }
    if (!tokenMatches(presented.trim(), token)) {
      return c.json(
        {
          error: 'wrong-token',
          message:
            "That is not this console's access token. It was printed when the console started, or set with --access-token.",
        },
        401,
      );
    }
    sessions.end(getCookie(c, SESSION_COOKIE));
    const session = sessions.start();
    setCookie(c, SESSION_COOKIE, session.id, {
      path: '/',
      httpOnly: true,
      sameSite: 'Strict',
      secure: secure(c.req.url),
      expires: new Date(session.expiresAt),
    });
    c.header('cache-control', 'no-store');
    return c.json(state(true));
  });

  app.delete('/api/session', (c) => {
    sessions.end(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c.req.url) });
    return c.json(state(token === undefined));
  });
  return app;
}
