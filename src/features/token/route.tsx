import { jobRoute } from '../../config/paths.ts';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

export function Component() {
  const job = jobRoute('token');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>Replaying a code-to-token exchange and opening the shared resource with the resulting bearer token is not available yet.</NotBuilt>
    </Page>
  );
}
