import type { Grade } from '../contract/check.ts';
import { Badge, type Tone } from './badge.tsx';

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
      <header className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">
          {report.target}: <span className="uppercase">{report.grade}</span>
        </h2>
        <GradeBadge grade={report.grade} />
        <span className="text-xs text-slate-500">
          {report.base} · {new Date(report.startedAt).toLocaleString()} · {report.durationMs} ms
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
