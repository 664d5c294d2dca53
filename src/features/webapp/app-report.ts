/**
 * What a self-reporting web app (alpha's, the console's own) says about one window: posted to its parent or
 * opener, or, from a tab with neither (a redirect), put in the fragment of expired_session_redirect_uri when
 * it leaves. And what the console's own "session ended" page posts when the app sent a frame or popup
 * there. Remote data: read field by field, never trusted further than a few known values.
 */
export type OpenedAs = 'frame' | 'popup' | 'redirect';
export type LeftBy = 'back' | 'timer' | 'expired';

export interface AppReport {
  app?: string;
  openedAs?: OpenedAs;
  tokenBy?: 'POST' | 'none';
  tokenValid?: boolean;
  tokenInUrl?: boolean;
  refusedFramed?: boolean;
  /** The console's "session ended" page: the app sent this window to expired_session_redirect_uri. */
  sessionEnded?: boolean;
  left?: LeftBy;
}

const OPENED: readonly OpenedAs[] = ['frame', 'popup', 'redirect'];
const LEFT: readonly LeftBy[] = ['back', 'timer', 'expired'];
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => list.find((x) => x === v);

/** Reads a posted report; undefined when the message is not one. */
export function readAppReport(data: unknown): AppReport | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const r = data as Record<string, unknown>;
  if (r.sessionEnded === true)
    return { sessionEnded: true, ...(oneOf(LEFT, r.left) ? { left: oneOf(LEFT, r.left) } : {}) };
  if (r.tokenBy !== 'POST' && r.tokenBy !== 'none') return undefined;
  const openedAs =
    oneOf(OPENED, r.openedAs) ?? (r.framed === true ? 'frame' : r.opener === true ? 'popup' : 'redirect');
  return {
    ...(typeof r.app === 'string' ? { app: r.app.slice(0, 80) } : {}),
    openedAs,
    tokenBy: r.tokenBy,
    tokenValid: r.tokenValid === true,
    tokenInUrl: r.tokenInUrl === true,
    refusedFramed: r.refusedFramed === true,
    ...(oneOf(LEFT, r.left) ? { left: oneOf(LEFT, r.left) } : {}),
  };
}

/** The report a redirected app left in the fragment of the address it sent the tab back to. */
export function readReturnFragment(hash: string): AppReport | undefined {
  if (hash.length < 2 || hash.length > 1000) return undefined;
  const p = new URLSearchParams(hash.slice(1));
  const report = readAppReport({
    app: p.get('app') ?? undefined,
    openedAs: p.get('openedAs'),
    tokenBy: p.get('tokenBy'),
    tokenValid: p.get('tokenValid') === 'true',
  });
  const left = oneOf(LEFT, p.get('left'));
  return report && { ...report, ...(left ? { left } : {}) };
}

export const HOW_OPENED: Record<OpenedAs, string> = {
  frame: 'in a frame',
  popup: 'in a popup window (opened by the console)',
  redirect: 'in a full tab, no opener (a redirect)',
};

export const WHY_LEFT: Record<LeftBy, string> = {
  back: 'the app’s back link',
  timer: 'the app’s timer',
  expired: 'the token expired',
};

export const REFUSED_TOKEN = 'the app refused the token: unknown, expired or for another share';

/** One line a room can read: how the window was opened and whether the app took the token. */
export function verdictOf(report: AppReport): { tone: 'good' | 'bad'; text: string } {
  if (report.sessionEnded)
    return {
      tone: 'bad',
      text: `session ended: the app sent this window to expired_session_redirect_uri${report.left ? ` (${WHY_LEFT[report.left]})` : ''}`,
    };
  const how = HOW_OPENED[report.openedAs ?? 'redirect'];
  if (report.refusedFramed) return { tone: 'bad', text: `${how} · the app refused to run in a frame` };
  const inUrl = report.tokenInUrl ? ' · a token was in the URL' : '';
  if (report.tokenBy !== 'POST') return { tone: 'bad', text: `${how} · no token: not opened by a form POST${inUrl}` };
  if (!report.tokenValid) return { tone: 'bad', text: `${how} · ${REFUSED_TOKEN}${inUrl}` };
  return { tone: inUrl ? 'bad' : 'good', text: `${how} · token by POST, valid${inUrl}` };
}
