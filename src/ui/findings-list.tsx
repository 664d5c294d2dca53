import { Badge } from './badge.tsx';

export interface FindingLike {
  severity: 'error' | 'warning' | 'info';
  path: string;
  code: string;
  message: string;
  hint?: string;
  specRef?: { section: string; url?: string };
}

const ORDER = ['error', 'warning', 'info'] as const;
const TONE = { error: 'bad', warning: 'warn', info: 'info' } as const;

/** Lint findings grouped by severity: pointer, message, hint, rule code and a link to the spec section. */
export function FindingsList({
  findings,
  label = 'Findings',
  title,
}: {
  findings: FindingLike[];
  label?: string;
  title?: string;
}) {
  const counts = ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length] as const);
  return (
    <section aria-label={label} className="space-y-2">
      {title ? <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-300">{title}</h3> : null}
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {counts.map(([s, n]) => (
          <Badge key={s} tone={n ? TONE[s] : 'neutral'}>
            {n} {s}
            {n === 1 ? '' : 's'}
          </Badge>
        ))}
      </p>
      {findings.length === 0 ? <p className="text-sm">No findings.</p> : null}
      {ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (!group.length) return null;
        return (
          <ul key={severity} aria-label={`${severity} findings`} className="space-y-1.5 text-sm">
            {group.map((f, i) => (
              <li key={i} className="flex flex-wrap items-baseline gap-x-2">
                <Badge tone={TONE[f.severity]}>{f.severity}</Badge>
                <code className="text-xs">{f.path || '/'}</code>
                <span>{f.message}</span>
                {f.hint ? <span className="text-slate-600 dark:text-slate-400">{f.hint}</span> : null}
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  <code>{f.code}</code>
                  {f.specRef ? (
                    <>
                      {' · '}
                      {f.specRef.url ? (
                        <a className="underline" href={f.specRef.url} target="_blank" rel="noreferrer">
                          {f.specRef.section}
                        </a>
                      ) : (
                        f.specRef.section
                      )}
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        );
      })}
    </section>
  );
}
