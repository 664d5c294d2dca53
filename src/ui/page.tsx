import type { ReactNode } from 'react';

export function Page({ title, summary, children }: { title: string; summary?: string; children?: ReactNode }) {
  return (
    <section className="max-w-5xl space-y-4">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {summary ? <p className="mt-1 text-slate-600 dark:text-slate-400">{summary}</p> : null}
      </header>
      {children}
    </section>
  );
}
