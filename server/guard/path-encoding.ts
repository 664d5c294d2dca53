import type { MiddlewareHandler } from 'hono';

/** A URI component decoded, or undefined when its percent-encoding is not UTF-8 ("%E0%A4%A"). */
export function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Refuses a request whose path does not decode (a cut or invalid percent-encoding) with 400 and the
 * reason, before any route tries to decode it: such a path names nothing here, and a route that decoded
 * it without care would fail with a 500 and a stack trace in the log.
 */
export function refuseMalformedPath(): MiddlewareHandler {
  return async (c, next) => {
    const path = new URL(c.req.url).pathname;
    // What peers send to /ocm/* is recorded as it came (the inbox never decodes the path).
    if (path.startsWith('/ocm/') || decodeComponent(path) !== undefined) return next();
    return c.json(
      {
        error: 'bad-request',
        message: `The path ${JSON.stringify(path.slice(0, 200))} is not valid percent-encoding: each %XX must spell UTF-8 (RFC 3986 §2.1).`,
      },
      400,
    );
  };
}
