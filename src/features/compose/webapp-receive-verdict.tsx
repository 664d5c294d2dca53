import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { discoveryQueryOptions } from '../../api/discovery.ts';
import { discoveryTarget, webappReceiveOf } from '../../protocol/index.ts';

/** The receiver's host, once the address typed is one (a short pause first, so typing does not fetch each key). */
function useSettledAuthority(to: string): string | undefined {
  const [settled, setSettled] = useState<string | undefined>();
  useEffect(() => {
    const text = to.trim();
    const target = text.lastIndexOf('@') > 0 ? discoveryTarget(text) : undefined;
    const authority = target?.ok ? target.authority : undefined;
    const timer = setTimeout(() => setSettled(authority), 400);
    return () => clearTimeout(timer);
  }, [to]);
  return settled;
}

/**
 * Before a web app is shared: whether the receiver's discovery advertises webapp-receive, and with which
 * targets (the same rule the console applies when it builds the share).
 */
export function WebappReceiveVerdict({ to }: { to: string }) {
  const client = useQueryClient();
  const authority = useSettledAuthority(to);
  const discovery = useQuery({ ...discoveryQueryOptions(client, authority ?? ''), enabled: !!authority });
  if (!authority) return null;
  const result = discovery.data?.result;
  const verdict = result?.document ? webappReceiveOf(result.document) : undefined;
  return (
    <p role="status" aria-label="Can it take a web app" className="text-sm">
      {discovery.isPending
        ? `Reading the discovery of ${authority}…`
        : discovery.isError
          ? `The discovery of ${authority} could not be read: ${discovery.error.message}`
          : !verdict
            ? `No OCM discovery at ${authority}${result?.problem ? `: ${result.problem}` : ''}; a web app cannot be sent there.`
            : verdict.ok
              ? `${authority} advertises webapp-receive with targets ${verdict.targets.join(', ')}: the web app can be sent, with those targets.`
              : `A web app cannot be sent to ${authority}: ${verdict.why}`}
    </p>
  );
}
