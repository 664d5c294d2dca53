/**
 * GET/POST/DELETE /api/session: whether this console needs signing in (a public instance) and
 * whether this browser is signed in. Checked by hand, like health: the shell asks on every first load.
 */
export interface SessionState {
  required: boolean;
  signedIn: boolean;
}

export function parseSessionState(value: unknown): SessionState | string {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const v = value as Record<string, unknown>;
  if (typeof v.required !== 'boolean') return 'required is not a boolean';
  if (typeof v.signedIn !== 'boolean') return 'signedIn is not a boolean';
  return { required: v.required, signedIn: v.signedIn };
}
