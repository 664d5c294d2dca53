import { jobRoute } from '../../config/paths.ts';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

export function Component() {
  const job = jobRoute('discover');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>Fetching discovery documents, explaining their fields, listing capabilities, keys and findings, and comparing servers side by side come next. Nothing is fetched from this page yet.</NotBuilt>
    </Page>
  );
}
