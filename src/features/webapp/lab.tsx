import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { exchangeWebappCode, ownWebappTargetsQueryOptions, type WebappToken } from '../../api/webapp.ts';
import { paths } from '../../config/paths.ts';
import {
  checkAppUri,
  checkExpiredSessionRedirectUri,
  LAB_MODES,
  MODE_TARGET,
  negotiate,
  webappFormFields,
  type LabMode,
} from '../../protocol/webapp.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { Diagnostics } from './diagnostics.tsx';
import { FramePanel, SANDBOX_PRESETS, type FrameSettings } from './frame-panel.tsx';
import { FRAME_NAME, openPopupNow, POPUP_NAME, submitAppForm } from './launch.ts';
import { MessageLog, useAppMessages } from './message-log.tsx';
import { readAppReport, verdictOf } from './app-report.ts';
import { FramingPrediction } from './framing-prediction.tsx';
import { RoomView } from './room-view.tsx';

export interface LabSource {
  uri: string;
  sender: string;
  /** The share's sharedSecret, exchanged for a token (the code of the code flow). */
  code: string;
  /** A token already obtained, typed by hand: used as is. */
  accessToken?: string;
  targets: string[];
  permissions: string[];
  requirements: string[];
  appName?: string;
  appIconHint?: string;
  mediaTypes: string[];
  name: string;
  recordId?: string;
  historic?: { uriTemplate?: string; viewMode?: string };
  /** The app origin this page's Content-Security-Policy opens frame-src and form-action to. */
  allowedOrigin?: string | undefined;
  /** Keeps what is needed to reopen this lab after the tab comes back from a redirect (typed fields). */
  keep?: () => void;
}

export const MODE_BUTTON: Record<LabMode, string> = {
  iframe: 'Open in iframe',
  popup: 'Open in popup',
  redirect: 'Open by redirect',
};

interface ModeState {
  state: 'idle' | 'opening' | 'opened' | 'failed';
  note: string;
}

interface Held {
  token: string;
  /** ms since epoch, or undefined when the answer had no expires_in. */
  expiresAt?: number;
  how: string;
}

/** The access token to POST: typed, held and still valid, exchanged now, or (no requirement) the secret. */
async function tokenFor(
  source: LabSource,
  held: RefObject<Held | undefined>,
  onExchange: (t: WebappToken) => void,
): Promise<Held> {
  if (source.accessToken) return { token: source.accessToken, how: 'the access token typed by hand' };
  const now = Date.now();
  if (held.current && (!held.current.expiresAt || held.current.expiresAt > now + 2000)) return held.current;
  const got = await exchangeWebappCode({ sender: source.sender, code: source.code, clientId: window.location.host });
  onExchange(got);
  if (got.token) {
    held.current = {
      token: got.token,
      ...(got.expiresIn ? { expiresAt: now + got.expiresIn * 1000 } : {}),
      how: 'the token from the exchange',
    };
    return held.current;
  }
  if (source.requirements.includes('must-exchange-token'))
    throw new Error(`must-exchange-token: the exchange failed, so the app cannot be opened (${got.summary})`);
  // No requirement: the spec lets the receiver try the exchange and fall back to the secret.
  return { token: source.code, how: 'the shared secret (the exchange failed and the share does not require it)' };
}

/** Calls `onClosed(early)` once the popup is closed; early = within 3 s (closed by the app, or COOP). */
function watchPopup(popup: Window, onClosed: (early: boolean) => void) {
  const started = Date.now();
  const timer = window.setInterval(() => {
    if (!popup.closed) return;
    window.clearInterval(timer);
    onClosed(Date.now() - started < 3000);
  }, 500);
}

/** The lab for one web app share; `room` opens the room view at once (the tab came back to it). */
export function Lab({ source, room = false }: { source: LabSource; room?: boolean }) {
  const own = useQuery(ownWebappTargetsQueryOptions());
  const negotiation = negotiate(source.targets, own.data ?? []);
  const app = checkAppUri(source.uri);
  const ended = `${window.location.origin}${paths.webappEnded(source.recordId)}`;
  const endedCheck = checkExpiredSessionRedirectUri(ended, window.location.origin, [source.code]);
  const mustExchange = source.requirements.includes('must-exchange-token');

  const [frame, setFrame] = useState<FrameSettings>({
    sandbox: SANDBOX_PRESETS.none,
    allow: 'clipboard-read; clipboard-write; fullscreen',
    referrerPolicy: 'no-referrer',
  });
  const [modes, setModes] = useState<Record<LabMode, ModeState>>({
    iframe: { state: 'idle', note: '' },
    popup: { state: 'idle', note: '' },
    redirect: { state: 'idle', note: '' },
  });
  const [frameOpened, setFrameOpened] = useState(0);
  const [sideBySide, setSideBySide] = useState<'off' | 'view' | 'start'>(room ? 'view' : 'off');
  const closeSideBySide = useCallback(() => setSideBySide('off'), []);
  const [exchange, setExchange] = useState<WebappToken | undefined>();
  const [cspBlocked, setCspBlocked] = useState<string | undefined>();
  const held = useRef<Held | undefined>(undefined);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const popupRef = useRef<Window | null>(null);
  const sideFrameRef = useRef<HTMLIFrameElement>(null);
  const messages = useAppMessages({ frame: frameRef, popup: popupRef, sideFrame: sideFrameRef });

  const popupReport = messages
    .filter((m) => m.from === 'popup')
    .map((m) => readAppReport(m.data))
    .findLast((r) => r);
  const popupSaid = popupReport ? verdictOf(popupReport) : undefined;

  const setMode = (mode: LabMode, state: ModeState) => setModes((m) => ({ ...m, [mode]: state }));

  useEffect(() => {
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (/^(frame-src|form-action)/.test(e.effectiveDirective))
        setCspBlocked(`${e.effectiveDirective} refused ${e.blockedURI || 'the app'}`);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, []);

  const pending = useRef<Promise<Held> | undefined>(undefined);
  // Modes opened together share one exchange.
  const token = () => {
    pending.current ??= tokenFor(source, held, setExchange).finally(() => {
      pending.current = undefined;
    });
    return pending.current;
  };

  async function open(mode: LabMode) {
    // The popup must open inside the click, before any await, or a popup blocker stops it.
    const popup = mode === 'popup' ? openPopupNow() : null;
    if (mode === 'popup') {
      popupRef.current = popup;
      if (!popup) {
        setMode(mode, {
          state: 'failed',
          note: 'Popup blocked: the browser refused to open a window. Allow popups for this console and try again.',
        });
        return;
      }
    }
    setMode(mode, { state: 'opening', note: 'Getting a token…' });
    let got: Held;
    try {
      got = await token();
    } catch (err) {
      popup?.close();
      setMode(mode, { state: 'failed', note: (err as Error).message });
      return;
    }
    const fields = webappFormFields({ accessToken: got.token, expiredSessionRedirectUri: ended });
    if (mode === 'iframe') {
      setFrameOpened((n) => n + 1);
      frameRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    }
    const target = mode === 'iframe' ? FRAME_NAME : mode === 'popup' ? POPUP_NAME : '_top';
    submitAppForm(source.uri, fields, target);
    setMode(mode, {
      state: 'opened',
      note: `POSTed access_token (${got.how}) and expired_session_redirect_uri to the app, form target ${target}.`,
    });
    if (mode === 'popup' && popup)
      watchPopup(popup, (early) =>
        setMode('popup', {
          state: early ? 'failed' : 'idle',
          note: early
            ? 'The popup closed (or lost its opener to Cross-Origin-Opener-Policy) within 3 seconds of opening.'
            : 'The popup was closed.',
        }),
      );
  }

  return (
    <div className="space-y-5">
      <section aria-label="The share" className="space-y-1 text-sm">
        <h2 className="text-lg font-semibold">
          {source.appName ?? 'Web app'}: {source.name}
        </h2>
        <p className="font-mono break-all">{source.uri}</p>
        <p className="text-slate-600 dark:text-slate-400">
          from {source.sender || 'an unknown sender'} · permissions {source.permissions.join(', ') || 'none'} ·
          requirements {source.requirements.join(', ') || 'none'}
          {source.appIconHint ? ` · icon hint ${source.appIconHint} (never fetched)` : ''}
          {source.mediaTypes.length ? ` · media types ${source.mediaTypes.join(', ')}` : ''}
        </p>
        {!app.ok ? <ErrorMessage>{app.error}</ErrorMessage> : null}
      </section>

      {source.historic ? (
        <section
          aria-label="Historic web app"
          className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40"
        >
          <h3 className="font-semibold">Historic web app (OCM ≤ 1.3)</h3>
          <p>
            This share uses the old shape ({source.historic.uriTemplate ? 'uriTemplate' : 'uri'}
            {source.historic.viewMode ? ` with viewMode ${source.historic.viewMode}` : ''}): the receiver opened the URL
            with the shared secret in it. A URL ends up in history, in server logs and in Referer headers, which is why
            the group replaced it with the exchanged token in a POSTed form. The lab does not open such a URL.
          </p>
        </section>
      ) : null}

      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Button variant="primary" onClick={() => setSideBySide('start')} disabled={!app.ok}>
          Open all three, for a room
        </Button>
        <Button onClick={() => setSideBySide('view')} disabled={!app.ok}>
          Room view
        </Button>
        <span className="text-slate-600 dark:text-slate-400">
          One click, large type: the iframe, a popup window, then this tab by redirect, each with what the app reports.
          The tab comes back to the room view by itself.
        </span>
      </p>
      {sideBySide !== 'off' && app.ok ? (
        <RoomView
          uri={source.uri}
          recordId={source.recordId}
          reopenAt={
            source.recordId ? paths.webapp(source.recordId) : `${paths.webapp()}?app=${encodeURIComponent(app.origin)}`
          }
          negotiation={negotiation}
          token={token}
          ended={ended}
          frameRef={sideFrameRef}
          popupRef={popupRef}
          messages={messages}
          start={sideBySide === 'start'}
          {...(source.keep ? { reopen: source.keep } : {})}
          onClose={closeSideBySide}
        />
      ) : null}

      <section aria-label="Negotiation" className="space-y-2">
        <h3 className="text-sm font-semibold">Negotiation</h3>
        <p className="text-sm">
          Sender offers <strong>{negotiation.senderTargets.join(', ') || 'nothing'}</strong> · this console presents{' '}
          <strong>{own.data ? negotiation.receiverTargets.join(', ') || 'nothing' : '…'}</strong> · in common{' '}
          <strong>{negotiation.usable.join(', ') || 'nothing'}</strong>. {negotiation.summary}
        </p>
        {negotiation.notAdvertised.length && own.data ? (
          <p className="text-sm text-amber-800 dark:text-amber-300">
            The sender offered {negotiation.notAdvertised.join(', ')}, which this console never advertised (the draft
            says it MUST NOT).
          </p>
        ) : null}
      </section>

      <section aria-label="Open the app" className="space-y-3">
        <h3 className="text-sm font-semibold">Open the app (the token goes in a POSTed form, never in a URL)</h3>
        <ul className="grid gap-2 sm:grid-cols-3">
          {LAB_MODES.map((mode) => {
            const verdict = negotiation.modes.find((m) => m.mode === mode)!;
            const state = modes[mode];
            return (
              <li key={mode} className="space-y-1 rounded border border-slate-200 p-3 dark:border-slate-800">
                <Button
                  variant={verdict.allowed ? 'primary' : 'secondary'}
                  onClick={() => void open(mode)}
                  disabled={!app.ok}
                >
                  {MODE_BUTTON[mode]}
                </Button>
                <p className="text-xs">
                  target <code>{verdict.target}</code>, form target{' '}
                  <code>{mode === 'iframe' ? FRAME_NAME : MODE_TARGET[mode].formTarget}</code>
                </p>
                <p className="text-xs">
                  <Badge tone={verdict.allowed ? 'good' : 'warn'}>
                    {verdict.allowed ? 'in the spec' : 'outside the spec'}
                  </Badge>{' '}
                  {verdict.reason}
                </p>
                {app.ok ? <FramingPrediction mode={mode} uri={source.uri} appOrigin={app.origin} /> : null}
                {state.note ? (
                  <p
                    role="status"
                    aria-label={`${mode} status`}
                    className={`text-xs ${state.state === 'failed' ? 'text-red-700 dark:text-red-400' : ''}`}
                  >
                    {state.note}
                  </p>
                ) : null}
                {mode === 'popup' && popupSaid ? (
                  <p
                    role="status"
                    aria-label="Popup observation"
                    className={`text-sm font-semibold ${popupSaid.tone === 'good' ? 'text-green-800 dark:text-green-300' : 'text-red-700 dark:text-red-400'}`}
                  >
                    app: {popupSaid.text}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
        {cspBlocked ? (
          <ErrorMessage>
            {`This page's Content-Security-Policy ${cspBlocked}: it opens frame-src and form-action only to the app origin it was loaded for (${source.allowedOrigin ?? 'none'}). `}
            <a
              className="underline"
              href={
                source.recordId
                  ? paths.webapp(source.recordId)
                  : `${paths.webapp()}?app=${encodeURIComponent(app.ok ? app.origin : '')}`
              }
            >
              Reload the lab for this app
            </a>
          </ErrorMessage>
        ) : null}
        <p className="text-xs text-slate-600 dark:text-slate-400">
          expired_session_redirect_uri: <span className="font-mono">{ended}</span>
          {endedCheck.problems.length ? ` (${endedCheck.problems.join(' ')})` : ''}
          {mustExchange
            ? ' · must-exchange-token: the code is exchanged first.'
            : ' · no must-exchange-token: the exchange is tried, and the secret is the fallback.'}
        </p>
      </section>

      {app.ok ? (
        <Diagnostics uri={source.uri} appOrigin={app.origin} frameOpened={frameOpened} messages={messages} />
      ) : null}

      {exchange ? (
        <details aria-label="Token exchange" className="space-y-2 text-sm">
          <summary className="cursor-pointer">
            <span className="font-semibold">Token exchange (signed, through the relay):</span> {exchange.summary}
          </summary>
          {exchange.result ? <ExchangeView result={exchange.result} title="Token request" /> : null}
        </details>
      ) : null}

      <FramePanel
        ref={frameRef}
        settings={frame}
        onSettings={setFrame}
        opened={frameOpened}
        messages={messages.filter((m) => m.from === 'iframe').length}
      />

      <MessageLog messages={messages} />
    </div>
  );
}
