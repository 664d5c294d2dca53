import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionState } from '../../src/contract/session.ts';
import { SESSION_COOKIE, type SessionStore, credentialOf, tokenMatches } from '../guard/access.ts';
import type { GuessLimit } from '../guard/guess-limit.ts';

export interface SessionRouteOptions {
  /** The access token of a public instance; undefined on a local one, which needs no sign-in. */
  token: string | undefined;
  sessions: SessionStore;
  /** Wrong tokens per client address, shared with the API's bearer check: a guessed token costs time. */
  guesses: GuessLimit;
  /** Whether the cookie must be Secure: the console is reached over https. */
  secure: (requestUrl: string) => boolean;
}

/**
 * /api/session: whether this console needs signing in, signing in with the access token (a session
 * cookie comes back: HttpOnly, SameSite=Strict, Secure over https) and signing out.
 */
export function sessionRoutes({ token, sessions, guesses, secure }: SessionRouteOptions): Hono {
  const app = new Hono();
  const state = (signedIn: boolean): SessionState => ({ required: token !== undefined, signedIn });

  app.get('/api/session', (c) => {
    c.header('cache-control', 'no-store');
    if (token === undefined) return c.json(state(true));
    // Asking "am I signed in?" with a bearer token is one more way to try a token: it counts like the others.
    const presented = c.req.header('authorization') !== undefined;
    const refused = presented ? guesses.refusal(c) : undefined;
    if (refused) return refused;
    const signedIn = credentialOf(c, token, sessions) !== undefined;
    if (presented && !signedIn) guesses.wrong(c);
    return c.json(state(signedIn));
  });

  app.post('/api/session', async (c) => {
    if (token === undefined) return c.json(state(true));
    const refused = guesses.refusal(c);
    if (refused) return refused;
    const body: unknown = await c.req.json().catch(() => undefined);
    const presented = (body as { token?: unknown } | undefined)?.token;
    if (typeof presented !== 'string' || presented === '') {
      return c.json({ error: 'bad-request', message: 'Send {"token": "<the access token>"}.' }, 400);
    }
    if (!tokenMatches(presented.trim(), token)) {
      guesses.wrong(c);
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
