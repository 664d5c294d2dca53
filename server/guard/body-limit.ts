import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Sign-in carries one token: anything bigger is not a sign-in. */
export const SIGN_IN_MAX_BYTES = 16 * 1024;
/** A web app opened by form POST gets a token and a redirect URI. */
export const APP_FORM_MAX_BYTES = 64 * 1024;
/** Any other API call of the console (a share's text, a key to import, a policy). */
export const API_MAX_BYTES = 1024 * 1024;
/** Routes that take no body at all (pages, discovery, the WAYF): a small allowance, then 413. */
export const OTHER_MAX_BYTES = 64 * 1024;

/** The largest body a route takes, in bytes; undefined leaves the route to read (and bound) its body itself. */
export type BodyCap = (path: string) => number | undefined;

const kib = (bytes: number) => (bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`);

/**
 * Refuses a body over the route's cap before any of it is buffered: a declared Content-Length over the cap is
 * answered at once, a chunked body is counted as it arrives and cut at the cap. Answers 413 with the limit,
 * as JSON on /api (the console's pages read it) and as text elsewhere (a form or a peer reads it).
 */
export function limitBodies(capFor: BodyCap): MiddlewareHandler {
  const limiters = new Map<number, MiddlewareHandler>();
  const limiter = (cap: number) => {
    let found = limiters.get(cap);
    if (!found) {
      found = bodyLimit({
        maxSize: cap,
        onError: (c) => {
          const message = `Request body too large: ${c.req.method} ${c.req.path} takes at most ${kib(cap)}.`;
          c.header('connection', 'close');
          return c.req.path.startsWith('/api/')
            ? c.json({ error: 'too-large', message, limit: cap }, 413)
            : c.text(message, 413);
        },
      });
      limiters.set(cap, found);
    }
    return found;
  };
  return async (c, next) => {
    const cap = capFor(c.req.path);
    return cap === undefined ? next() : limiter(cap)(c, next);
  };
}

/**
 * The console's caps. Received OCM calls (/ocm/*) are read by the inbox with its own limit (--max-inbound-bytes),
 * which keeps the first bytes of an oversized call as evidence, so they are left to it; the relay takes a JSON
 * envelope whose body may be base64 (4/3 of the bytes sent).
 */
export function consoleBodyCap(relayMaxRequestBytes: number): BodyCap {
  const relay = Math.ceil(relayMaxRequestBytes * 1.5) + 64 * 1024;
  return (path) => {
    if (path === '/ocm' || path.startsWith('/ocm/')) return undefined;
    if (path === '/api/session') return SIGN_IN_MAX_BYTES;
    if (path === '/api/relay') return relay;
    if (path.startsWith('/api/')) return API_MAX_BYTES;
    if (path.startsWith('/apps/open/')) return APP_FORM_MAX_BYTES;
    return OTHER_MAX_BYTES;
  };
}

/** A demo peer's caps: its OCM endpoints read their own bodies (1 MiB), its controls take the console's JSON. */
export function peerBodyCap(path: string): number | undefined {
  if (path === '/ocm' || path.startsWith('/ocm/')) return undefined;
  if (path.startsWith('/demo/')) return API_MAX_BYTES;
  return OTHER_MAX_BYTES;
}
