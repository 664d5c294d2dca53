import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { JOB_ROUTES, paths } from '../../config/paths.ts';
import { SignInPage } from '../../features/access/sign-in-page.tsx';
import { ServerStatus } from './server-status.tsx';
import { SignOutButton, useSignInRequired } from './session-control.tsx';
import { Shortcuts } from './shortcuts.tsx';
import { ThemeSelect } from './theme-select.tsx';

/** Inside a frame (a web app sent its frame back to the console) the console never shows its shell. */
const framed = typeof window !== 'undefined' && window.top !== window.self;

export function AppLayout() {
  const signInRequired = useSignInRequired();
  if (framed)
    return (
      <Suspense fallback={null}>
        <Outlet />
      </Suspense>
    );
  return (
    <div className="flex min-h-screen flex-col">
      <Shortcuts />
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
        <NavLink to={paths.home} className="flex items-baseline gap-2">
          <span className="text-lg font-semibold tracking-tight">OCM Explorer</span>
          <span className="text-xs text-slate-500 dark:text-slate-400">Open Cloud Mesh console</span>
        </NavLink>
        <div className="flex items-center gap-4">
          <ServerStatus />
          <ThemeSelect />
          <SignOutButton />
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="Jobs" className="w-44 shrink-0 border-r border-slate-200 p-2 dark:border-slate-800">
          <ul className="space-y-0.5">
            {JOB_ROUTES.map((job) => (
              <li key={job.id}>
                <NavLink
                  to={job.path}
                  title={job.summary}
                  className={({ isActive }) =>
                    `block rounded px-3 py-1.5 text-sm ${
                      isActive
                        ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900'
                        : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                    }`
                  }
                >
                  {job.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 flex-1 p-6">
          {signInRequired === 'unknown' ? (
            <p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>
          ) : signInRequired ? (
            <SignInPage />
          ) : (
            <Suspense fallback={<p className="text-sm text-slate-500 dark:text-slate-400">Loading…</p>}>
              <Outlet />
            </Suspense>
          )}
        </main>
      </div>
    </div>
  );
}
