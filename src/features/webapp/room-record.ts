import type { LabMode } from '../../protocol/webapp.ts';
import { readAppReport, type AppReport } from './app-report.ts';

/**
 * The room view's results, kept in this tab's sessionStorage over the redirect: the lab's own tab goes to
 * the app (a real top-level navigation, no opener) and comes back through expired_session_redirect_uri,
 * a new page load that must show every result again.
 */
export interface RoomRecord {
  v: 1;
  /** The lab's own address (a path under /webapp), reloaded with the room view open when the tab is back. */
  reopen: string;
  reports: Partial<Record<LabMode, { report: AppReport; at: number }>>;
  redirect?: {
    sentAt: number;
    /** When the token the tab took to the app expires (ms since epoch), when the exchange said. */
    expiresAt?: number;
    back?: { at: number; report?: AppReport };
  };
}

const key = (recordId: string | undefined) => `ocm-webapp-room:${recordId ?? 'manual'}`;
/** A record is a few hundred bytes; anything far larger was not written by this page. */
const MAX_CHARS = 10_000;

export function readRoom(recordId: string | undefined): RoomRecord | undefined {
  try {
    const text = sessionStorage.getItem(key(recordId));
    if (!text || text.length > MAX_CHARS) return undefined;
    const raw = JSON.parse(text) as Partial<RoomRecord>;
    if (raw.v !== 1 || typeof raw.reports !== 'object' || raw.reports === null) return undefined;
    if (typeof raw.reopen !== 'string' || !/^\/webapp(\/|\?|$)/.test(raw.reopen)) return undefined;
    const reports: RoomRecord['reports'] = {};
    for (const mode of ['iframe', 'popup', 'redirect'] as const) {
      const kept = raw.reports[mode];
      const report = kept && readAppReport(kept.report);
      if (kept && report && typeof kept.at === 'number') reports[mode] = { report, at: kept.at };
    }
    const r = raw.redirect;
    const redirect =
      r && typeof r.sentAt === 'number'
        ? {
            sentAt: r.sentAt,
            ...(typeof r.expiresAt === 'number' ? { expiresAt: r.expiresAt } : {}),
            ...(r.back && typeof r.back.at === 'number'
              ? { back: { at: r.back.at, ...backReport(r.back.report) } }
              : {}),
          }
        : undefined;
    return { v: 1, reopen: raw.reopen, reports, ...(redirect ? { redirect } : {}) };
  } catch {
    return undefined;
  }
}

export function writeRoom(recordId: string | undefined, record: RoomRecord): void {
  try {
    sessionStorage.setItem(key(recordId), JSON.stringify(record));
  } catch {
    // Storage full or off: the room view still works, it only forgets over the redirect.
  }
}

function backReport(data: unknown): { report?: AppReport } {
  const report = data ? readAppReport(data) : undefined;
  return report ? { report } : {};
}

/** A redirect older than this is not the one the tab is coming back from. */
const REDIRECT_MAX_AGE_MS = 10 * 60_000;

/**
 * The tab came back to expired_session_redirect_uri: when a room demo sent it away (and recently), notes
 * when, and what the app said in the fragment, and answers the room view's address to return to.
 */
export function noteRedirectBack(recordId: string | undefined, report: AppReport | undefined): string | undefined {
  const record = readRoom(recordId);
  const sent = record?.redirect;
  if (!record || !sent || sent.back || Date.now() - sent.sentAt > REDIRECT_MAX_AGE_MS) return undefined;
  sent.back = { at: Date.now(), ...(report ? { report } : {}) };
  if (report) record.reports.redirect = { report, at: Date.now() };
  writeRoom(recordId, record);
  return `${record.reopen}${record.reopen.includes('?') ? '&' : '?'}room=back`;
}
