import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './types.ts';

export type { CodeEditorProps, EditorProblem } from './types.ts';

const MonacoEditor = lazy(() => import('./monaco-editor.tsx'));

/** The one code editor of the console: Monaco, loaded on first use from the installed package. */
export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <p className="rounded border border-slate-300 p-3 text-sm text-slate-500 dark:text-slate-400 dark:border-slate-700">
          Loading editor…
        </p>
      }
    >
      <MonacoEditor {...props} />
    </Suspense>
  );
}
