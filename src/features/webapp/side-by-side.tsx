import { useEffect, useRef, useState, type RefObject } from 'react';
import { LAB_MODES, webappFormFields, type LabMode, type Negotiation } from '../../protocol/webapp.ts';
import { Button } from '../../ui/button.tsx';
import { openPopupNow, openTabNow, POPUP_NAME, SIDE_FRAME_NAME, submitAppForm } from './launch.ts';
import type { AppMessage } from './message-log.tsx';

/** Where each mode's app window reports from, in the message log. */
const SOURCE: Record<LabMode, AppMessage['from']> = {
  iframe: 'side-by-side iframe',
  popup: 'popup',
  redirect: 'redirect tab',
};

const HOW: Record<LabMode, string> = {
  iframe: 'in a frame on this page, form target the frame’s name',
  popup: 'in a window of its own, opened by this page, form target the window’s name (_blank)',
  redirect: 'in a tab of its own, which the form sends to the app with target _top',
};

/** One line from the app's own report: how the token came, whether it held, and how the app was opened. */
export function reportLine(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const r = data as Record<string, unknown>;
  if (typeof r.tokenBy !== 'string') return undefined;
  if (r.refusedFramed === true) return 'the app refused to run in a frame';
  const token =
    r.tokenBy === 'POST'
      ? `token by POST, ${r.tokenValid === true ? 'valid' : 'refused'}`
      : 'no token (not opened by a form POST)';
  const opened =
    r.framed === true ? 'in a frame' : r.opener === true ? 'top-level, with an opener' : 'top-level, no opener';
  return `${token}${r.tokenInUrl === true ? ', a token was in the URL' : ''} · ${opened}`;
}

interface Column {
  state: 'idle' | 'opening' | 'opened' | 'failed';
  note: string;
}

const IDLE: Column = { state: 'idle', note: 'not opened yet' };

/**
 * The three modes at once, for a demo to a room: large type, the negotiation in one line and each mode in
 * one line, and what the app itself reports in each. A redirect sends the whole tab away, so it cannot sit
 * beside the others in this tab: it gets a tab of its own, sent to the app with target _top, and the app
 * there reports back through window.opener (which a plain redirect would not have; the app says so).
 */
export function SideBySide({
  uri,
  negotiation,
  token,
  ended,
  frameRef,
  popupRef,
  tabRef,
  messages,
  onClose,
}: {
  uri: string;
  negotiation: Negotiation;
  token: () => Promise<{ token: string; how: string }>;
  ended: string;
  frameRef: RefObject<HTMLIFrameElement | null>;
  popupRef: RefObject<Window | null>;
  tabRef: RefObject<Window | null>;
  messages: AppMessage[];
  onClose: () => void;
}) {
  const [columns, setColumns] = useState<Record<LabMode, Column>>({ iframe: IDLE, popup: IDLE, redirect: IDLE });
  // Reports from windows the lab opened before this view (its own popup) are not this view's.
  const [since] = useState(messages.length);
  const set = (mode: LabMode, column: Column) => setColumns((c) => ({ ...c, [mode]: column }));

  // A modal dialog sits in the browser's top layer, above the lab, whatever the lab's own stacking.
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  /** Opens the given modes in one click: new windows first (a popup blocker needs the click), then the form. */
  async function open(modes: readonly LabMode[]) {
    const windows: Partial<Record<LabMode, Window>> = {};
    for (const mode of modes) {
      if (mode === 'iframe') continue;
      if (mode === 'redirect') tabRef.current?.close();
      const opened = mode === 'popup' ? openPopupNow() : openTabNow();
      if (mode === 'popup') popupRef.current = opened;
      else tabRef.current = opened;
      if (opened) windows[mode] = opened;
      else
        set(mode, {
          state: 'failed',
          note: 'blocked: this browser opens one new window per click; use this column’s button',
        });
    }
    const opening = modes.filter((m) => m === 'iframe' || windows[m]);
    for (const mode of opening) set(mode, { state: 'opening', note: 'getting a token…' });
    let got: { token: string; how: string };
    try {
      got = await token();
    } catch (err) {
      for (const mode of opening) {
        windows[mode]?.close();
        set(mode, { state: 'failed', note: (err as Error).message });
      }
      return;
    }
    const fields = webappFormFields({ accessToken: got.token, expiredSessionRedirectUri: ended });
    for (const mode of opening) {
      if (mode === 'iframe') submitAppForm(uri, fields, SIDE_FRAME_NAME);
      else if (mode === 'popup') submitAppForm(uri, fields, POPUP_NAME);
      else submitAppForm(uri, fields, '_top', windows.redirect!.document);
      set(mode, { state: 'opened', note: 'token POSTed; waiting for the app to report…' });
    }
  }

  const n = negotiation;
  return (
    <dialog
      ref={dialog}
      aria-label="Side by side"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-0 h-dvh max-h-none w-dvw max-w-none bg-white p-6 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
    >
      <div className="flex h-full flex-col gap-4">
        <p aria-label="Negotiation in one line" className="text-3xl font-semibold">
          sender {n.senderTargets.join(' + ') || 'nothing'} ∩ this console {n.receiverTargets.join(' + ') || 'nothing'}{' '}
          = {n.usable.join(' + ') || 'nothing'}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="primary" onClick={() => void open(LAB_MODES)}>
            Open all three side by side
          </Button>
          <Button onClick={onClose}>Close (Esc)</Button>
          <span className="text-sm text-slate-600 dark:text-slate-400">
            Popup and redirect tab open in this one click; a browser that allows one new window per click blocks the
            second, and its column says so.
          </span>
        </div>
        <ul className="grid flex-1 grid-cols-1 gap-4 lg:grid-cols-3">
          {LAB_MODES.map((mode) => {
            const verdict = n.modes.find((m) => m.mode === mode)!;
            const last = messages
              .slice(since)
              .reverse()
              .find((m) => m.from === SOURCE[mode]);
            const said = last ? reportLine(last.data) : undefined;
            const column = columns[mode];
            return (
              <li
                key={mode}
                aria-label={`${mode} column`}
                className="flex min-h-0 flex-col gap-2 rounded border-2 border-slate-300 p-3 dark:border-slate-700"
              >
                <p className="text-xl whitespace-nowrap 2xl:text-2xl">
                  <strong>{mode}</strong> → target {verdict.target} ·{' '}
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
                  className={`text-lg 2xl:text-xl ${said ? 'font-semibold' : column.state === 'failed' ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}
                >
                  {said ? `app: ${said}` : column.note}
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-400">{HOW[mode]}.</p>
                {mode === 'iframe' ? (
                  <iframe
                    ref={frameRef}
                    name={SIDE_FRAME_NAME}
                    title="Web app, side by side"
                    referrerPolicy="no-referrer"
                    className={`min-h-80 w-full flex-1 rounded border border-slate-300 ${column.state === 'idle' ? 'bg-slate-50 dark:bg-slate-900' : 'bg-white'}`}
                  />
                ) : (
                  <div className="flex min-h-80 flex-1 flex-col justify-center gap-3 rounded border border-dashed border-slate-400 p-4 text-lg">
                    {mode === 'popup' ? (
                      <p>The app opens in a separate window; its report appears above.</p>
                    ) : (
                      <p>
                        A redirect sends the whole tab to the app, so it cannot share this tab with the other two. It
                        runs in a tab of its own with form target <code>_top</code>; the app there reports back through{' '}
                        <code>window.opener</code>, which a plain redirect would not have.
                      </p>
                    )}
                    <Button onClick={() => void open([mode])}>
                      {mode === 'popup' ? 'Open the popup' : 'Open the redirect tab'}
                    </Button>
                  </div>
                )}
                {mode === 'iframe' ? (
                  <Button onClick={() => void open(['iframe'])}>
                    {column.state === 'idle' ? 'Open the iframe' : 'Reload the iframe'}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </dialog>
  );
}
