import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Page } from '../ui/page.tsx';

/** Shown when a page fails to load or render (for example its chunk could not be fetched). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div className="p-6">
      <Page title="This page failed to load">
        <p role="alert" className="font-mono text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
        <p className="text-sm">
          Reload the page; if it keeps failing, the console's server may have been updated or stopped.
        </p>
      </Page>
    </div>
  );
}
