import { jobRoute } from '../../config/paths.ts';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

export function Component() {
  const job = jobRoute('inbox');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>The console does not receive OCM calls yet. When it does, every share, notification, invite acceptance and token request sent to it will appear here live, with its signature verdict and lint findings.</NotBuilt>
    </Page>
  );
}
