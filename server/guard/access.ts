import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GuessLimit } from './guess-limit.ts';

/** The cookie that carries a signed-in browser's session id (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'ocmx_session';
/** How long a browser stays signed in without signing in again. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** API paths a public instance answers without a credential: its status, and signing in itself. */
const OPEN_API_PATHS = new Set(['/api/health', '/api/session']);

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Compares a presented token with the real one in constant time (hashes first: lengths may differ). */
export function tokenMatches(presented: string, token: string): boolean {
  return timingSafeEqual(digest(presented), digest(token));
}

/** A fresh access token for a public instance that was started without one. */
export function generateAccessToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Signed-in browsers, held in memory: a random id per session with its expiry. A restart signs
 * everybody out, which is what a shared lab instance wants. Old sessions are swept as new ones start.
 */
export class SessionStore {
  private readonly sessions = new Map<string, number>();
  private readonly watchers = new Map<string, Set<() => void>>();

  constructor(
    private readonly ttlMs = SESSION_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  start(): { id: string; expiresAt: number } {
    const at = this.now();
    for (const [id, expires] of this.sessions) if (expires <= at) this.sessions.delete(id);
    const id = randomBytes(32).toString('base64url');
    const expiresAt = at + this.ttlMs;
    this.sessions.set(id, expiresAt);
    return { id, expiresAt };
  }

  isValid(id: string | undefined): boolean {
    if (!id) return false;
    const expires = this.sessions.get(id);
    if (expires === undefined) return false;
    if (expires <= this.now()) {
      this.sessions.delete(id);
      return false;
    }
    return true;
  }

  end(id: string | undefined): void {
    if (!id) return;
    this.sessions.delete(id);
    const watching = this.watchers.get(id);
    this.watchers.delete(id);
    for (const ended of watching ?? []) ended();
  }

  /**
   * Calls `ended` once, when the session ends: signed out, or expired. What lasts longer than one request (an
   * event stream) holds only as long as the session it was opened with. Returns a function that stops watching.
   */
  watch(id: string, ended: () => void): () => void {
    const expires = this.sessions.get(id);
    if (expires === undefined || expires <= this.now()) {
      ended();
      return () => undefined;
    }
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      this.watchers.get(id)?.delete(once);
      ended();
    };
    const timer = setTimeout(() => this.end(id), expires - this.now());
    timer.unref?.();
    const watching = this.watchers.get(id) ?? new Set();
    watching.add(once);
    this.watchers.set(id, watching);
    return () => {
      done = true;
      clearTimeout(timer);
      watching.delete(once);
      if (!watching.size) this.watchers.delete(id);
    };
  }
}

export type Credential = { kind: 'bearer' } | { kind: 'session'; id: string };

/**
 * The credential a request carries, if it is a valid one: `Authorization: Bearer <token>`, or the
 * session cookie of a browser that signed in. A token in the query string, Basic credentials or a
 * cookie the server never issued are not credentials.
 */
export function credentialOf(c: Context, token: string, sessions: SessionStore): Credential | undefined {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match && tokenMatches(match[1]!, token) ? { kind: 'bearer' } : undefined;
  }
  const id = getCookie(c, SESSION_COOKIE);
  return id && sessions.isValid(id) ? { kind: 'session', id } : undefined;
}

/**
 * Public mode: every /api route but the server's status and the sign-in route answers 401 to a
 * request without a valid credential. What peers need (discovery, /ocm/*) is not under /api. A wrong
 * bearer token counts as a wrong guess of the client's address, like a wrong sign-in.
 */
export function requireAccess(token: string, sessions: SessionStore, guesses: GuessLimit): MiddlewareHandler {
  return async (c, next) => {
    if (OPEN_API_PATHS.has(c.req.path)) return next();
    const presented = c.req.header('authorization') !== undefined;
    if (presented) {
      const refused = guesses.refusal(c);
      if (refused) return refused;
    }
    const credential = credentialOf(c, token, sessions);
    if (!credential) {
      if (presented) guesses.wrong(c);
      c.header('www-authenticate', 'Bearer realm="ocm-explorer"');
      return c.json(
        {
          error: 'unauthorized',
          message:
            'This console is a public instance: sign in on its sign-in page (/sign-in) with its access token, or send Authorization: Bearer <token>.',
        },
        401,
      );
    }
    return next();
  };
}
