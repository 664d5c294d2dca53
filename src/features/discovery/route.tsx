import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { demoPeersQueryOptions } from '../../api/demo.ts';
import { discoveryQueryOptions } from '../../api/discovery.ts';
import { jobRoute, paths } from '../../config/paths.ts';
import { diffLines } from '../../signing/index.ts';
import { loadRecentTargets, rememberTarget } from '../../storage/recent-targets.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DemoPeerPicks } from '../../ui/demo-peer-picks.tsx';
import { SelectField, TargetField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ComparePanel } from './compare-panel.tsx';
import { DiscoveryResult } from './discovery-result.tsx';

const UA_PRESETS = [
  { label: 'none', value: '' },
  { label: 'Nextcloud Server Crawler', value: 'Nextcloud Server Crawler' },
];

function Diff({ before, after }: { before: string; after: string }) {
  const lines = diffLines(before, after);
  if (lines.every((l) => l.kind === 'same')) return <p className="text-sm">No change since the previous fetch.</p>;
  return (
    <pre
      aria-label="Changes since the previous fetch"
      className="overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900"
    >
      {lines
        .filter((l) => l.kind !== 'same')
        .map((l, i) => (
          <div
            key={i}
            className={l.kind === 'ours' ? 'text-red-700 dark:text-red-400' : 'text-emerald-700 dark:text-emerald-400'}
          >
            {l.kind === 'ours' ? '- ' : '+ '}
            {l.text}
          </div>
        ))}
    </pre>
  );
}

export function Component() {
  const job = jobRoute('discover');
  const { target = '' } = useParams();
  const navigate = useNavigate();
  // A new target in the URL starts a fresh draft (the form is keyed by it below).
  const [draft, setDraft] = useState(target);
  const [draftFor, setDraftFor] = useState(target);
  if (draftFor !== target) {
    setDraftFor(target);
    setDraft(target);
  }
  const [ua, setUa] = useState('');
  const [scheme, setScheme] = useState<'' | 'http' | 'https'>('');
  const recent = loadRecentTargets();
  const demo = useQuery(demoPeersQueryOptions());
  const client = useQueryClient();
  // Each fetch also keeps the document of the fetch before it, for the diff.
  const query = useQuery(
    discoveryQueryOptions(client, target, { ua: ua || undefined, scheme: scheme || undefined }, rememberTarget),
  );
  const result = { ...query, data: query.data?.result };
  const previous = query.data?.previous;
  const latest = query.data ? JSON.stringify(query.data.result.document, null, 2) : undefined;

  const go = (next: string) => {
    const trimmed = next.trim();
    if (!trimmed) return;
    if (trimmed === target) void query.refetch();
    else navigate(paths.discover(trimmed));
  };

  return (
    <Page title={job.label} summary={job.summary}>
      <form
        aria-label="Discover a server"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          go(draft);
        }}
      >
        <TargetField value={draft} onValue={setDraft} placeholder="cloud.example.org, https://…, or user@host" />
        <SelectField
          label="User-Agent"
          value={UA_PRESETS.some((p) => p.value === ua) ? ua : 'custom'}
          onValue={(v) => setUa(v === 'custom' ? 'OCM Explorer' : v)}
        >
          {UA_PRESETS.map((p) => (
            <option key={p.label} value={p.value}>
              {p.label}
            </option>
          ))}
          <option value="custom">custom…</option>
        </SelectField>
        {!UA_PRESETS.some((p) => p.value === ua) ? (
          <TextField label="Custom User-Agent" value={ua} onValue={setUa} />
        ) : null}
        <SelectField<'' | 'http' | 'https'> label="Scheme" value={scheme} onValue={setScheme}>
          <option value="">automatic</option>
          <option value="https">https</option>
          <option value="http">http</option>
        </SelectField>
        <Button type="submit" variant="primary">
          {draft.trim() && draft.trim() === target ? 'Fetch again' : 'Discover'}
        </Button>
      </form>

      <div className="flex flex-wrap items-center gap-2 text-sm">
        <DemoPeerPicks
          action="Discover a demo peer"
          peers={demo.data?.peers}
          onPick={(p) => go(p.users[0] ?? p.origin)}
        />
        {recent.length ? <span className="ml-2 text-slate-600 dark:text-slate-400">Recent:</span> : null}
        {recent.map((t) => (
          <button
            key={t}
            type="button"
            className="rounded px-1.5 py-0.5 font-mono text-xs underline"
            onClick={() => go(t)}
          >
            {t}
          </button>
        ))}
      </div>

      {!target ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Enter a server to read its discovery document, or pick a demo peer.
        </p>
      ) : null}
      {result.isFetching ? (
        <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
          Fetching discovery of {target}…
        </p>
      ) : null}
      {result.isError ? <ErrorMessage>{result.error.message}</ErrorMessage> : null}
      {previous !== undefined && latest !== undefined ? (
        <section aria-label="Diff" className="space-y-1">
          <h2 className="text-sm font-semibold">Compared with the previous fetch</h2>
          <Diff before={previous} after={latest} />
        </section>
      ) : null}
      {result.data ? <DiscoveryResult result={result.data} /> : null}

      <details className="rounded border border-slate-200 p-4 dark:border-slate-800">
        <summary className="cursor-pointer text-sm font-semibold">Compare several servers</summary>
        <div className="mt-3">
          <ComparePanel />
        </div>
      </details>
    </Page>
  );
}
