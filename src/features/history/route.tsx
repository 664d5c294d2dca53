import { jobRoute } from '../../config/paths.ts';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

export function Component() {
  const job = jobRoute('history');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>
        Nothing is sent from this console yet, so there is no history to show. Every exchange will be kept here once
        sending exists.
      </NotBuilt>
    </Page>
  );
}
