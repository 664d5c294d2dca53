import { useQuery } from '@tanstack/react-query';
import { healthQueryOptions } from '../../api/health.ts';
import { formatDuration } from '../../lib/format.ts';

export function ServerStatus() {
  const health = useQuery(healthQueryOptions());
  if (health.isPending) {
    return (
      <span className="text-sm text-slate-500 dark:text-slate-400" role="status">
        Server: checking…
      </span>
    );
  }
  if (health.isError) {
    return (
      <span className="text-sm font-medium text-red-700 dark:text-red-400" role="status" title={health.error.message}>
        Server unreachable
      </span>
    );
  }
  const { version, uptimeSeconds, mode } = health.data;
  return (
    <span
      className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300"
      role="status"
      aria-label="Server status"
    >
      <span className="inline-block h-2 w-2 rounded-full bg-emerald-500" aria-hidden="true" />
      <span>
        Server v{version} · up {formatDuration(uptimeSeconds)}
        {mode === 'public' ? ' · public mode' : ''}
      </span>
    </span>
  );
}
