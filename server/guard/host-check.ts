import type { MiddlewareHandler } from 'hono';

/** Host names every local install answers to, whatever its port. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a Host header value, lower-cased, without the port; IPv6 literals keep their brackets. */
export function hostNameOf(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end === -1 ? value : value.slice(0, end + 1);
  }
  const colon = value.indexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}

export function allowedHostNames(publicUrl: string | undefined, extra: readonly string[]): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (publicUrl) names.add(new URL(publicUrl).hostname.toLowerCase());
  for (const name of extra) names.add(hostNameOf(name));
  return names;
}

/**
 * Refuses requests whose Host header names a host this server does not know (DNS rebinding:
 * a hostile page on evil.example resolving its own name to 127.0.0.1 must not reach the API).
 * Only the name is compared; the port is whatever the server happens to listen on.
 */
export function hostCheck(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    // Over HTTP/1.1 the header is always there; in-process requests (tests) carry the host in the URL.
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!host || !allowed.has(hostNameOf(host))) {
      return c.json(
        {
          error: 'forbidden-host',
          message: `Host header ${JSON.stringify(host ?? '')} is not one this server answers to. Add it with --allowed-host or --public-url if it is yours.`,
        },
        403,
      );
    }
    await next();
  };
}
