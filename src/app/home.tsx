import { Link } from 'react-router';
import { JOB_ROUTES } from '../config/paths.ts';
import { Page } from '../ui/page.tsx';
import { StartHere } from './start-here.tsx';

export function Component() {
  return (
    <Page
      title="OCM Explorer"
      summary="Inspect, craft, sign, send and receive Open Cloud Mesh messages, against real servers or the embedded demo mesh."
    >
      <StartHere />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {JOB_ROUTES.map((job) => (
          <li key={job.id}>
            <Link
              to={job.path}
              className="block h-full rounded border border-slate-200 p-4 hover:border-slate-400 dark:border-slate-800 dark:hover:border-slate-600"
            >
              <span className="font-medium">{job.label}</span>
              <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{job.summary}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
