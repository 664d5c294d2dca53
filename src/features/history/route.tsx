import { jobRoute } from '../../config/paths.ts';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

export function Component() {
  const job = jobRoute('history');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>
        The console sends (Compose, Token, Check, the demo sender), and each of those pages shows the exchange it made
        until you leave it. None of them is kept yet, so there is no history to show: every exchange will be kept here,
        in this browser, once this page is built.
      </NotBuilt>
    </Page>
  );
}
