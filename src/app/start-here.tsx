import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { demoPeersQueryOptions, demoSendMutation } from '../api/demo.ts';
import { fetchInboxRecords, inboxInfoQueryOptions } from '../api/inbox.ts';
import { paths } from '../config/paths.ts';
import { ErrorMessage } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';

/**
 * The home page's first step: which demo servers run beside the console, and the one-click web-app demo
 * (alpha shares its app with the console, and the lab's room view opens on that share).
 */
export function StartHere() {
  const peers = useQuery(demoPeersQueryOptions());
  const client = useQueryClient();
  const send = useMutation(demoSendMutation());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const mesh = peers.data?.enabled ? peers.data.peers : [];
  const alpha = mesh.find((p) => p.id === 'alpha');
  if (!alpha) return null;

  async function demo() {
    setBusy(true);
    setError(undefined);
    try {
      const info = await client.fetchQuery(inboxInfoQueryOptions());
      const to = info.recipients[0]?.address;
      if (!to) throw new Error('This console has no user to share with.');
      const sent = await send.mutateAsync({ peer: 'alpha', kind: 'share', protocol: 'webapp', to });
      if (!sent.ok) throw new Error(`alpha could not send the share: ${sent.error ?? 'refused'}`);
      const { records } = await fetchInboxRecords();
      const share = records
        .filter((r) => r.endpoint === 'shares' && r.body.encoding === 'utf8' && r.body.data.includes('"webapp"'))
        .sort((a, b) => b.seq - a.seq)[0];
      if (!share) throw new Error('The share from alpha is not in the Inbox.');
      // A full load: the lab's page policy opens to the share's app origin when the page is served.
      window.location.assign(`${paths.webapp(share.id)}?room=start`);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  }

  return (
    <section
      aria-label="Start here"
      className="space-y-2 rounded border-2 border-sky-300 bg-sky-50 p-4 dark:border-sky-800 dark:bg-sky-950/40"
    >
      <h2 className="text-lg font-semibold">Start here</h2>
      <p className="text-sm">
        {mesh.length} demo OCM servers are running on this machine beside the console:{' '}
        {mesh.map((p, i) => (
          <span key={p.id}>
            {i ? ', ' : ''}
            <strong>{p.name}</strong> at <span className="font-mono">{p.origin}</span>
          </span>
        ))}
        . Try first: alpha shares a web app with this console, and the webapp lab shows it in an iframe, a popup window
        and by redirect, side by side.
      </p>
      <p className="flex flex-wrap items-center gap-3">
        <Button variant="primary" onClick={() => void demo()} disabled={busy}>
          Demo the three modes
        </Button>
        {busy ? <span className="text-sm">alpha is sending a web-app share…</span> : null}
      </p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
    </section>
  );
}
