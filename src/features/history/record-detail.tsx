import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { historyMutationOptions } from '../../api/history.ts';
import { sendViaRelay } from '../../api/relay.ts';
import { exchangeToCurl, headersCurlCannotSend } from '../../contract/curl.ts';
import { replayRequest } from '../../contract/replay.ts';
import { paths, type ComposeResend } from '../../config/paths.ts';
import { redact } from '../../lib/redact.ts';
import { OCM_RFC9421_PROFILE } from '../../protocol/signature-profile.ts';
import type { HistoryRecord } from '../../storage/history-store.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { FindingsList } from '../../ui/findings-list.tsx';
import { downloadText } from '../../ui/download.ts';
import { harOf } from './har-file.ts';
import { exchangeLink } from './shared-link.ts';

/** How long receivers accept a signature: the OCM profile's window for `created` (the demo peers' too). */
const FRESH_SECONDS = OCM_RFC9421_PROFILE.maxAgeSeconds ?? 300;

/** One recorded exchange, with what can be done with it. */
export function RecordDetail({
  record,
  includeSecrets,
  version,
  onCompare,
  onReplayed,
  onDeleted,
}: {
  record: HistoryRecord;
  includeSecrets: boolean;
  version: string;
  onCompare: () => void;
  onReplayed: (id: string) => void;
  onDeleted: () => void;
}) {
  const client = useQueryClient();
  const mutations = historyMutationOptions(client);
  const pin = useMutation(mutations.pin);
  const remove = useMutation(mutations.remove);
  // A recorded fault is made again (a negative test stays negative); "without the fault" is its own button.
  const fault = record.exchange.signing?.fault;
  const replay = useMutation({
    mutationFn: (withoutFault: boolean = false) =>
      sendViaRelay(replayRequest(record.exchange, { withoutFault }), undefined, {
        page: 'history',
        replayOf: record.id,
        ...(record.source.kind ? { kind: record.source.kind } : {}),
      }),
    onSuccess: (result) => {
      if ('exchange' in result) onReplayed(result.exchange.id);
    },
  });
  const navigate = useNavigate();
  const editAndResend = () => {
    const request = replayRequest(record.exchange);
    const resend: ComposeResend = {
      method: request.method,
      url: request.url,
      headers: request.headers ?? [],
      ...(request.body ? { body: request.body } : {}),
      sign: request.sign ?? 'none',
      ...(record.source.kind ? { kind: record.source.kind } : {}),
    };
    navigate(paths.compose(), { state: { resend } });
  };
  const [link, setLink] = useState<string>();
  const copyLink = async () => {
    const url = exchangeLink(window.location.origin, record);
    setLink(url);
    await navigator.clipboard?.writeText(url).catch(() => undefined);
  };
  const [curl, setCurl] = useState<{ command: string; redacted: boolean; copied: boolean; leftOut: string[] }>();
  const { exchange } = record;
  const signedAt = exchange.signing ? new Date(exchange.startedAt) : undefined;
  const freshUntil = signedAt ? new Date(signedAt.getTime() + FRESH_SECONDS * 1000) : undefined;

  const makeCurl = async () => {
    const exact = exchangeToCurl(exchange, { multiline: true });
    const command = includeSecrets ? exact : exchangeToCurl(redact(exchange), { multiline: true });
    let copied = false;
    try {
      await navigator.clipboard.writeText(command);
      copied = true;
    } catch {
      // No clipboard permission (or an insecure origin): the command is shown to select by hand.
    }
    setCurl({ command, redacted: command !== exact, copied, leftOut: headersCurlCannotSend(exchange) });
  };

  // A command copied with secrets is masked again on screen once "Include secrets" is unticked.
  const shown =
    curl && !curl.redacted && !includeSecrets
      ? { ...curl, command: exchangeToCurl(redact(exchange), { multiline: true }), redacted: true }
      : curl;

  return (
    <section
      aria-label="Recorded exchange"
      className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Made by {record.source.page}
        {record.source.kind ? ` (${record.source.kind})` : ''}
        {record.source.replayOf ? ', replaying an earlier exchange' : ''} on {new Date(record.savedAt).toLocaleString()}
        {exchange.signing ? `; signed (${exchange.signing.profile === 'rfc9421' ? 'RFC 9421' : 'draft-cavage'})` : ''}.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="compact" variant="primary" disabled={replay.isPending} onClick={() => replay.mutate(false)}>
          {replay.isPending ? 'Replaying…' : fault ? `Replay (with its fault: ${fault})` : 'Replay'}
        </Button>
        {fault ? (
          <Button size="compact" disabled={replay.isPending} onClick={() => replay.mutate(true)}>
            Replay without the fault
          </Button>
        ) : null}
        <Button size="compact" onClick={() => void makeCurl()}>
          Copy as curl
        </Button>
        <Button size="compact" onClick={editAndResend}>
          Edit and resend
        </Button>
        <Button size="compact" onClick={() => void copyLink()}>
          Copy link
        </Button>
        <Button size="compact" onClick={onCompare}>
          Compare
        </Button>
        <Button
          size="compact"
          onClick={() =>
            downloadText(`ocm-explorer-${record.id}.har`, 'application/json', harOf([record], includeSecrets, version))
          }
        >
          Export HAR
        </Button>
        <Button size="compact" onClick={() => pin.mutate({ record, pinned: !record.pinned })}>
          {record.pinned ? 'Unpin' : 'Pin'}
        </Button>
        <Button size="compact" onClick={() => remove.mutate([record.id], { onSuccess: onDeleted })}>
          Delete
        </Button>
      </div>
      {exchange.signing ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          Replay signs the request again with this console's active{' '}
          {exchange.signing.profile === 'rfc9421' ? 'RFC 9421' : 'draft-cavage'} key and a fresh <code>created</code>.
          The recorded signature is fresh for receivers until about {freshUntil!.toLocaleTimeString()} (
          {FRESH_SECONDS / 60} minutes after it was made, the window OCM receivers such as the demo peers accept); a
          curl command copied after that is refused as stale.
        </p>
      ) : null}
      {link ? (
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          Link to this exchange (secrets redacted; the exchange travels in the part after #, which no server sees)
          <input
            readOnly
            value={link}
            className="rounded border border-slate-300 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
      ) : null}
      {replay.isError ? <ErrorMessage>{replay.error.message}</ErrorMessage> : null}
      {replay.data && 'failure' in replay.data ? <ExchangeView result={replay.data} title="Replay" /> : null}
      {shown ? (
        <div className="space-y-1">
          <p className="text-xs text-slate-600 dark:text-slate-400" role="status">
            {shown.copied ? 'Copied to the clipboard. ' : 'Select the command below to copy it. '}
            {shown.redacted
              ? 'Secrets are redacted (tick "Include secrets in exports" for a command that runs): as it is, it will not run.'
              : shown.leftOut.length
                ? ''
                : 'It sends the same bytes, every header included.'}
            {shown.leftOut.length
              ? ` Left out, as curl cannot send them as recorded: ${shown.leftOut.map((n) => JSON.stringify(n)).join(', ')}.`
              : ''}
          </p>
          <pre
            aria-label="curl command"
            className="overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre dark:bg-slate-900"
          >
            {shown.command}
          </pre>
        </div>
      ) : null}
      <ExchangeView result={{ exchange: includeSecrets ? exchange : redact(exchange) }} title="Exchange" />
      {record.findings.request.length ? (
        <FindingsList findings={record.findings.request} title="Request body findings" label="Request body findings" />
      ) : null}
      {record.findings.response.length ? (
        <FindingsList
          findings={record.findings.response}
          title="Response body findings"
          label="Response body findings"
        />
      ) : null}
    </section>
  );
}
