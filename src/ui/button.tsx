import type { ButtonHTMLAttributes } from 'react';

/** primary: the one main action of a form; secondary: everything else; danger: confirms a deletion. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900',
  secondary: 'border border-slate-300 dark:border-slate-700',
  danger: 'bg-red-700 text-white',
};

/** compact: in a row of small actions (cards, chips); regular: at the end of a form. */
const SIZES = { regular: 'px-3 py-1.5', compact: 'px-2 py-0.5' } as const;

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: keyof typeof SIZES };

/** A button in the console's one style. `type` defaults to "button": only a form's main action submits. */
export function Button({ variant = 'secondary', size = 'regular', type = 'button', className = '', ...rest }: Props) {
  return (
    <button
      type={type}
      className={`rounded text-sm disabled:opacity-50 ${VARIANTS[variant]} ${SIZES[size]} ${className}`}
      {...rest}
    />
  );
}
