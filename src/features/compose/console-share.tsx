import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { consoleShareMutation } from '../../api/console-shares.ts';
import { demoPeersQueryOptions } from '../../api/demo.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { paths, type ComposeShareFill } from '../../config/paths.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { exampleAddress } from '../../ui/demo-peer-picks.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { SelectField, TargetField, TextField } from '../../ui/field.tsx';
import { WebappReceiveVerdict } from './webapp-receive-verdict.tsx';

type Protocol = 'webdav' | 'webapp';

/**
 * The console as a sending server: it keeps the share (file and secret) itself, so the receiver can
 * exchange the code at the console's token endpoint and read the file, or open the console's web app
 * with the token POSTed in a form. A web app goes only to a receiver that advertises webapp-receive.
 * Filled in from a request for a share, it answers that request: delivered, the request is marked shared.
 */
export function ConsoleShare({ fill }: { fill?: ComposeShareFill }) {
  const client = useQueryClient();
  const demoPeers = useQuery(demoPeersQueryOptions()).data?.peers;
  const [to, setTo] = useState(fill?.to ?? '');
  const [protocol, setProtocol] = useState<Protocol>(fill ? (fill.protocol ?? 'webdav') : 'webapp');
  const [name, setName] = useState(fill?.name ?? '');
  const send = useMutation({
    ...consoleShareMutation(),
    // A request answered: its state is kept by the server; the Inbox reads it again.
    onSuccess: (result) => {
      if (result.answered) void client.invalidateQueries({ queryKey: queryKeys.inbox.shares() });
    },
  });
  const result = send.data;
  const uri = (() => {
    const body = result?.exchange?.request.body;
    if (!body || body.encoding !== 'utf8') return undefined;
    try {
      const doc = JSON.parse(body.data) as { protocol?: { webapp?: { uri?: unknown; targets?: unknown } } };
      const w = doc.protocol?.webapp;
      return typeof w?.uri === 'string'
        ? { uri: w.uri, targets: Array.isArray(w.targets) ? w.targets.join(', ') : '' }
        : undefined;
    } catch {
      return undefined;
    }
  })();
  return (
    <section
      aria-label="Share from this console"
      className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <h2 className="text-sm font-semibold">
        Share from this console (it keeps the file and answers the token request)
      </h2>
      <form
        aria-label="Console share"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!to.trim()) return;
          send.mutate({
            to: to.trim(),
            protocol,
            ...(name.trim() ? { name: name.trim() } : {}),
            ...(fill ? { permissions: fill.permissions } : {}),
            ...(fill?.from ? { from: fill.from } : {}),
            ...(fill?.request ? { request: fill.request } : {}),
          });
        }}
      >
        <TargetField
          label="Share with (OCM address)"
          value={to}
          onValue={setTo}
          placeholder={exampleAddress(demoPeers)}
        />
        <SelectField<Protocol> label="What to share" value={protocol} onValue={setProtocol}>
          <option value="webapp">the console&apos;s web app (webapp)</option>
          <option value="webdav">a text file (webdav)</option>
        </SelectField>
        <TextField label="Name" value={name} onValue={setName} placeholder="hello.txt" />
        <Button type="submit" variant="primary" disabled={!to.trim() || send.isPending}>
          {send.isPending ? 'Sharing…' : 'Share'}
        </Button>
      </form>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        A web app is offered only to a receiver whose discovery advertises <code>webapp-receive</code>, with only the
        targets it lists there; the receiver exchanges the code at this console&apos;s token endpoint and POSTs the
        token to the app, which reports how it was opened.
      </p>
      {protocol === 'webapp' ? <WebappReceiveVerdict to={to} /> : null}
      {send.isError ? <ErrorMessage>{send.error.message}</ErrorMessage> : null}
      {result?.problem ? <ErrorMessage>{result.problem}</ErrorMessage> : null}
      {result && (result.exchange || result.failure) ? (
        <div role="status" aria-label="Console share result" className="space-y-2 text-sm">
          {result.exchange ? (
            <p>
              {result.share?.shareWith} answered {result.exchange.response.status}.
              {uri ? ` The app is at ${uri.uri} (targets ${uri.targets}).` : ''}
            </p>
          ) : null}
          {result.answered ? (
            <p>
              {result.answered.ok ? (
                <>
                  The{' '}
                  <Link className="underline" to={paths.inbox(result.answered.request)}>
                    request for a share
                  </Link>{' '}
                  is answered by this share ({result.share?.id}).
                </>
              ) : (
                `The request for a share is not marked answered: ${result.answered.message ?? 'unknown reason'}`
              )}
            </p>
          ) : null}
          <ExchangeView
            result={result.exchange ? { exchange: result.exchange } : { failure: result.failure! }}
            title="Share sent by the console"
          />
        </div>
      ) : null}
      {/* A sent share's notes are shown with its exchange. */}
      {result?.notes.length && !result.exchange ? (
        <ul aria-label="Console share notes" className="list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
          {result.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
