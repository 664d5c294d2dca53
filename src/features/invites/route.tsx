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
        {arriving ? (
          <>
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
