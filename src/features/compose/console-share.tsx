import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { consoleShareMutation } from '../../api/console-shares.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { SelectField, TargetField, TextField } from '../../ui/field.tsx';

type Protocol = 'webdav' | 'webapp';

/**
 * The console as a sending server: it keeps the share (file and secret) itself, so the receiver can
 * exchange the code at the console's token endpoint and read the file, or open the console's web app
 * with the token POSTed in a form. A web app goes only to a receiver that advertises webapp-receive.
 */
export function ConsoleShare() {
  const [to, setTo] = useState('');
  const [protocol, setProtocol] = useState<Protocol>('webapp');
  const [name, setName] = useState('');
  const send = useMutation(consoleShareMutation());
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
          if (to.trim()) send.mutate({ to: to.trim(), protocol, ...(name.trim() ? { name: name.trim() } : {}) });
        }}
      >
        <TargetField label="Share with (OCM address)" value={to} onValue={setTo} placeholder="carol@127.0.0.1:8081" />
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
