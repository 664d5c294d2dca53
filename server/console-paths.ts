// The console's own paths under its OCM endpoint. The inbox records every call under /ocm, except the
// ones listed here, which other rooms answer: so no route depends on being mounted before another.

export const CONSOLE_PATHS = {
  /** The OCM endPoint (`<base>/ocm`): the inbox. */
  endPoint: '/ocm',
  /** The JWK Set behind jwksUri (identity). */
  jwks: '/ocm/jwks',
  /** The token endpoint (the inbox answers it, with the console's shares' codes). */
  token: '/ocm/token',
  /** The files of the console's shares, for the bearer of a token (sharing). */
  webdav: '/ocm/webdav/',
  /** The console's web app for its web-app shares (outside /ocm: a browser opens it, not a server). */
  apps: '/apps/open/',
} as const;

/** Where the console's web app opens one share. */
export const consoleAppPath = (shareId: string) => `${CONSOLE_PATHS.apps}${encodeURIComponent(shareId)}`;

export const JWKS_METHODS = ['GET', 'HEAD'] as const;
export const WEBDAV_METHODS = ['PROPFIND', 'GET', 'HEAD', 'PUT', 'DELETE'] as const;

/** True when a call under /ocm is answered by identity (JWKS) or sharing (WebDAV), not by the inbox. */
export function answeredOutsideInbox(method: string, path: string): boolean {
  const m = method.toUpperCase();
  if (path === CONSOLE_PATHS.jwks) return (JWKS_METHODS as readonly string[]).includes(m);
  if (
    path.startsWith(CONSOLE_PATHS.webdav) &&
    path.length > CONSOLE_PATHS.webdav.length &&
    !path.slice(CONSOLE_PATHS.webdav.length).includes('/')
  )
    return (WEBDAV_METHODS as readonly string[]).includes(m);
  return false;
}
