import { useMemo } from 'react';

export interface BodyLike {
  encoding: 'utf8' | 'base64';
  data: string;
  size: number;
  truncated: boolean;
}

/** Pretty-prints JSON when the text is JSON; otherwise shows the text (or base64) as it is. Never renders HTML. */
export function BodyView({ body, label }: { body: BodyLike; label: string }) {
  const shown = useMemo(() => {
    if (body.encoding === 'base64') return body.data;
    try {
      return JSON.stringify(JSON.parse(body.data), null, 2);
    } catch {
      return body.data;
    }
  }, [body]);
  return (
    <figure>
      <figcaption className="mb-1 text-xs text-slate-500 dark:text-slate-400">
        {body.size} bytes{body.encoding === 'base64' ? ', not UTF-8 text: shown as base64' : ''}
        {body.truncated
          ? `, only the first ${body.encoding === 'base64' ? 'part' : `${body.data.length} characters`} kept`
          : ''}
      </figcaption>
      {body.size === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Empty body.</p>
      ) : (
        <pre
          aria-label={label}
          className="max-h-96 overflow-auto rounded bg-slate-50 p-3 font-mono text-xs break-all whitespace-pre-wrap dark:bg-slate-900"
        >
          {shown}
        </pre>
      )}
    </figure>
  );
}
