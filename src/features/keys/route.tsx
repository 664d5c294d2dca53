import { jobRoute } from '../../config/paths.ts';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

export function Component() {
  const job = jobRoute('keys');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>Key management (the console's own keys, generating and importing keys, JWKS and thumbprints) is not available yet.</NotBuilt>
    </Page>
  );
}
