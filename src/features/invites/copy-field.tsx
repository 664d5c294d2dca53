import { useState } from 'react';
import { Button } from '../../ui/button.tsx';

/** A value to hand out, shown in full (selectable) with a copy button that says whether it copied. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard permission (or an insecure origin): the value stays selectable by hand.
      setCopied(false);
    }
  };
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <span className="text-sm font-medium">{label}</span>
        <Button size="compact" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
          Copy
        </Button>
        {copied !== undefined ? (
          <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
            {copied ? 'Copied.' : 'No clipboard here: select the text to copy it.'}
          </span>
        ) : null}
      </div>
      <output
        aria-label={label}
        className="block rounded bg-slate-50 p-2 font-mono text-xs break-all dark:bg-slate-900"
      >
        {value}
      </output>
    </div>
  );
}
