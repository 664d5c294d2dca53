import type { MiddlewareHandler } from 'hono';
import { hostNameOf } from './host-check.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard for the console's own API (not for /ocm, where peers call): a
 * page on another site may make the browser POST to 127.0.0.1 without reading the answer, e.g. a
 * text/plain form shaped like JSON. So a state-changing /api call must come from one of this
 * server's own origins, and a body must be declared as JSON (which a cross-site page cannot send
 * without a CORS preflight, and this server answers none).
 */
export function sameOriginApi(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      let host: string;
      try {
        host = hostNameOf(new URL(origin).host);
      } catch {
        host = '';
      }
      if (!allowed.has(host))
        return c.json(
          { error: 'cross-origin', message: `Requests to the console's API from ${origin} are refused.` },
          403,
        );
    } else if (origin === 'null' || c.req.header('sec-fetch-site') === 'cross-site') {
      return c.json(
        { error: 'cross-origin', message: "Requests to the console's API from other sites are refused." },
        403,
      );
    }
    const hasBody =
      Number(c.req.header('content-length') ?? 0) > 0 ||
      c.req.header('transfer-encoding') !== undefined ||
      (c.req.header('content-length') === undefined && c.req.raw.body !== null);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (hasBody && type !== 'application/json') {
      return c.json(
        {
          error: 'unsupported-media-type',
          message: "The console's API takes JSON bodies (Content-Type: application/json).",
        },
        415,
      );
    }
    return next();
  };
}
