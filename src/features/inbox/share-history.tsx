import { Link } from 'react-router';
import { paths } from '../../config/paths.ts';
import type { TrackedShare } from '../../contract/share-states.ts';
import { Badge } from '../../ui/badge.tsx';

const TONE = { pending: 'neutral', accepted: 'good', declined: 'warn', unshared: 'bad' } as const;

/** A share's state; a request for a share answered by a share reads "shared". */
export function StateBadge({ status, request }: { status: TrackedShare['status']; request?: boolean }) {
  return <Badge tone={TONE[status]}>{request && status === 'accepted' ? 'shared' : status}</Badge>;
}

/** What was said about a share or request, oldest first, each linked to its record in the Inbox. */
export function ShareHistory({ entry, current }: { entry: TrackedShare; current: string }) {
  if (!entry.events.length) return null;
  return (
    <ol aria-label="What happened to it" className="space-y-1 text-xs text-slate-700 dark:text-slate-300">
      {entry.events.map((e, i) => (
        <li key={`${e.recordId}-${i}`} className="flex flex-wrap items-center gap-2">
          <span className="font-mono">{e.type}</span>
          <span>
            {e.by === 'console' ? 'sent by the console' : 'received'}, {new Date(e.at).toLocaleString()}
          </span>
          {e.outcome === 'duplicate' ? (
            <span>— a repeat: answered as before, nothing changed</span>
          ) : (
            <span>
              → {e.status}
              {e.permissions ? ` (permissions: ${e.permissions.join(', ')})` : ''}
            </span>
          )}
          {e.recordId !== current ? (
            <Link className="underline" to={paths.inbox(e.recordId)}>
              {e.recordId}
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
