import { useQuery } from '@tanstack/react-query';
import { appHeadersQueryOptions } from '../../api/webapp.ts';
import { diagnoseFrameHeaders } from '../../protocol/frame-headers.ts';
import type { LabMode } from '../../protocol/webapp.ts';
import { Badge } from '../../ui/badge.tsx';

/**
 * What the app's headers (fetched without a token, the same query as Diagnostics) predict for one mode,
 * next to its button: whether a frame will be refused, whether a popup keeps its opener.
 */
export function FramingPrediction({ mode, uri, appOrigin }: { mode: LabMode; uri: string; appOrigin: string }) {
  const probe = useQuery(appHeadersQueryOptions(uri));
  if (mode === 'redirect')
    return <p className="text-xs">Headers: no framing involved, the whole tab goes to the app.</p>;
  if (probe.isPending) return <p className="text-xs text-slate-500 dark:text-slate-400">Headers: fetching…</p>;
  if (probe.isError || 'failure' in probe.data)
    return (
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Headers: no prediction (the probe failed; see Diagnostics).
      </p>
    );
  const d = diagnoseFrameHeaders(probe.data.exchange.response.headers, appOrigin, window.location.origin);
  return mode === 'iframe' ? (
    <p aria-label="iframe prediction" className="text-xs">
      <Badge tone={d.iframe === 'allowed' ? 'good' : 'bad'}>
        {d.iframe === 'allowed' ? 'frame allowed' : 'frame refused'}
      </Badge>{' '}
      {d.iframeReason}
    </p>
  ) : (
    <p aria-label="popup prediction" className="text-xs">
      <Badge tone={d.popupOpener ? 'good' : 'warn'}>{d.popupOpener ? 'keeps opener' : 'loses opener'}</Badge>{' '}
      {d.popupOpener ? 'The app can report back to this page.' : 'Cross-Origin-Opener-Policy cuts the opener.'}
    </p>
  );
}
