import { jobRoute } from '../../config/paths.ts';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

export function Component() {
  const job = jobRoute('invites');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>Creating, decoding and accepting invites is not available yet.</NotBuilt>
    </Page>
  );
}
