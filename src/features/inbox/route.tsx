import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  clearInboxMutation,
  inboxInfoQueryOptions,
  inboxRecordQueryOptions,
  inboxRecordsQueryOptions,
  loadOlderInboxMutation,
  useInboxStream,
  type StreamState,
} from '../../api/inbox.ts';
import { jobRoute } from '../../config/paths.ts';
import type { InboundRecord, InboxInfo, Unreadable } from '../../contract/inbound.ts';
import { Alert, ErrorMessage } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { Page } from '../../ui/page.tsx';
import { DemoSender } from './demo-sender.tsx';
import { InboxList } from './inbox-list.tsx';
import { PolicyEditor } from './policy-editor.tsx';
import { RecordDetail } from './record-detail.tsx';
import { NoticeLink } from './notice-link.tsx';
import { RequestActions } from './request-actions.tsx';
import { ShareActions } from './share-actions.tsx';
import { PeerLog } from './peer-log.tsx';

const STREAM: Record<StreamState, { tone: 'good' | 'warn' | 'neutral'; text: string }> = {
  connecting: { tone: 'neutral', text: 'connecting…' },
  live: { tone: 'good', text: 'live' },
  reconnecting: { tone: 'warn', text: 'reconnecting…' },
};

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function WhereToSend({ info }: { info: InboxInfo }) {
  const alice = info.recipients[0]?.address ?? 'alice@localhost';
  const example = JSON.stringify({
    shareWith: alice,
    name: 'spec.pdf',
    providerId: '7c084226',
    owner: 'bob@cloud.example.org',
    sender: 'bob@cloud.example.org',
    shareType: 'user',
    resourceType: 'file',
    protocol: { name: 'multi', webdav: { uri: '7c084226', sharedSecret: 'secret', permissions: ['read'] } },
  });
  return (
    <div className="space-y-2 rounded border border-slate-200 p-4 text-sm dark:border-slate-800">
      <p>
        OCM endpoint: <code className="font-mono">{info.endPoint}</code>
      </p>
      <p>
        Recipients:{' '}
        {info.recipients.map((r, i) => (
          <span key={r.name}>
            {i ? ', ' : ''}
            <code className="font-mono">{r.address}</code>
          </span>
        ))}
      </p>
      <details>
        <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Try it from a terminal</summary>
        <pre className="mt-2 overflow-auto rounded bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap dark:bg-slate-900">
          {`curl -i ${shellQuote(`${info.endPoint}/shares`)} \\\n  -H 'content-type: application/json' \\\n  --data-binary ${shellQuote(example)}`}
        </pre>
      </details>
    </div>
  );
}

/** Stored messages the server could not read back: said plainly, with where they are kept. */
function UnreadableNotice({ unreadable }: { unreadable: Unreadable }) {
  const { count, file, firstError } = unreadable;
  return (
    <Alert title={`${count} stored ${count === 1 ? 'message' : 'messages'} could not be read`}>
      <p>
        {count === 1 ? 'It is' : 'They are'} not listed below, and kept as {count === 1 ? 'it was' : 'they were'} in{' '}
        <code className="font-mono break-all">{file}</code>.
      </p>
      <p>
        First problem: <span className="font-mono break-all">{firstError}</span>
      </p>
    </Alert>
  );
}

function ClearButton({ count }: { count: number }) {
  const client = useQueryClient();
  const clear = useMutation(clearInboxMutation(client));
  const [confirming, setConfirming] = useState(false);
  if (!count) return null;
  return confirming ? (
    <span className="flex items-center gap-2 text-sm">
      Delete all {count} received messages?
      <Button
        variant="danger"
        size="compact"
        onClick={() => clear.mutate(undefined, { onSettled: () => setConfirming(false) })}
      >
        Delete
      </Button>
      <Button size="compact" onClick={() => setConfirming(false)}>
        Keep
      </Button>
    </span>
  ) : (
    <Button size="compact" onClick={() => setConfirming(true)}>
      Clear…
    </Button>
  );
}

/** The next older page of the list, on demand: the stream sends only the newest. */
function LoadOlder({ before, shown, total }: { before: number; shown: number; total: number }) {
  const client = useQueryClient();
  const older = useMutation(loadOlderInboxMutation(client));
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">
        Showing the newest {shown} of {total}.
      </span>
      <Button size="compact" disabled={older.isPending} onClick={() => older.mutate(before)}>
        {older.isPending ? 'Loading…' : 'Load older messages'}
      </Button>
      {older.isError ? <ErrorMessage>{older.error.message}</ErrorMessage> : null}
    </div>
  );
}

/**
 * The selected message with everything about it. The list carries large messages cut short (`abridged`):
 * those are read whole from the server before they are shown.
 */
function SelectedMessage({ listed }: { listed: InboundRecord }) {
  const whole = useQuery({ ...inboxRecordQueryOptions(listed.id), enabled: !!listed.abridged });
  const record = listed.abridged ? whole.data : listed;
  if (!record)
    return whole.isError ? (
      <ErrorMessage>{whole.error.message}</ErrorMessage>
    ) : (
      <p className="text-sm text-slate-500 dark:text-slate-400">Loading the whole message…</p>
    );
  return (
    <div className="min-w-0 space-y-4">
      <ShareActions key={record.id} record={record} />
      <RequestActions key={`request-${record.id}`} record={record} />
      <NoticeLink record={record} />
      <RecordDetail record={record} />
    </div>
  );
}

export function Component() {
  const job = jobRoute('inbox');
  const { state: stream, error: streamError } = useInboxStream();
  const records = useQuery(inboxRecordsQueryOptions());
  const info = useQuery(inboxInfoQueryOptions());
  const [params, setParams] = useSearchParams();
  const list = records.data?.records ?? [];
  const selected = list.find((r) => r.id === params.get('id')) ?? list[0];
  const look = STREAM[stream];

  return (
    <Page title={job.label} summary={job.summary}>
      {info.data ? <WhereToSend info={info.data} /> : null}
      {info.data?.unreadable ? <UnreadableNotice unreadable={info.data.unreadable} /> : null}
      {info.isError ? <ErrorMessage>{info.error.message}</ErrorMessage> : null}

      <details className="rounded border border-slate-200 p-4 dark:border-slate-800" open>
        <summary className="cursor-pointer text-sm font-semibold">Have a demo peer send something</summary>
        <div className="mt-3">
          <DemoSender defaultRecipient={info.data?.recipients[0]?.address} />
        </div>
        <div className="mt-4">
          <PeerLog />
        </div>
      </details>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="flex items-center gap-2 text-sm">
          <Badge tone={look.tone}>{look.text}</Badge>
          <span>{records.data ? `${records.data.total} received` : 'Loading…'}</span>
        </p>
        <ClearButton count={records.data?.total ?? 0} />
      </div>
      {streamError ? <ErrorMessage>{streamError}</ErrorMessage> : null}

      {records.data && list.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Nothing received yet. Calls to the OCM endpoint above appear here as they arrive.
        </p>
      ) : null}

      {list.length ? (
        <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
          <div className="space-y-2 self-start">
            <InboxList
              records={list}
              selectedId={selected?.id}
              onSelect={(id) => setParams({ id }, { replace: true })}
            />
            {records.data?.next !== undefined ? (
              <LoadOlder before={records.data.next} shown={list.length} total={records.data.total} />
            ) : null}
          </div>
          {selected ? <SelectedMessage key={selected.id} listed={selected} /> : null}
        </div>
      ) : null}

      {info.data ? (
        <details className="rounded border border-slate-200 p-4 dark:border-slate-800">
          <summary className="cursor-pointer text-sm font-semibold">How the console answers</summary>
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            By default each endpoint answers as the spec says (201 with recipientDisplayName for a share to a known
            recipient, 400 with validationErrors otherwise…). Choose another status, body or a delay to see how the
            sending server copes.
          </p>
          <PolicyEditor policies={info.data.policies} />
        </details>
      ) : null}
    </Page>
  );
}
