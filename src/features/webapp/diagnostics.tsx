import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { appHeadersQueryOptions } from '../../api/webapp.ts';
import { diagnoseFrameHeaders } from '../../protocol/frame-headers.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { readAppReport, REFUSED_TOKEN, WHY_LEFT } from './app-report.ts';
import type { AppMessage } from './message-log.tsx';

/**
 * Before opening: the app URL's headers (fetched through the relay, without the token) and what they
 * predict. After opening the iframe: what happened, checked against the prediction.
 */
export function Diagnostics({
  uri,
  appOrigin,
  frameOpened,
  messages,
}: {
  uri: string;
  appOrigin: string;
  frameOpened: number;
  messages: AppMessage[];
}) {
  const probe = useQuery(appHeadersQueryOptions(uri));
  const framed = messages.filter((m) => m.from === 'iframe').length;
  const [waited, setWaited] = useState<{ opened: number; framedAtOpen: number } | undefined>();
  useEffect(() => {
    if (!frameOpened) return;
    const framedAtOpen = framed;
    const timer = window.setTimeout(() => setWaited({ opened: frameOpened, framedAtOpen }), 3000);
    return () => window.clearTimeout(timer);
    // Only a new opening restarts the wait.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frameOpened]);

  if (probe.isPending)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Fetching the app&apos;s headers…</p>;
  if (probe.isError) return <ErrorMessage>{probe.error.message}</ErrorMessage>;
  const result = probe.data;
  if ('failure' in result) return <ErrorMessage>{`Header probe: ${result.failure.message}`}</ErrorMessage>;
  const d = diagnoseFrameHeaders(result.exchange.response.headers, appOrigin, window.location.origin);
  const reported = framed > 0;
  const frameMessages = messages.filter((m) => m.from === 'iframe');
  const reports = frameMessages.map((m) => ({ at: m.at, report: readAppReport(m.data) }));
  const appSaid = reports.findLast((r) => r.report && !r.report.sessionEnded)?.report;
  const ended = reports.findLast((r) => r.report?.sessionEnded);
  // An app may load and then refuse by script (frame busting): headers cannot predict that.
  const refusedByScript = appSaid?.refusedFramed === true;
  // The observation covers framing and the app's own verdict on the token: a refused token is never "as predicted".
  const tokenRefused = !!appSaid && !refusedByScript && (appSaid.tokenBy !== 'POST' || appSaid.tokenValid !== true);
  const observed = !frameOpened
    ? undefined
    : refusedByScript
      ? 'The app loaded in the iframe, then refused to run framed (by its own script; no header says so).'
      : tokenRefused
        ? `The app loaded in the iframe, and ${appSaid.tokenBy === 'POST' ? REFUSED_TOKEN : 'the app got no token'}.`
        : reported
          ? 'The app rendered in the iframe and reported back.'
          : waited?.opened === frameOpened
            ? 'The iframe stayed blank or was refused: no message from the app within 3 seconds.'
            : 'Waiting for the app to report from the iframe…';
  const refused = frameOpened && !reported && waited?.opened === frameOpened;
  const matches =
    !refusedByScript && !tokenRefused && observed && (reported || refused)
      ? (d.iframe === 'refused') === refused
      : undefined;
  const bad = refused || tokenRefused || refusedByScript;

  return (
    <section aria-label="Diagnostics" className="space-y-2">
      <h3 className="text-sm font-semibold">Diagnostics (headers of GET {uri}, no token sent)</h3>
      <p className="text-sm">
        The app answered {result.exchange.response.status} without a token.{' '}
        <Badge tone={d.iframe === 'allowed' ? 'good' : 'bad'}>prediction</Badge> <span>{d.iframeReason}</span>
      </p>
      <p className="text-sm">
        Popup: {d.popupOpener ? 'keeps its opener (the app can message the console).' : 'loses its opener (COOP).'}
      </p>
      {d.findings.length ? (
        <table className="w-full text-left text-xs">
          <caption className="sr-only">Headers that decide framing and popups</caption>
          <thead>
            <tr>
              <th className="pr-2">Header</th>
              <th className="pr-2">Value</th>
              <th>What it means here</th>
            </tr>
          </thead>
          <tbody>
            {d.findings.map((f, i) => (
              <tr key={i} className="align-top">
                <td className="pr-2">{f.header}</td>
                <td className="pr-2 font-mono break-all">{f.value}</td>
                <td>{f.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          No X-Frame-Options, frame-ancestors, Cross-Origin-Opener-Policy or cookie in the answer.
        </p>
      )}
      {observed ? (
        <p
          role="status"
          aria-label="Iframe observation"
          className={`text-sm ${tokenRefused ? 'font-semibold text-red-700 dark:text-red-400' : ''}`}
        >
          <Badge tone={bad ? 'bad' : reported ? 'good' : 'neutral'}>observed</Badge> {observed}
          {matches === undefined ? '' : matches ? ' As predicted.' : ' Not as predicted.'}
        </p>
      ) : null}
      {ended ? (
        <p role="status" aria-label="Iframe session" className="text-sm font-semibold text-red-700 dark:text-red-400">
          Session ended at {ended.at}: the app sent the frame to expired_session_redirect_uri
          {ended.report?.left ? ` (${WHY_LEFT[ended.report.left]})` : ''}.
        </p>
      ) : null}
    </section>
  );
}
