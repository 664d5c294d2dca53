import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { signInMutationOptions } from '../../api/session.ts';

/**
 * The sign-in page of a public console: the access token was printed when the console started (or
 * set with --access-token). The token goes in a POST body, never in the URL; the server answers with
 * an HttpOnly session cookie, so no script on the page ever holds it afterwards.
 */
export function SignInPage() {
  const client = useQueryClient();
  const signIn = useMutation(signInMutationOptions(client));
  const [token, setToken] = useState('');

  return (
    <section aria-labelledby="sign-in-title" className="mx-auto mt-10 max-w-md space-y-4">
      <h1 id="sign-in-title" className="text-xl font-semibold tracking-tight">
        Sign in to this console
      </h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        This is a public OCM Explorer, shared by a group. Its access token was printed on the console's standard output
        when it started (or given with <code className="whitespace-nowrap">--access-token</code>); ask whoever runs it.
      </p>
      <form
        aria-label="Sign in"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) signIn.mutate(token.trim());
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Access token
          <input
            type="password"
            autoComplete="current-password"
            className="rounded border border-slate-300 bg-white px-2 py-1 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            spellCheck={false}
            autoFocus
          />
        </label>
        <button
          type="submit"
          disabled={signIn.isPending || !token.trim()}
          className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900"
        >
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {signIn.isError ? (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {signIn.error.message}
        </p>
      ) : null}
    </section>
  );
}
