import type { CheckEvidence, Grade } from '../contract/check.ts';
import { Badge, type Tone } from './badge.tsx';
import { ExchangeView } from './exchange-view.tsx';

const TONE: Record<Grade, Tone> = { pass: 'good', warn: 'warn', fail: 'bad', skip: 'neutral' };

export function GradeBadge({ grade }: { grade: Grade }) {
  return <Badge tone={TONE[grade]}>{grade}</Badge>;
}

interface ReportHead {
  target: string;
  grade: Grade;
  base: string;
  startedAt: string;
  durationMs: number;
  notes: readonly string[];
}

/** The head shared by the graded reports (Check, Interop): target and grade, when and how long, then the notes. */
export function GradedReportHeader({ report }: { report: ReportHead }) {
  return (
    <>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="flex items-center gap-2 text-lg font-semibold break-all">
          {report.target} <GradeBadge grade={report.grade} />
        </h2>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          {report.base !== report.target ? `read from ${report.base} · ` : ''}
          {new Date(report.startedAt).toLocaleString()} · took {report.durationMs} ms
        </span>
      </header>
      {report.notes.map((n, i) => (
        <p key={i} className="text-sm text-slate-600 dark:text-slate-400">
          {n}
        </p>
      ))}
    </>
  );
}

/** The exchanges behind one line or step of a graded report, folded away under a count. */
export function EvidenceList({ label, evidence }: { label: string; evidence: readonly CheckEvidence[] }) {
  if (!evidence.length) return null;
  return (
    <details>
      <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-400">
        {label} ({evidence.length})
      </summary>
      <div className="mt-2 space-y-2">
        {evidence.map((e, i) => (
          <ExchangeView
            key={i}
            title={e.label}
            result={e.exchange ? { exchange: e.exchange } : { failure: e.failure! }}
          />
        ))}
      </div>
    </details>
  );
}
