import { useEffect, useRef, useState, type RefObject } from 'react';
import { LAB_MODES, webappFormFields, type LabMode, type Negotiation } from '../../protocol/webapp.ts';
import { Button } from '../../ui/button.tsx';
import { readAppReport, verdictOf, WHY_LEFT, type AppReport } from './app-report.ts';
import { openPopupNow, SIDE_FRAME_NAME, POPUP_NAME, submitAppForm } from './launch.ts';
import type { AppMessage } from './message-log.tsx';
import { readRoom, writeRoom, type RoomRecord } from './room-record.ts';

/** Where each mode's app window reports from, in the message log. */
const SOURCE: Partial<Record<LabMode, AppMessage['from']>> = { iframe: 'side-by-side iframe', popup: 'popup' };

const HOW: Record<LabMode, string> = {
  iframe: 'A frame on this page; the form’s target is the frame’s name.',
  popup: 'A window of its own, opened by this page in the click; the form’s target is the window’s name.',
  redirect: 'This very tab: the form’s target is _top, the tab has no opener, and the app sends it back.',
};

/** Once the iframe and the popup reported (or this long after the token was POSTed), the redirect starts. */
const WAIT_FOR_REPORTS_MS = 6000;
/** How long the room sees the iframe and the popup before this tab goes to the app. */
const HOLD_SECONDS = 5;

interface Column {
  state: 'idle' | 'opening' | 'opened' | 'failed';
  note: string;
}

const WAITING = 'token POSTed; waiting for the app to report…';
const IDLE: Column = { state: 'idle', note: 'not opened yet' };
const time = (ms: number) => new Date(ms).toLocaleTimeString();

/**
 * The three modes at once, for a room, in one click and with a browser's popup blocker on: the iframe in
 * this view, one popup (the one new window a click allows), and this tab itself by redirect, once the
 * other two have reported. The tab comes back through expired_session_redirect_uri and the view shows
 * again, with every report kept (sessionStorage). Each column says what that window's app reported.
 */
export function RoomView({
  uri,
  recordId,
  reopenAt,
  negotiation,
  token,
  ended,
  frameRef,
  popupRef,
  messages,
  start,
  reopen,
  onClose,
}: {
  uri: string;
  recordId: string | undefined;
  /** The lab's own address, reloaded with this view open when the tab comes back from the redirect. */
  reopenAt: string;
  negotiation: Negotiation;
  token: () => Promise<{ token: string; how: string; expiresAt?: number }>;
  ended: string;
  frameRef: RefObject<HTMLIFrameElement | null>;
  popupRef: RefObject<Window | null>;
  messages: AppMessage[];
  /** Open all three as soon as the view shows (the click that opened it allows the popup). */
  start: boolean;
  /** Called before the tab leaves, so the page it comes back to can reopen this lab. */
  reopen?: () => void;
  onClose: () => void;
}) {
  const [kept, setKept] = useState<RoomRecord | undefined>(() => readRoom(recordId));
  const [columns, setColumns] = useState<Record<LabMode, Column>>(() => ({
    iframe: kept?.reports.iframe ? { state: 'opened', note: 'kept from before the redirect' } : IDLE,
    popup: kept?.reports.popup ? { state: 'opened', note: 'kept from before the redirect' } : IDLE,
    redirect: kept?.redirect ? redirectNote(kept.redirect) : IDLE,
  }));
  // Reports from windows the lab opened before this view (its own popup) are not this view's.
  const [since, setSince] = useState(messages.length);
  const [redirectAt, setRedirectAt] = useState<{ at: number; fields: [string, string][]; expiresAt?: number }>();
  const [countdown, setCountdown] = useState<number | undefined>();
  const set = (mode: LabMode, column: Column) => setColumns((c) => ({ ...c, [mode]: column }));

  /** What the mode's window reported last in this view, or what was kept over the redirect. */
  const latest = (mode: LabMode): AppReport | undefined => {
    const from = SOURCE[mode];
    for (let i = messages.length - 1; from && i >= since; i--) {
      const report = messages[i]!.from === from ? readAppReport(messages[i]!.data) : undefined;
      if (report) return report;
    }
    return kept?.reports[mode]?.report;
  };

  // A modal dialog sits in the browser's top layer, above the lab, whatever the lab's own stacking.
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  /** Opens the iframe and the popup now (the popup inside the click), and schedules the redirect. */
  async function openAll() {
    const popup = openPopupNow();
    setKept(undefined);
    setSince(messages.length);
    popupRef.current = popup;
    if (!popup) set('popup', { state: 'failed', note: 'the browser blocked the popup window' });
    set('iframe', { state: 'opening', note: 'getting a token…' });
    if (popup) set('popup', { state: 'opening', note: 'getting a token…' });
    set('redirect', { state: 'idle', note: 'this tab goes to the app once the iframe and the popup have reported' });
    let got: Awaited<ReturnType<typeof token>>;
    try {
      got = await token();
    } catch (err) {
      popup?.close();
      for (const mode of LAB_MODES) set(mode, { state: 'failed', note: (err as Error).message });
      return;
    }
    const fields = webappFormFields({ accessToken: got.token, expiredSessionRedirectUri: ended });
    submitAppForm(uri, fields, SIDE_FRAME_NAME);
    set('iframe', { state: 'opened', note: WAITING });
    if (popup) {
      submitAppForm(uri, fields, POPUP_NAME);
      set('popup', { state: 'opened', note: WAITING });
    }
    setRedirectAt({
      at: Date.now() + WAIT_FOR_REPORTS_MS,
      fields,
      ...(got.expiresAt ? { expiresAt: got.expiresAt } : {}),
    });
  }

  const started = useRef(false);
  useEffect(() => {
    if (!start || started.current) return;
    started.current = true;
    void openAll();
    // Once, when the view opens for a click on "Open all three".
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [start]);

  // The redirect waits for both reports (or WAIT_FOR_REPORTS_MS), then gives the room HOLD_SECONDS.
  const iframeSaid = !!latest('iframe') && columns.iframe.state === 'opened';
  const popupSaid = !!latest('popup') || columns.popup.state === 'failed';
  const seen = useRef({ both: false, reports: {} as RoomRecord['reports'] });
  useEffect(() => {
    const reports: RoomRecord['reports'] = {};
    for (const mode of ['iframe', 'popup'] as const) {
      const report = latest(mode);
      if (report) reports[mode] = { report, at: Date.now() };
    }
    seen.current = { both: iframeSaid && popupSaid, reports };
  });

  const plan = redirectAt;
  useEffect(() => {
    if (!plan) return;
    let deadline = plan.at;
    const tick = window.setInterval(() => {
      const t = Date.now();
      if (seen.current.both && deadline > t + HOLD_SECONDS * 1000) deadline = t + HOLD_SECONDS * 1000;
      setCountdown(Math.max(0, Math.ceil((deadline - t) / 1000)));
      if (t < deadline) return;
      window.clearInterval(tick);
      writeRoom(recordId, {
        v: 1,
        reopen: reopenAt,
        reports: seen.current.reports,
        redirect: { sentAt: t, ...(plan.expiresAt ? { expiresAt: plan.expiresAt } : {}) },
      });
      reopen?.();
      setRedirectAt(undefined);
      set('redirect', { state: 'opened', note: 'this tab is going to the app…' });
      submitAppForm(uri, plan.fields, '_top');
    }, 250);
    return () => window.clearInterval(tick);
    // One schedule per "Open all three".
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan]);

  const n = negotiation;
  return (
    <dialog
      ref={dialog}
      aria-label="Side by side"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-0 h-dvh max-h-none w-dvw max-w-none bg-white p-4 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
    >
      <div className="flex h-full flex-col gap-3">
        <p aria-label="Negotiation in one line" className="text-2xl font-semibold">
          sender {n.senderTargets.join(' + ') || 'nothing'} ∩ this console {n.receiverTargets.join(' + ') || 'nothing'}{' '}
          = {n.usable.join(' + ') || 'nothing'}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="primary" onClick={() => void openAll()} disabled={!!redirectAt}>
            Open all three
          </Button>
          <Button onClick={onClose}>Close (Esc)</Button>
          <span className="min-w-0 flex-1 text-sm text-slate-600 dark:text-slate-400">
            One click: the iframe here, one popup window, then this tab by redirect. The demo app sends the tab back
            after 8 s (or when its token ends), and this view returns with every report kept.
          </span>
        </div>
        <ul className="grid min-h-0 flex-1 grid-cols-3 gap-3">
          {LAB_MODES.map((mode) => {
            const verdict = n.modes.find((m) => m.mode === mode)!;
            const said = latest(mode);
            const v = said ? verdictOf(said) : undefined;
            const column = columns[mode];
            const note =
              mode === 'redirect' && redirectAt && countdown !== undefined
                ? `this tab goes to the app by redirect in ${countdown} s`
                : column.note;
            return (
              <li
                key={mode}
                aria-label={`${mode} column`}
                className="flex min-h-0 min-w-0 flex-col gap-1.5 rounded border-2 border-slate-300 p-2 dark:border-slate-700"
              >
                <p className="text-lg leading-snug break-words">
                  <strong className="text-xl">{mode}</strong> → target {verdict.target} ·{' '}
                  <span
                    className={
                      verdict.allowed ? 'text-green-700 dark:text-green-400' : 'text-amber-700 dark:text-amber-400'
                    }
                  >
                    {verdict.allowed ? 'in the spec' : 'outside the spec'}
                  </span>
                </p>
                <p
                  role="status"
                  aria-label={`${mode} report`}
                  className={`text-lg leading-snug font-semibold break-words ${
                    v
                      ? v.tone === 'good'
                        ? 'text-green-800 dark:text-green-300'
                        : 'text-red-700 dark:text-red-400'
                      : column.state === 'failed'
                        ? 'text-red-700 dark:text-red-400'
                        : 'font-normal text-slate-600 dark:text-slate-400'
                  }`}
                >
                  {v ? `app: ${v.text}` : note}
                </p>
                {v && note !== WAITING ? (
                  <p className="text-sm break-words text-slate-600 dark:text-slate-400">{note}</p>
                ) : null}
                <p className="text-xs text-slate-600 dark:text-slate-400">{HOW[mode]}</p>
                {mode === 'iframe' ? (
                  <iframe
                    ref={frameRef}
                    name={SIDE_FRAME_NAME}
                    title="Web app, side by side"
                    referrerPolicy="no-referrer"
                    className={`min-h-40 w-full flex-1 rounded border border-slate-300 ${column.state === 'idle' ? 'bg-slate-50 dark:bg-slate-900' : 'bg-white'}`}
                  />
                ) : (
                  <div className="flex min-h-0 flex-1 flex-col justify-center gap-2 rounded border border-dashed border-slate-400 p-3 text-base">
                    {mode === 'popup' ? (
                      <p>The app is in a separate window; what it reports shows above.</p>
                    ) : (
                      <p>
                        A redirect sends this whole tab to the app: it goes once the iframe and the popup have shown,
                        and comes back here with the app&apos;s report.
                      </p>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    </dialog>
  );
}

function redirectNote(r: NonNullable<RoomRecord['redirect']>): Column {
  if (!r.back) return { state: 'failed', note: `went to the app at ${time(r.sentAt)} and has not come back` };
  const why = r.back.report?.left ? WHY_LEFT[r.back.report.left] : 'no report in the address it came back to';
  const expired = r.expiresAt && r.back.at >= r.expiresAt - 1000 ? ', as its token expired' : '';
  return {
    state: 'opened',
    note: `went to the app at ${time(r.sentAt)}, back at ${time(r.back.at)} after ${Math.round((r.back.at - r.sentAt) / 1000)} s (${why}${expired})`,
  };
}
