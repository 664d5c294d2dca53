import { Link, useLocation } from 'react-router';
import { paths } from '../config/paths.ts';
import { Page } from '../ui/page.tsx';

export function NotFound() {
  const location = useLocation();
  return (
    <Page title="Page not found">
      <p>
        Nothing lives at <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{location.pathname}</code>.
      </p>
      <p>
        <Link className="text-blue-700 underline dark:text-blue-400" to={paths.home}>
          Back to the overview
        </Link>
      </p>
    </Page>
  );
}
