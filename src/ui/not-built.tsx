import type { ReactNode } from 'react';

/** Says plainly that a part of the console does not exist yet, and what it will do. No invented data. */
export function NotBuilt({ children }: { children: ReactNode }) {
  return (
    <div
      role="note"
      className="rounded border border-amber-300 bg-amber-50 p-4 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">Not built yet.</p>
      <div className="mt-1 text-sm">{children}</div>
    </div>
  );
}
