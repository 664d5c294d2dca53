import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { linkOf, shareStatesQueryOptions } from '../../api/share-states.ts';
import { paths } from '../../config/paths.ts';
import type { InboundRecord } from '../../contract/inbound.ts';
import { StateBadge } from './share-history.tsx';

/** On a notification: the share it was about (by providerId) and what it did to it, or why none was found. */
export function NoticeLink({ record }: { record: InboundRecord }) {
  const states = useQuery(shareStatesQueryOptions());
  if (record.endpoint !== 'notifications') return null;
  const link = linkOf(states.data?.shares, record.id);
  if (link) {
    const { entry, event } = link;
    const label =
      entry.side === 'received'
        ? 'a share the console received'
        : entry.how === 'hand'
          ? `a share sent by hand from Compose${entry.to ? ` to ${entry.to}` : ''}`
          : `a share the console sent${entry.to ? ` to ${entry.to}` : ''}`;
    return (
      <section
        aria-label="Linked share"
        className="flex flex-wrap items-center gap-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
      >
        <span>
          About {label}
          {entry.name ? ` (${entry.name})` : ''}, providerId <code className="font-mono">{entry.providerId}</code>:
        </span>
        {entry.side === 'received' ? (
          <Link className="underline" to={paths.inbox(entry.key)}>
            {entry.key}
          </Link>
        ) : null}
        <span>
          {event.outcome === 'duplicate' ? 'a repeat of the last notification, nothing changed;' : `${event.type} →`}
        </span>
        <StateBadge status={event.status} />
      </section>
    );
  }
  const body = record.response?.body ?? '';
  if (record.response?.status === 400 && body.includes('SHARE_NOT_FOUND'))
    return (
      <section aria-label="Linked share" className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
        {body.includes('UNSHARED')
          ? 'About a share that was unshared before: nothing changed, and the console answered 400.'
          : 'No share the console received has this providerId (from this sender): the console answered 400.'}
      </section>
    );
  return null;
}
