import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { jobRoute, paths } from '../../config/paths.ts';
import { Page } from '../../ui/page.tsx';
import { readReturnFragment, WHY_LEFT, type AppReport } from './app-report.ts';
import { noteRedirectBack } from './room-record.ts';

/** A frame, or a popup this console opened: the card is made for it, and the lab hears of the end. */
function insideTheLab(): 'frame' | 'popup' | undefined {
  if (window.top !== window.self) return 'frame';
  try {
    // Reading the opener's origin throws unless it is this console's own page.
    if (window.opener && (window.opener as Window).location.origin === window.location.origin) return 'popup';
  } catch {
    // another site's window opened this one
  }
  return undefined;
}

/** expired_session_redirect_uri: the app sends the browser here when its session ended, or when it left. */
export function Component() {
  const job = jobRoute('webapp');
  const { recordId } = useParams();
  const manual = !recordId || recordId === 'manual';
  const record = manual ? undefined : recordId;
  // What the app left in the fragment (its report, why it left); the fragment never reached a server.
  const [said] = useState<AppReport | undefined>(() => readReturnFragment(window.location.hash));
  const [where] = useState(insideTheLab);
  const [backToRoom] = useState(() => (where ? undefined : noteRedirectBack(record, said)));

  useEffect(() => {
    if (window.location.hash) history.replaceState(null, '', window.location.pathname + window.location.search);
    const message = { sessionEnded: true, ...(said?.left ? { left: said.left } : {}) };
    if (where === 'frame') window.parent.postMessage(message, window.location.origin);
    if (where === 'popup') (window.opener as Window).postMessage(message, window.location.origin);
    // A room demo sent this tab to the app: back to the room view, a full load for the lab's page policy.
    if (backToRoom) window.location.replace(backToRoom);
  }, [said, where, backToRoom, record]);

  const why = said?.left ? WHY_LEFT[said.left] : undefined;
  if (where)
    return (
      <div
        role="status"
        aria-label="Session ended"
        className="m-2 space-y-1 rounded border-2 border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
      >
        <p className="text-lg font-semibold">Session ended</p>
        <p className="text-sm">
          The app sent this {where === 'frame' ? 'frame' : 'window'} back to the console
          {why ? ` (${why})` : ''}. Open it again from the webapp lab for a fresh token.
        </p>
      </div>
    );
  if (backToRoom) return <p className="text-sm text-slate-600">Back from the app; returning to the room view…</p>;
  return (
    <Page title={`${job.label}: the session ended`} tabTitle="Session ended · Webapp lab">
      <div role="status" className="space-y-2 rounded border border-slate-200 p-4 dark:border-slate-800">
        <p className="text-lg">The web app ended its session and sent you back here{why ? ` (${why})` : ''}.</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          It followed the expired_session_redirect_uri the console POSTed with the token. Nothing secret is in this
          address. Reopening exchanges the code again for a fresh token.
        </p>
        {/* A full page load: the lab's page gets a policy that lets it open this share's app. */}
        <a
          className="inline-block rounded bg-slate-900 px-3 py-1.5 text-sm text-white dark:bg-slate-100 dark:text-slate-900"
          href={paths.webapp(record)}
        >
          Reopen in the webapp lab
        </a>
      </div>
    </Page>
  );
}
