import type { MiddlewareHandler } from 'hono';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origins the console's own pages are served from: the origin the request came to (the Host
 * header with the request's scheme) and the public URL's, when one is set (a reverse proxy may
 * speak http to us while the browser sees https).
 */
export function ownOrigins(requestUrl: string, publicUrl: string | undefined): Set<string> {
  const origins = new Set([new URL(requestUrl).origin]);
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  return origins;
}

/** Why a request to the console's API may have come from another site, or undefined when it did not. */
export function crossSiteReason(
  headers: { origin?: string; secFetchSite?: string },
  own: ReadonlySet<string>,
): string | undefined {
  const { origin, secFetchSite } = headers;
  // Browsers send Sec-Fetch-Site on every request; `same-site` covers another port of the same host,
  // which is another origin (another local web server) all the same.
  if (secFetchSite === 'cross-site' || secFetchSite === 'same-site') {
    return `the browser marked this request Sec-Fetch-Site: ${secFetchSite}`;
  }
  if (origin === undefined) return undefined;
  if (origin === 'null') return 'it came from an opaque origin (Origin: null: a sandboxed frame, a file or a redirect)';
  if (!own.has(origin.toLowerCase())) return `it came from ${origin}, which is not this console`;
  return undefined;
}

/**
 * Cross-site request forgery guard for the console's own API (not for /ocm, where peers call): a
 * page on another site can make the browser send a "simple" request to 127.0.0.1 without reading the
 * answer, e.g. a text/plain form shaped like JSON. So an /api request must not come from another
 * origin (by Origin or Sec-Fetch-Site), and a state-changing one must declare its body as JSON, which
 * a cross-site page cannot do without a CORS preflight that this server never grants. Requests with
 * no browser headers at all (curl, the CLI, tests) pass.
 */
export function sameOriginApi(publicUrl: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const why = crossSiteReason(
      { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site')?.toLowerCase() },
      ownOrigins(c.req.url, publicUrl),
    );
    if (why) {
      return c.json(
        {
          error: 'cross-origin',
          message: `Refused: ${why}. The console's API answers only its own pages, so other web pages cannot drive it.`,
        },
        403,
      );
    }
    if (SAFE.has(c.req.method)) return next();
    // Over HTTP/1.1 a body comes with Content-Length or Transfer-Encoding; an in-process request
    // (tests) has no framing, so there the Request itself says whether it has one.
    const length = c.req.header('content-length');
    const framed = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined;
    const hasBody =
      Number(length ?? 0) > 0 ||
      c.req.header('transfer-encoding') !== undefined ||
      (!framed && length === undefined && c.req.raw.body !== null);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (hasBody && type !== 'application/json') {
      return c.json(
        {
          error: 'unsupported-media-type',
          message: `The console's API takes JSON bodies (Content-Type: application/json), not ${type || 'an undeclared type'}.`,
        },
        415,
      );
    }
    return next();
  };
}

/**
 * The same guard for a page's own form outside the API (a demo peer's accept dialog): a state-changing request that
 * another site made the browser send is refused with a plain page, so a web page cannot submit the form for a user.
 */
export function sameOriginForm(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const why = crossSiteReason(
      { origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site')?.toLowerCase() },
      ownOrigins(c.req.url, undefined),
    );
    if (why)
      return c.text(`Refused: ${why}. This form answers only its own page, so other web pages cannot submit it.`, 403);
    return next();
  };
}
