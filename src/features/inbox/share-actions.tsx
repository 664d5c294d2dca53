import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { replyToShareMutation, shareRepliesQueryOptions } from '../../api/share-reply.ts';
import { entryFor, shareStatesQueryOptions } from '../../api/share-states.ts';
import type { InboundRecord } from '../../contract/inbound.ts';
import { paths } from '../../config/paths.ts';
import { sharedSecretOf, type ConsoleIdentity } from '../../protocol/index.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { ShareHistory, StateBadge } from './share-history.tsx';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function shareOf(record: InboundRecord): Record<string, unknown> | undefined {
  if (record.endpoint !== 'shares' || record.body.encoding !== 'utf8') return undefined;
  try {
    const doc: unknown = JSON.parse(record.body.data);
    return isObject(doc) ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** The local user a share is for: the part of shareWith before the last "@". */
function recipientOf(share: Record<string, unknown>): string {
  const to = typeof share.shareWith === 'string' ? share.shareWith : '';
  const at = to.lastIndexOf('@');
  return at > 0 ? to.slice(0, at) : 'alice';
}

/**
 * What can be done with a received share: accept or decline it (a notification to its sender), or exchange its
 * code on the Token page. The outcome, and the share's state, stay on the record.
 */
export function ShareActions({ record }: { record: InboundRecord }) {
  const client = useQueryClient();
  const replies = useQuery(shareRepliesQueryOptions());
  const states = useQuery(shareStatesQueryOptions());
  const reply = useMutation(replyToShareMutation(client));
  // Once answered, Accept and Decline stay off: sending again is an explicit choice.
  const [again, setAgain] = useState(false);
  const share = shareOf(record);
  if (!share) return null;
  const accepted = record.response && record.response.status >= 200 && record.response.status < 300;
  const done = replies.data?.[record.id];
  const answered = done && 'exchange' in done.result ? done.result.exchange.response.status : undefined;
  const entry = entryFor(states.data?.shares, record.id);
  const identity: ConsoleIdentity = { host: window.location.host, user: recipientOf(share) };
  const send = (type: 'SHARE_ACCEPTED' | 'SHARE_DECLINED') =>
    reply.mutate({ record, type, identity }, { onSettled: () => setAgain(false) });
  const decided =
    done?.type ??
    (entry?.status === 'accepted' ? 'SHARE_ACCEPTED' : entry?.status === 'declined' ? 'SHARE_DECLINED' : undefined);
  const locked = decided !== undefined && !again;
  const off = !accepted || reply.isPending || entry?.status === 'unshared' || locked;

  return (
    <section aria-label="Share actions" className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">This share</h3>
        <StateBadge status={entry?.status ?? 'pending'} />
        {entry?.permissions ? (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            permissions now: {entry.permissions.join(', ')}
          </span>
        ) : null}
        <span className="grow" />
        <Button size="compact" disabled={off} onClick={() => send('SHARE_ACCEPTED')}>
          Accept
        </Button>
        <Button size="compact" disabled={off} onClick={() => send('SHARE_DECLINED')}>
          Decline
        </Button>
        {locked && entry?.status !== 'unshared' ? (
          <Button size="compact" onClick={() => setAgain(true)}>
            Send again
          </Button>
        ) : null}
        {sharedSecretOf(share) ? (
          <Link className="text-sm underline" to={paths.token(record.id)}>
            Exchange the code
          </Link>
        ) : null}
      </div>
      {locked && entry?.status !== 'unshared' ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Answered: {decided} was sent. “Send again” lets you send Accept or Decline once more (a receiver may see it as
          a repeat).
        </p>
      ) : null}
      {!accepted ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The console refused this share when it arrived, so there is nothing to accept or decline.
        </p>
      ) : null}
      {states.isError ? <ErrorMessage>{states.error.message}</ErrorMessage> : null}
      {entry ? <ShareHistory entry={entry} current={record.id} /> : null}
      {reply.isPending ? <p className="text-sm">Sending the notification…</p> : null}
      {reply.error ? <ErrorMessage>{reply.error.message}</ErrorMessage> : null}
      {done ? (
        <div className="space-y-1">
          <p role="status" className="text-sm">
            {done.type} sent to the sender
            {answered !== undefined ? `: it answered ${answered}` : ': it could not be delivered'}.
          </p>
          {done.built.notes.length ? (
            <ul className="list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
              {done.built.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <ExchangeView result={done.result} title={`POST /notifications (${done.type})`} />
        </div>
      ) : null}
    </section>
  );
}
