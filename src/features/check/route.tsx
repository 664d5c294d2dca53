import { jobRoute } from '../../config/paths.ts';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

export function Component() {
  const job = jobRoute('check');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>The graded report of a server (discovery, transport, keys, signature policy, input validation, token endpoint) is not available yet.</NotBuilt>
    </Page>
  );
}
