import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { runCheckMutation } from '../../api/check.ts';
import { demoPeersQueryOptions } from '../../api/demo.ts';
import { jobRoute, paths } from '../../config/paths.ts';
import { Page } from '../../ui/page.tsx';
import { reportFromHash, reportJson, reportLink, reportMarkdown } from './export.ts';
import { ReportView } from './report-view.tsx';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';
const secondary = 'rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function Component() {
  const job = jobRoute('check');
  const { target = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(target);
  const [copied, setCopied] = useState(false);
  const demo = useQuery(demoPeersQueryOptions());
  const run = useMutation(runCheckMutation());
  const shared = reportFromHash(location.hash);
  const report = run.data ?? shared;

  const start = (t: string) => {
    const trimmed = t.trim();
    if (!trimmed) return;
    setDraft(trimmed);
    if (trimmed !== target || location.hash) navigate(paths.check(trimmed));
    run.mutate(trimmed);
  };

  return (
    <Page title={job.label} summary={job.summary}>
      <form
        aria-label="Check a server"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          start(draft);
        }}
      >
        <label className="flex grow flex-col gap-1 text-sm">
          Host, URL or OCM address
          <input
            className={`${input} font-mono`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            placeholder="cloud.example.org"
            spellCheck={false}
          />
        </label>
        <button
          type="submit"
          disabled={run.isPending || !draft.trim()}
          className="rounded bg-slate-900 px-3 py-1.5 text-sm text-white disabled:opacity-50 dark:bg-slate-100 dark:text-slate-900"
        >
          {run.isPending ? 'Checking…' : 'Run the check'}
        </button>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The probes change nothing on the server: a share to a user that does not exist, and a token request with a code
        never issued. They are signed with this console's keys, so the server must be able to reach this console to
        verify them.
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {demo.data?.peers.length ? <span className="text-slate-600 dark:text-slate-400">Demo peers:</span> : null}
        {demo.data?.peers.map((p) => (
          <button key={p.id} type="button" className={secondary} onClick={() => start(p.origin)}>
            {p.name}
          </button>
        ))}
      </div>
      {run.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {run.error.message}
        </p>
      ) : null}
      {shared && !run.data ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          A shared report (secrets redacted), as it was when it was made.
        </p>
      ) : null}
      {report ? (
        <>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={secondary}
              onClick={() => download(`ocm-check-${report.target}.json`, 'application/json', reportJson(report))}
            >
              Download JSON
            </button>
            <button
              type="button"
              className={secondary}
              onClick={() => download(`ocm-check-${report.target}.md`, 'text/markdown', reportMarkdown(report))}
            >
              Download Markdown
            </button>
            <button
              type="button"
              className={secondary}
              onClick={() =>
                void navigator.clipboard
                  ?.writeText(reportLink(window.location.origin, paths.check(report.target), report))
                  .then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
              }
            >
              Copy link (secrets redacted)
            </button>
            {copied ? <span className="text-xs text-emerald-700 dark:text-emerald-400">Copied.</span> : null}
          </div>
          <ReportView report={report} />
        </>
      ) : null}
    </Page>
  );
}
