import { useState } from 'react';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppLayout } from './layout/app-layout.tsx';
import { NotFound } from './not-found.tsx';
import { RouteError } from './route-error.tsx';

/** Shown while the first page's chunk loads (the router renders nothing of its own until then). */
function FirstLoad() {
  return <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
}

// Each job's page is its own chunk, loaded when first opened; the route modules export `Component`.
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: FirstLoad,
    children: [
      { index: true, lazy: () => import('./home.tsx') },
      { path: 'discover/:target?', lazy: () => import('../features/discovery/route.tsx') },
      { path: 'compose', lazy: () => import('../features/compose/route.tsx') },
      { path: 'inbox', lazy: () => import('../features/inbox/route.tsx') },
      { path: 'token', lazy: () => import('../features/token/route.tsx') },
      { path: 'webapp/:recordId?', lazy: () => import('../features/webapp/route.tsx') },
      { path: 'webapp/:recordId/ended', lazy: () => import('../features/webapp/session-ended.tsx') },
      { path: 'invites', lazy: () => import('../features/invites/route.tsx') },
      // The console's inviteAcceptDialog, as its discovery advertises it.
      { path: 'invites/accept', lazy: () => import('../features/invites/route.tsx') },
      { path: 'history', lazy: () => import('../features/history/route.tsx') },
      { path: 'keys', lazy: () => import('../features/keys/route.tsx') },
      { path: 'check/:target?', lazy: () => import('../features/check/route.tsx') },
      { path: 'interop/:target?', lazy: () => import('../features/interop/route.tsx') },
      { path: 'sign-in', lazy: () => import('./signed-in.tsx') },
      { path: '*', Component: NotFound },
    ],
  },
];

export function AppRouter() {
  const [router] = useState(() => createBrowserRouter(routes));
  return <RouterProvider router={router} />;
}
