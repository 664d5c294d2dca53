import { useEffect, type ReactNode } from 'react';

const APP = 'OCM Explorer';

/** Sets the document title while mounted, so each page's tab says which page it is. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const before = document.title;
    document.title = title === APP ? APP : `${title} · ${APP}`;
    return () => {
      document.title = before;
    };
  }, [title]);
}

export function Page({
  title,
  tabTitle,
  summary,
  children,
}: {
  title: string;
  /** The document title, when it should differ from the heading ("· OCM Explorer" is added). */
  tabTitle?: string;
  summary?: string;
  children?: ReactNode;
}) {
  useDocumentTitle(tabTitle ?? title);
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
