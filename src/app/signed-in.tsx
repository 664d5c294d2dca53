import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { sessionQueryOptions } from '../api/session.ts';
import { paths } from '../config/paths.ts';

/**
 * /sign-in, where the server's 401 answers point. The layout shows the sign-in form in place of any
 * page while this browser is not signed in; once it is (or on a local console) this says so.
 */
export function Component() {
  const session = useQuery(sessionQueryOptions());
  return (
    <section className="mx-auto mt-10 max-w-md space-y-3">
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {session.data?.required
          ? 'You are signed in to this public console.'
          : 'This console runs locally and needs no sign-in.'}
      </p>
      <Link className="text-sm underline" to={paths.home}>
        Go to the console
      </Link>
    </section>
  );
}
