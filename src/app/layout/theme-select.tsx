import { SelectField } from '../../ui/field.tsx';
import { useTheme } from '../../ui/theme.tsx';
import type { ThemeChoice } from '../../storage/settings-store.ts';

export function ThemeSelect() {
  const { choice, setChoice } = useTheme();
  return (
    <SelectField<ThemeChoice>
      label="Theme"
      inline
      className="text-slate-600 dark:text-slate-300"
      value={choice}
      onValue={setChoice}
    >
      <option value="system">System</option>
      <option value="light">Light</option>
      <option value="dark">Dark</option>
    </SelectField>
  );
}
