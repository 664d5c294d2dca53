import { useParams } from 'react-router';
import { jobRoute, paths } from '../../config/paths.ts';
import { Page } from '../../ui/page.tsx';

/** expired_session_redirect_uri: the app sends the browser here when its session ended. */
export function Component() {
  const job = jobRoute('webapp');
  const { recordId } = useParams();
  const manual = !recordId || recordId === 'manual';
  return (
    <Page title={`${job.label}: the session ended`}>
      <div role="status" className="space-y-2 rounded border border-slate-200 p-4 dark:border-slate-800">
        <p className="text-lg">The web app ended its session and sent you back here.</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          It followed the expired_session_redirect_uri the console POSTed with the token. Nothing secret is in this
          address. Reopening exchanges the code again for a fresh token.
        </p>
        {/* A full page load: the lab's page gets a policy that lets it open this share's app. */}
        <a
          className="inline-block rounded bg-slate-900 px-3 py-1.5 text-sm text-white dark:bg-slate-100 dark:text-slate-900"
          href={paths.webapp(manual ? undefined : recordId)}
        >
          Reopen in the webapp lab
        </a>
      </div>
    </Page>
  );
}
