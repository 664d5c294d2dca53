import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { demoPeersQueryOptions } from '../../api/demo.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { discover } from '../../api/relay.ts';
import type { DiscoverResult } from '../../contract/exchange.ts';
import { jobRoute, paths } from '../../config/paths.ts';
import { diffLines } from '../../signing/index.ts';
import { loadRecentTargets, rememberTarget } from '../../storage/recent-targets.ts';
import { Page } from '../../ui/page.tsx';
import { ComparePanel } from './compare-panel.tsx';
import { DiscoveryResult } from './discovery-result.tsx';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';
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
  const key = [...queryKeys.all, 'discover', target, ua, scheme];
  // Each fetch also keeps the document of the fetch before it, for the diff.
  const query = useQuery({
    queryKey: key,
    queryFn: async ({ signal }): Promise<{ result: DiscoverResult; previous?: string }> => {
      const before = client.getQueryData<{ result: DiscoverResult }>(key);
      const result = await discover(target, { ua: ua || undefined, scheme: scheme || undefined }, signal);
      rememberTarget(target);
      return { result, ...(before ? { previous: JSON.stringify(before.result.document, null, 2) } : {}) };
    },
    enabled: !!target,
    staleTime: Infinity,
  });
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
        <label className="flex grow flex-col gap-1 text-sm">
          Host, URL or OCM address
          <input
            className={`${input} font-mono`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="cloud.example.org, https://…, or user@host"
            spellCheck={false}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          User-Agent
          <select
            className={input}
            value={UA_PRESETS.some((p) => p.value === ua) ? ua : 'custom'}
            onChange={(e) => setUa(e.target.value === 'custom' ? 'OCM Explorer' : e.target.value)}
          >
            {UA_PRESETS.map((p) => (
              <option key={p.label} value={p.value}>
                {p.label}
              </option>
            ))}
            <option value="custom">custom…</option>
          </select>
        </label>
        {!UA_PRESETS.some((p) => p.value === ua) ? (
          <label className="flex flex-col gap-1 text-sm">
            Custom User-Agent
            <input className={input} value={ua} onChange={(e) => setUa(e.target.value)} />
          </label>
        ) : null}
        <label className="flex flex-col gap-1 text-sm">
          Scheme
          <select className={input} value={scheme} onChange={(e) => setScheme(e.target.value as '' | 'http' | 'https')}>
            <option value="">automatic</option>
            <option value="https">https</option>
            <option value="http">http</option>
          </select>
        </label>
        <button
          type="submit"
          className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white dark:bg-slate-100 dark:text-slate-900"
        >
          {draft.trim() && draft.trim() === target ? 'Fetch again' : 'Discover'}
        </button>
      </form>

      <div className="flex flex-wrap items-center gap-2 text-sm">
        {demo.data?.peers.length ? <span className="text-slate-600 dark:text-slate-400">Demo peers:</span> : null}
        {demo.data?.peers.map((p) => (
          <button
            key={p.id}
            type="button"
            className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700"
            onClick={() => go(p.users[0] ?? p.origin)}
          >
            {p.name}
          </button>
        ))}
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
        <p role="status" className="text-sm text-slate-500">
          Fetching discovery of {target}…
        </p>
      ) : null}
      {result.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {result.error.message}
        </p>
      ) : null}
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
