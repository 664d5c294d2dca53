import { jobRoute } from '../../config/paths.ts';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

export function Component() {
  const job = jobRoute('webapp');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>
        The webapp embedding demos (iframe, popup and redirect, with the token delivered by form POST) are not available
        yet.
      </NotBuilt>
    </Page>
  );
}
