import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { demoPeersQueryOptions, demoReceivedQueryOptions } from '../../api/demo.ts';
import type { DemoReceived } from '../../contract/demo.ts';
import { Badge, statusTone } from '../../ui/badge.tsx';
import { CheckboxField, SelectField } from '../../ui/field.tsx';

const VERDICT = { verified: 'good', failed: 'bad', unsigned: 'warn' } as const;
const PROBE_TITLE =
  "Sent by this console's Check: a share to a user that does not exist, or a code never issued. Its failures are the point of the probe.";

/** The other side of every exchange: what a demo peer received, how it judged the signature, what it answered. */
export function PeerLog() {
  const peers = useQuery(demoPeersQueryOptions()).data?.peers ?? [];
  const [chosen, setChosen] = useState('');
  const [hideProbes, setHideProbes] = useState(true);
  const peer = chosen || peers[0]?.id || '';
  const log = useQuery({ ...demoReceivedQueryOptions(peer), enabled: !!peer });
  if (!peers.length) return null;
  const entries = log.data?.received ?? [];
  // The Check's probes are kept (they are what the peer really received) but hidden by default: they would
  // bury the peer's own traffic.
  const probes = entries.filter((e) => e.checkProbe).length;
  const shown = hideProbes ? entries.filter((e) => !e.checkProbe) : entries;
  return (
    <section aria-label="What the demo peer received" className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <SelectField label="What this peer received" inline value={peer} onValue={setChosen}>
          {peers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <CheckboxField label="Hide Check probes" checked={hideProbes} onChecked={setHideProbes} />
        {hideProbes && probes ? (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {probes === 1 ? '1 Check probe hidden' : `${probes} Check probes hidden`}
          </span>
        ) : null}
      </div>
      {shown.length ? (
        <ol aria-label={`Received by ${peer}`} className="max-h-72 space-y-1 overflow-auto text-sm">
          {shown.slice(0, 20).map((e, i) => (
            <li key={`${e.at}-${i}`} className="rounded border border-slate-200 p-2 dark:border-slate-800">
              <div className="flex flex-wrap items-center gap-2">
                <code className="font-mono text-xs">
                  {e.method} {e.path}
                </code>
                {e.checkProbe ? <Badge title={PROBE_TITLE}>Check probe</Badge> : null}
                <Badge tone={statusTone(e.status)}>answered {e.status}</Badge>
                <Badge tone={VERDICT[e.verified]} title={e.summary}>
                  {e.verified}
                </Badge>
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {new Date(e.at).toLocaleTimeString()}
                </span>
              </div>
              <pre className="mt-1 overflow-auto font-mono text-xs whitespace-pre-wrap break-all">{e.body}</pre>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {entries.length ? 'This peer has received only Check probes.' : 'This peer has received no OCM call yet.'}
        </p>
      )}
      {log.data?.fetched?.length ? <FetchedList peer={peer} fetched={log.data.fetched} /> : null}
    </section>
  );
}

type Fetched = NonNullable<DemoReceived['fetched']>[number];

/** What the peer did with the shares it accepted: the code exchanged at the sender, then the file read. */
function FetchedList({ peer, fetched }: { peer: string; fetched: Fetched[] }) {
  return (
    <ol aria-label={`Shares opened by ${peer}`} className="max-h-48 space-y-1 overflow-auto text-sm">
      {fetched.slice(0, 10).map((f, i) => (
        <li
          key={`${f.at}-${i}`}
          className="flex flex-wrap items-center gap-2 rounded border border-slate-200 p-2 dark:border-slate-800"
        >
          <span>
            <strong>{f.share}</strong> from <code className="font-mono text-xs">{f.from}</code>:
          </span>
          <Badge tone={f.tokenStatus === null ? 'warn' : statusTone(f.tokenStatus)}>
            {f.tokenStatus === null ? 'no code exchange' : `code exchange ${f.tokenStatus}`}
          </Badge>
          <Badge tone={f.readStatus === null ? 'warn' : statusTone(f.readStatus)}>
            {f.readStatus === null
              ? 'not read'
              : `read ${f.readStatus}${f.bytes !== null ? ` (${f.bytes} bytes)` : ''}`}
          </Badge>
          {f.error ? <span className="text-xs text-slate-600 dark:text-slate-400">{f.error}</span> : null}
        </li>
      ))}
    </ol>
  );
}
