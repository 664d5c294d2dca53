import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

/** The look of every text input, select and text area. */
export const controlClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';

/**
 * The label wraps its control, so the control is named by the label's text (getByLabelText, getByRole
 * with a name) and a click on the text focuses it. `className` is for the label's place in a layout.
 */
function Labelled({
  label,
  className = '',
  inline,
  children,
}: {
  label: ReactNode;
  className?: string;
  inline?: boolean;
  children: ReactNode;
}) {
  return (
    <label className={`flex gap-1 text-sm ${inline ? 'items-center' : 'flex-col'} ${className}`}>
      {label}
      {children}
    </label>
  );
}

type Common = {
  label: ReactNode;
  /** The label's place in a layout (grow, a width…). */
  className?: string;
  /** The control's own extra classes (a width). */
  controlClassName?: string;
  /** Label and control on one line, as in a row of settings; otherwise the label sits above. */
  inline?: boolean;
  mono?: boolean;
};

const classOf = (mono?: boolean, extra = '') => `${controlClass} ${mono ? 'font-mono' : ''} ${extra}`;

/** A one-line text input with its label; `onValue` gets the new text. */
export function TextField({
  label,
  className,
  controlClassName,
  inline,
  mono,
  onValue,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'> & { onValue?: (value: string) => void }) {
  return (
    <Labelled label={label} className={className} inline={inline}>
      <input
        className={classOf(mono, controlClassName)}
        onChange={onValue ? (e) => onValue(e.target.value) : undefined}
        {...input}
      />
    </Labelled>
  );
}

/** A multi-line text input with its label. */
export function TextArea({
  label,
  className,
  controlClassName,
  inline,
  mono,
  onValue,
  ...area
}: Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'> & { onValue?: (value: string) => void }) {
  return (
    <Labelled label={label} className={className} inline={inline}>
      <textarea
        className={classOf(mono, controlClassName)}
        onChange={onValue ? (e) => onValue(e.target.value) : undefined}
        {...area}
      />
    </Labelled>
  );
}

/** A select with its label; the options are its children. */
export function SelectField<T extends string>({
  label,
  className,
  controlClassName,
  inline,
  mono,
  onValue,
  children,
  ...select
}: Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'> & { onValue?: (value: T) => void; children: ReactNode }) {
  return (
    <Labelled label={label} className={className} inline={inline}>
      <select
        className={classOf(mono, controlClassName)}
        onChange={onValue ? (e) => onValue(e.target.value as T) : undefined}
        {...select}
      >
        {children}
      </select>
    </Labelled>
  );
}

/** Where a server is named: a host, a URL or an OCM address, typed as is (monospace, no spell check). */
export function TargetField({
  label = 'Host, URL or OCM address',
  className = 'grow',
  ...input
}: Omit<Parameters<typeof TextField>[0], 'label' | 'mono'> & { label?: ReactNode }) {
  return (
    <TextField
      label={label}
      className={className}
      mono
      spellCheck={false}
      autoComplete="off"
      autoCapitalize="off"
      {...input}
    />
  );
}

/** A checkbox followed by its label, named by it. */
export function CheckboxField({
  label,
  checked,
  onChecked,
  ...input
}: { label: ReactNode; checked: boolean; onChecked: (checked: boolean) => void } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'checked' | 'onChange' | 'className'
>) {
  return (
    <label className="flex items-center gap-1 text-sm">
      <input type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} {...input} />
      {label}
    </label>
  );
}
