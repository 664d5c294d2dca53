import { AREA_TITLES, type CheckReport } from '../../contract/check.ts';
import { EvidenceList, GradeBadge, GradedReportHeader } from '../../ui/graded-report.tsx';

/** The graded report: each area, each line with expected and seen, and the exchanges behind it. */
export function ReportView({ report }: { report: CheckReport }) {
  return (
    <article aria-label="Check report" className="space-y-4">
      <GradedReportHeader report={report} />
      {report.areas.map((area) => (
        <section
          key={area.area}
          aria-label={AREA_TITLES[area.area]}
          className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
        >
          <h3 className="flex items-center gap-2 text-sm font-semibold">
            {AREA_TITLES[area.area]} <GradeBadge grade={area.grade} />
          </h3>
          <ul className="space-y-2">
            {area.lines.map((line) => (
              <li key={line.id} className="space-y-1 text-sm">
                <p className="flex flex-wrap items-baseline gap-2">
                  <GradeBadge grade={line.grade} />
                  <span className="font-medium">{line.title}</span>
                  <span className="text-slate-600 dark:text-slate-400">
                    expected {line.expected}; seen <span className="break-all">{line.seen}</span>
                  </span>
                  {line.specRef ? (
                    line.specRef.url ? (
                      <a className="text-xs underline" href={line.specRef.url} target="_blank" rel="noreferrer">
                        {line.specRef.section}
                      </a>
                    ) : (
                      <span className="text-xs">{line.specRef.section}</span>
                    )
                  ) : null}
                </p>
                <EvidenceList label="Evidence" evidence={line.evidence} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
