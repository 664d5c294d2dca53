import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onUnauthorized, sessionQueryOptions, signOutMutationOptions } from '../../api/session.ts';
import { queryKeys } from '../../api/query-keys.ts';

/**
 * Whether the page must show the sign-in page (a public console, and this browser not signed in);
 * 'unknown' until the server has said, so no page starts calling the API only to be refused.
 */
export function useSignInRequired(): boolean | 'unknown' {
  const client = useQueryClient();
  const session = useQuery(sessionQueryOptions());
  // Any API call answered 401 (a session that expired, a server restarted) brings the sign-in page back.
  useEffect(
    () => onUnauthorized(() => client.setQueryData(queryKeys.session(), { required: true, signedIn: false })),
    [client],
  );
  if (session.isPending) return 'unknown';
  return !!session.data?.required && !session.data.signedIn;
}

/** "Sign out", shown only on a public console to a signed-in browser. */
export function SignOutButton() {
  const client = useQueryClient();
  const session = useQuery(sessionQueryOptions());
  const signOut = useMutation(signOutMutationOptions(client));
  if (!session.data?.required || !session.data.signedIn) return null;
  return (
    <button
      type="button"
      className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700"
      disabled={signOut.isPending}
      onClick={() => signOut.mutate()}
    >
      Sign out
    </button>
  );
}
