import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { runCheckMutation } from '../../api/check.ts';
import { demoPeersQueryOptions } from '../../api/demo.ts';
import { jobRoute, paths } from '../../config/paths.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { DemoPeerPicks } from '../../ui/demo-peer-picks.tsx';
import { TargetField } from '../../ui/field.tsx';
import { downloadText } from '../../ui/download.ts';
import { Page } from '../../ui/page.tsx';
import { reportFromHash, reportJson, reportLink, reportMarkdown } from './export.ts';
import { ReportView } from './report-view.tsx';

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
        <TargetField value={draft} onValue={setDraft} placeholder="cloud.example.org" />
        <Button type="submit" variant="primary" disabled={run.isPending || !draft.trim()}>
          {run.isPending ? 'Checking…' : 'Run the check'}
        </Button>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The probes change nothing on the server: a share to a user that does not exist, and a token request with a code
        never issued. They are signed with this console's keys, so the server must be able to reach this console to
        verify them.
      </p>
      <DemoPeerPicks action="Check a demo peer" peers={demo.data?.peers} onPick={(p) => start(p.origin)} />
      {run.isError ? <ErrorMessage>{run.error.message}</ErrorMessage> : null}
      {shared && !run.data ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          A shared report (secrets redacted), as it was when it was made.
        </p>
      ) : null}
      {report ? (
        <>
          <div className="flex flex-wrap gap-2">
            <Button
              onClick={() => downloadText(`ocm-check-${report.target}.json`, 'application/json', reportJson(report))}
            >
              Download JSON
            </Button>
            <Button
              onClick={() => downloadText(`ocm-check-${report.target}.md`, 'text/markdown', reportMarkdown(report))}
            >
              Download Markdown
            </Button>
            <Button
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
            </Button>
            {copied ? <span className="text-xs text-emerald-700 dark:text-emerald-400">Copied.</span> : null}
          </div>
          <ReportView report={report} />
        </>
      ) : null}
    </Page>
  );
}
