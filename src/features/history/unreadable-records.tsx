import { useMutation, useQueryClient } from '@tanstack/react-query';
import { historyMutationOptions } from '../../api/history.ts';
import { redact } from '../../lib/redact.ts';
import type { UnreadableRecord } from '../../storage/history-store.ts';
import { Button } from '../../ui/button.tsx';

/**
 * Stored records History cannot show (a field of the wrong shape, a newer format, an imported HAR entry
 * whose extras did not read): each with what was wrong and where, and a Delete of its own.
 */
export function UnreadableRecords({ records }: { records: readonly UnreadableRecord[] }) {
  const client = useQueryClient();
  const remove = useMutation(historyMutationOptions(client).remove);
  if (records.length === 0) return null;
  return (
    <section
      aria-label="Unreadable records"
      className="space-y-2 rounded border border-amber-300 p-3 dark:border-amber-800"
    >
      <h2 className="text-sm font-semibold">
        {records.length} stored record{records.length === 1 ? '' : 's'} cannot be shown
      </h2>
      <ul className="space-y-1 text-sm">
        {records.map((r) => (
          <li key={String(r.key)} aria-label="Unreadable record" className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              {r.request ? (
                <p className="truncate font-mono text-xs">
                  {r.request.method} {redact(r.request.url)}
                </p>
              ) : null}
              <p className="break-words text-slate-700 dark:text-slate-300">{r.problem}</p>
            </div>
            <Button size="compact" disabled={remove.isPending} onClick={() => remove.mutate([r.key])}>
              Delete
            </Button>
          </li>
        ))}
      </ul>
      {remove.isError ? <p role="alert">{remove.error.message}</p> : null}
    </section>
  );
}
