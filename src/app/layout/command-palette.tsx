import { Command } from 'cmdk';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { JOB_ROUTES, paths } from '../../config/paths.ts';
import { loadRecentTargets } from '../../storage/recent-targets.ts';

const item = 'cursor-pointer rounded px-2 py-1 text-sm aria-selected:bg-slate-200 dark:aria-selected:bg-slate-800';
const group =
  'px-1 py-1 text-xs text-slate-500 dark:text-slate-400 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:py-1';

/** Ctrl/Cmd+K: jump to a page, discover a recent target, or search the history. Loaded when first opened. */
export default function CommandPalette({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const go = (to: string) => {
    onClose();
    navigate(to);
  };
  return (
    <Command.Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      label="Command palette"
      overlayClassName="fixed inset-0 z-40 bg-slate-900/20"
      contentClassName="fixed top-24 left-1/2 z-50 w-[32rem] max-w-[90vw] -translate-x-1/2 rounded border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-950"
    >
      <Command.Input
        value={search}
        onValueChange={setSearch}
        placeholder="Go to a page, a recent target, or search the history…"
        aria-label="Command"
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      <Command.List className="mt-2 max-h-80 overflow-auto">
        <Command.Empty className="px-2 py-1 text-sm text-slate-500 dark:text-slate-400">Nothing matches.</Command.Empty>
        <Command.Group heading="Pages" className={group}>
          {JOB_ROUTES.map((job) => (
            <Command.Item key={job.id} value={`page ${job.label}`} className={item} onSelect={() => go(job.path)}>
              {job.label} <span className="text-xs text-slate-500 dark:text-slate-400">{job.summary}</span>
            </Command.Item>
          ))}
        </Command.Group>
        {loadRecentTargets().length ? (
          <Command.Group heading="Recent targets" className={group}>
            {loadRecentTargets().map((target) => (
              <Command.Item
                key={target}
                value={`discover ${target}`}
                className={item}
                onSelect={() => go(paths.discover(target))}
              >
                Discover {target}
              </Command.Item>
            ))}
          </Command.Group>
        ) : null}
        {search.trim() ? (
          <Command.Group heading="History" className={group} forceMount>
            <Command.Item
              value={`history search ${search}`}
              className={item}
              forceMount
              onSelect={() => go(`${paths.history()}?q=${encodeURIComponent(search.trim())}`)}
            >
              Search the history for “{search.trim()}”
            </Command.Item>
          </Command.Group>
        ) : null}
      </Command.List>
    </Command.Dialog>
  );
}
