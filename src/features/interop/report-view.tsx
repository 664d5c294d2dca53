import type { InteropReport } from '../../contract/interop.ts';
import { EvidenceList, GradeBadge, GradedReportHeader } from '../../ui/graded-report.tsx';

/** The interop report: each step with what happened, the deviations named, and the exchanges behind it. */
export function InteropReportView({ report }: { report: InteropReport }) {
  return (
    <article aria-label="Interop report" className="space-y-4">
      <GradedReportHeader report={report} />
      {report.steps.map((s) => (
        <section
          key={s.id}
          aria-label={s.title}
          className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
        >
          <h3 className="flex items-center gap-2 text-sm font-semibold">
            <GradeBadge grade={s.grade} /> {s.title}
          </h3>
          <p className="text-sm break-words">{s.seen}</p>
          {s.deviations.length ? (
            <ul aria-label="Deviations" className="list-disc space-y-1 pl-5 text-sm text-amber-900 dark:text-amber-200">
              {s.deviations.map((d, i) => (
                <li key={i} className="break-words">
                  {d}
                </li>
              ))}
            </ul>
          ) : null}
          <EvidenceList label="Exchanges" evidence={s.evidence} />
        </section>
      ))}
    </article>
  );
}
