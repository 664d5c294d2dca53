import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { declineRequestMutation, shareRepliesQueryOptions } from '../../api/share-reply.ts';
import { entryFor, shareStatesQueryOptions } from '../../api/share-states.ts';
import { paths } from '../../config/paths.ts';
import type { InboundRecord } from '../../contract/inbound.ts';
import { declineShareRequest, readShareRequest, shareForRequest } from '../../protocol/index.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { ShareHistory, StateBadge } from './share-history.tsx';

function bodyOf(record: InboundRecord): unknown {
  try {
    return record.body.encoding === 'utf8' ? JSON.parse(record.body.data) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What can be done with a received request for a share: share it (Compose, filled in with the console's own
 * share to the requester, or one crafted by hand) or decline it (SHARE_DECLINED to the requester's server, the draft-07 answer).
 */
export function RequestActions({ record }: { record: InboundRecord }) {
  const client = useQueryClient();
  const states = useQuery(shareStatesQueryOptions());
  const replies = useQuery(shareRepliesQueryOptions());
  const decline = useMutation(declineRequestMutation(client));
  if (record.endpoint !== 'request-share' && record.endpoint !== 'notifications') return null;
  const doc = bodyOf(record);
  const read = readShareRequest(record.endpoint, doc);
  if (!read.ok) {
    // A notification that is not a request for a share is not for this panel.
    if (record.endpoint === 'notifications') return null;
    return (
      <section
        aria-label="Share request actions"
        className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
      >
        This request for a share cannot be acted on: {read.problem}
      </section>
    );
  }
  const { request } = read;
  const answer = shareForRequest(request);
  const accepted = record.response && record.response.status >= 200 && record.response.status < 300;
  const canDecline = declineShareRequest(request);
  const entry = entryFor(states.data?.shares, record.id);
  // The share that answered the request, as the server tracks it (its own state moves with what alpha says).
  const sharedBy = entry?.answeredBy
    ? states.data?.shares.find((s) => s.side === 'sent' && s.key === entry.answeredBy)
    : undefined;
  const done = replies.data?.[record.id];
  const answered = done && 'exchange' in done.result ? done.result.exchange.response.status : undefined;

  return (
    <section
      aria-label="Share request actions"
      className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">This request for a share</h3>
        <StateBadge status={entry?.status ?? 'pending'} request />
        <span className="grow" />
        <Link
          className="rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700"
          to={paths.compose({ ...answer, request: record.id })}
        >
          Share it
        </Link>
        <Button
          size="compact"
          disabled={!accepted || !canDecline.ok || decline.isPending || (!!entry && entry.status !== 'pending')}
          onClick={() => decline.mutate({ record, identity: { host: window.location.host, user: answer.from } })}
        >
          Decline
        </Button>
      </div>
      <p className="text-sm">
        <code className="font-mono">{request.requester}</code> asks <code className="font-mono">{request.owner}</code>{' '}
        to share <code className="font-mono break-all">{request.resource}</code>
        {request.permissions.length ? ` (${request.permissions.join(', ')})` : ''}
        {request.via === 'REQUEST_SHARE'
          ? ', by a REQUEST_SHARE notification (draft-07)'
          : ', at /request-share (drafts -05/-06)'}
        .
      </p>
      {request.message ? <p className="text-sm text-slate-600 dark:text-slate-400">“{request.message}”</p> : null}
      {!canDecline.ok ? <p className="text-xs text-slate-600 dark:text-slate-400">{canDecline.problem}</p> : null}
      {!accepted ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The console refused this request when it arrived; sharing anyway is still possible.
        </p>
      ) : null}
      {sharedBy ? (
        <p aria-label="Answered by" className="flex flex-wrap items-center gap-2 text-sm">
          <span>
            Shared by {sharedBy.how === 'hand' ? 'a share crafted by hand in Compose' : 'a share from this console'}
            {[sharedBy.name, sharedBy.to ? `to ${sharedBy.to}` : undefined].filter(Boolean).length
              ? ` (${[sharedBy.name, sharedBy.to ? `to ${sharedBy.to}` : undefined].filter(Boolean).join(' ')})`
              : ''}
            , providerId <code className="font-mono">{sharedBy.key}</code>
            {sharedBy.how === 'hand'
              ? ': the console does not know its secret, so the requester cannot exchange its code.'
              : ': the requester can exchange its code at the console and read it.'}
          </span>
          <span>That share&apos;s own state:</span>
          <StateBadge status={sharedBy.status} />
        </p>
      ) : entry?.answeredBy ? (
        <p aria-label="Answered by" className="text-sm">
          Shared by the share with providerId <code className="font-mono">{entry.answeredBy}</code>.
        </p>
      ) : null}
      {entry ? <ShareHistory entry={entry} current={record.id} /> : null}
      {decline.isPending ? <p className="text-sm">Sending SHARE_DECLINED…</p> : null}
      {decline.error ? <ErrorMessage>{decline.error.message}</ErrorMessage> : null}
      {done ? (
        <div className="space-y-1">
          <p role="status" className="text-sm">
            {done.type} sent to the requester
            {answered !== undefined ? `: it answered ${answered}` : ': it could not be delivered'}.
          </p>
          <ul className="list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
            {done.built.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <ExchangeView result={done.result} title={`POST /notifications (${done.type})`} />
        </div>
      ) : null}
    </section>
  );
}
