import { lazy, Suspense, useEffect, useState } from 'react';

const CommandPalette = lazy(() => import('./command-palette.tsx'));

/** Keys a user is typing into: `?` there is a character, not the shortcut sheet. */
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest?.('.monaco-editor'))
  );
}

export const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl/⌘ + K', 'Command palette: go to a page, a recent target, or search the history'],
  ['Ctrl/⌘ + Enter', 'Compose: send (or resend) the message'],
  ['?', 'This list'],
  ['Esc', 'Close the palette or this list'],
];

/** The console-wide shortcuts: the command palette and the shortcut sheet. */
export function Shortcuts() {
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setHelp(false);
        setPalette((open) => !open);
      } else if (e.key === '?' && !typing(e.target)) {
        e.preventDefault();
        setHelp((open) => !open);
      } else if (e.key === 'Escape') setHelp(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      {palette ? (
        <Suspense fallback={null}>
          <CommandPalette onClose={() => setPalette(false)} />
        </Suspense>
      ) : null}
      {help ? (
        <div
          role="dialog"
          aria-label="Keyboard shortcuts"
          className="fixed top-24 left-1/2 z-50 w-[28rem] max-w-[90vw] -translate-x-1/2 space-y-2 rounded border border-slate-300 bg-white p-4 shadow-lg dark:border-slate-700 dark:bg-slate-950"
        >
          <h2 className="text-sm font-semibold">Keyboard shortcuts</h2>
          <table className="w-full text-sm">
            <tbody>
              {SHORTCUTS.map(([keys, what]) => (
                <tr key={keys}>
                  <td className="pr-3 font-mono text-xs whitespace-nowrap">{keys}</td>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700"
            onClick={() => setHelp(false)}
          >
            Close
          </button>
        </div>
      ) : null}
    </>
  );
}
