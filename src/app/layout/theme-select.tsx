import { useTheme } from '../../ui/theme.tsx';
import type { ThemeChoice } from '../../storage/settings-store.ts';

export function ThemeSelect() {
  const { choice, setChoice } = useTheme();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
      Theme
      <select
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        value={choice}
        onChange={(e) => setChoice(e.target.value as ThemeChoice)}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
