/** Invite links: the WAYF link an invite sender hands out, and the receiver's accept-dialog URL. */

/** `https://<sender>/<wayf-path>?token=<token>`; the path is not standardised (often /wayf). */
export function wayfLink(senderOrigin: string, token: string, wayfPath = '/wayf'): string {
  const url = new URL(wayfPath, ensureOrigin(senderOrigin));
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * Where a WAYF page sends the browser: the receiver's inviteAcceptDialog (a path resolved against the
 * receiver's origin, or an absolute URL as some servers publish) with token and providerDomain.
 */
export function acceptDialogLink(
  receiverOrigin: string,
  inviteAcceptDialog: string,
  token: string,
  providerDomain: string,
): string {
  const url = new URL(inviteAcceptDialog, ensureOrigin(receiverOrigin));
  url.searchParams.set('token', token);
  url.searchParams.set('providerDomain', providerDomain);
  return url.toString();
}

/** Reads token and providerDomain from a WAYF or accept-dialog link; null when there is no token. */
export function parseInviteLink(link: string): { token: string; providerDomain?: string; origin: string } | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const token = url.searchParams.get('token');
  if (!token) return null;
  const providerDomain = url.searchParams.get('providerDomain');
  return providerDomain ? { token, providerDomain, origin: url.origin } : { token, origin: url.origin };
}

function ensureOrigin(origin: string): string {
  return /^https?:\/\//i.test(origin) ? origin : `https://${origin}`;
}
