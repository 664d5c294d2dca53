import type { ReactNode } from 'react';

/** A short error next to what failed (a request, a form), announced to screen readers. */
export function ErrorMessage({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <p role="alert" className={`text-sm text-red-700 dark:text-red-400 ${className}`}>
      {children}
    </p>
  );
}

/** A problem the user should know about before going on: a heading and a few lines, in a box. */
export function Alert({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div
      role="alert"
      className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="font-semibold">{title}</p>
      {children}
    </div>
  );
}
