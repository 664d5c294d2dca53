import type { InboundRecord } from '../../contract/inbound.ts';
import { Badge, statusTone } from '../../ui/badge.tsx';
import { VerificationBadge } from './verification-badge.tsx';

const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour12: false });

export function InboxList({
  records,
  selectedId,
  onSelect,
}: {
  records: InboundRecord[];
  selectedId?: string;
  onSelect: (id: string) => void;
}) {
  return (
    <ul
      aria-label="Received messages"
      className="self-start divide-y divide-slate-100 overflow-hidden rounded border border-slate-200 dark:divide-slate-800 dark:border-slate-800"
    >
      {records.map((r) => {
        const selected = r.id === selectedId;
        return (
          <li key={r.id}>
            <button
              type="button"
              aria-current={selected ? 'true' : undefined}
              onClick={() => onSelect(r.id)}
              className={`flex w-full flex-col gap-1 px-3 py-2 text-left text-sm ${selected ? 'bg-slate-100 dark:bg-slate-800' : 'hover:bg-slate-50 dark:hover:bg-slate-900'}`}
            >
              <span className="flex items-center gap-2">
                <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{time(r.receivedAt)}</span>
                <span className="truncate font-mono text-xs">
                  {r.method} {r.target}
                </span>
              </span>
              <span className="flex flex-wrap items-center gap-1">
                {r.response ? (
                  <Badge tone={statusTone(r.response.status)}>answered {r.response.status}</Badge>
                ) : (
                  <Badge>processing…</Badge>
                )}
                <VerificationBadge verification={r.verification} />
                {r.problems.length ? (
                  <Badge tone="bad">
                    {r.problems.length} problem{r.problems.length > 1 ? 's' : ''}
                  </Badge>
                ) : null}
                {r.findings?.some((f) => f.severity === 'error') ? <Badge tone="bad">lint errors</Badge> : null}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
