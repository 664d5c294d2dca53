import { useSearchParams } from 'react-router';
import { jobRoute } from '../../config/paths.ts';
import { acceptDialogLink } from '../../protocol/index.ts';
import { Page } from '../../ui/page.tsx';
import { ReceiverPanel } from './receiver-panel.tsx';
import { SenderPanel } from './sender-panel.tsx';

/**
 * Invites both ways. Opened as the console's inviteAcceptDialog (`/invites/accept?token&providerDomain`, where
 * another provider's WAYF page sends a visitor), the invite is already filled in to accept.
 */
export function Component() {
  const job = jobRoute('invites');
  const [params] = useSearchParams();
  const token = params.get('token');
  const providerDomain = params.get('providerDomain');
  const arriving =
    token && providerDomain
      ? acceptDialogLink(window.location.origin, window.location.pathname, token, providerDomain)
      : undefined;
  return (
    <Page title={job.label} summary={job.summary}>
      <div className="space-y-10">
        {token && !providerDomain ? (
          <p role="alert" className="text-sm text-red-800 dark:text-red-300">
            This accept link carries a token but no providerDomain (the inviting provider), so the invite cannot be read
            from it. Ask the sender for the invite string and paste it under &ldquo;Accept an invite&rdquo;.
          </p>
        ) : null}
        {arriving ? (
          <>
            <p
              role="note"
              className="rounded border border-sky-300 bg-sky-50 p-3 text-sm dark:border-sky-800 dark:bg-sky-950/40"
            >
              You came here from an invite link: someone at <strong>{providerDomain}</strong> invites you to share
              through Open Cloud Mesh. Check the invite below, choose who accepts it, and press &ldquo;Accept
              invite&rdquo;.
            </p>
            <ReceiverPanel initial={arriving} />
            <SenderPanel />
          </>
        ) : (
          <>
            <SenderPanel />
            <ReceiverPanel />
          </>
        )}
      </div>
    </Page>
  );
}
