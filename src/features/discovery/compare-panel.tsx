import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { discover, sendViaRelay } from '../../api/relay.ts';
import { verifyJws } from '../../signing/index.ts';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorMessage } from '../../ui/alert.tsx';
import { TextArea, TextField } from '../../ui/field.tsx';
import {
  columnOf,
  fetchedDirectoryText,
  matrixRows,
  pastedSummary,
  targetsFrom,
  type Column,
  type PastedTargets,
} from './compare-model.ts';

const CONCURRENCY = 6;

/** Fetches every target's discovery, a few at a time, keeping the order; a failure becomes a column saying so. */
async function compareAll(targets: string[], onColumn: (i: number, c: Column) => void): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, targets.length) }, async () => {
      while (next < targets.length) {
        const i = next++;
        const target = targets[i]!;
        try {
          onColumn(i, columnOf(await discover(target)));
        } catch (err) {
          onColumn(i, {
            target,
            answered: 'error',
            version: '–',
            dialect: '–',
            capabilities: [],
            criteria: [],
            protocols: [],
            keys: '–',
            findings: (err as Error).message,
          });
        }
      }
    }),
  );
}

function Cell({ on }: { on: boolean }) {
  return on ? <Badge tone="good">yes</Badge> : <span className="text-slate-400">–</span>;
}

/** A Directory Service document fetched by URL through the console's relay (its guards and limits apply). */
async function fetchDirectory(url: string): Promise<PastedTargets> {
  const answer = fetchedDirectoryText(
    url,
    await sendViaRelay({ method: 'GET', url, headers: [['Accept', 'application/jose, application/json']] }, undefined, {
      page: 'discover',
      kind: 'directory',
    }),
  );
  if ('error' in answer) throw new Error(answer.error);
  const parsed = targetsFrom(answer.text);
  if (parsed.source !== 'directory')
    throw new Error(`${url} answered 200, but not with a Directory Service document (JSON or JWS with "servers").`);
  return parsed;
}

/** Several servers side by side: versions, capabilities, criteria, protocols, keys and findings. */
export function ComparePanel() {
  const [text, setText] = useState('');
  const [directoryUrl, setDirectoryUrl] = useState('');
  const [key, setKey] = useState('');
  const [columns, setColumns] = useState<(Column | undefined)[]>([]);
  const [source, setSource] = useState<string>();
  const [names, setNames] = useState<Record<string, string>>({});
  const run = useMutation({
    mutationFn: async () => {
      const url = directoryUrl.trim();
      // A fetch that fails must not leave the previous comparison looking current.
      setSource(undefined);
      setColumns([]);
      const parsed = url ? await fetchDirectory(url) : targetsFrom(text);
      const verdict = parsed.jws && key.trim() ? await verifyJws(parsed.jws, key) : undefined;
      const note = pastedSummary(parsed, verdict, url || undefined);
      setNames(parsed.names ?? {});
      setSource(note);
      setColumns(parsed.targets.map(() => undefined));
      await compareAll(parsed.targets, (i, c) => setColumns((cols) => cols.map((old, j) => (j === i ? c : old))));
    },
  });
  const done = columns.filter((c): c is Column => !!c);
  const rows = matrixRows(done);
  const remove = (i: number) => setColumns((cols) => cols.filter((_, j) => j !== i));
  const line = (label: string, value: (c: Column) => React.ReactNode) => (
    <tr className="border-t border-slate-100 align-top dark:border-slate-800">
      <th
        scope="row"
        className="py-1 pr-3 text-left text-xs font-normal whitespace-nowrap text-slate-500 dark:text-slate-400"
      >
        {label}
      </th>
      {columns.map((c, i) => (
        <td key={i} className="py-1 pr-3 text-xs">
          {c ? value(c) : '…'}
        </td>
      ))}
    </tr>
  );

  return (
    <section aria-label="Compare servers" className="space-y-3">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate();
        }}
      >
        <TextArea
          label="Servers (one per line), or a Directory Service document (JSON or JWS)"
          mono
          rows={4}
          value={text}
          onValue={setText}
          spellCheck={false}
        />
        <TextField
          label="…or a Directory Service document's URL, fetched through the console's server (used instead of the text above)"
          mono
          type="url"
          placeholder="https://directory.example.org/servers.jws"
          value={directoryUrl}
          onValue={setDirectoryUrl}
          spellCheck={false}
        />
        <TextArea
          label="Federation key, to verify a signed directory (PEM or JWK, optional)"
          mono
          rows={2}
          value={key}
          onValue={setKey}
          spellCheck={false}
        />
        <Button type="submit" variant="primary" disabled={run.isPending || !(text.trim() || directoryUrl.trim())}>
          {run.isPending ? `Comparing… ${done.length} of ${columns.length}` : 'Compare'}
        </Button>
      </form>
      {run.isError ? <ErrorMessage>{run.error.message}</ErrorMessage> : null}
      {source ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {source}
        </p>
      ) : null}
      {columns.length ? (
        <div className="overflow-x-auto">
          <table aria-label="Comparison" className="text-sm">
            <thead>
              <tr>
                <th />
                {columns.map((c, i) => (
                  <th key={i} className="py-1 pr-3 text-left align-bottom font-mono text-xs font-normal">
                    {c && names[c.target] ? (
                      <span className="block font-sans font-semibold">{names[c.target]}</span>
                    ) : null}
                    <span className="break-all">{c?.target ?? '…'}</span>{' '}
                    <button
                      type="button"
                      aria-label={`Remove ${c?.target ?? 'column'}`}
                      className="text-slate-400 hover:text-red-600"
                      onClick={() => remove(i)}
                    >
                      ×
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {line('answered by', (c) => c.answered)}
              {line('version', (c) => c.version)}
              {line('dialect', (c) => c.dialect)}
              {line('keys', (c) => c.keys)}
              {line('findings', (c) => c.findings)}
              {rows.capabilities.map((cap) =>
                line(`capability ${cap}`, (c) => <Cell on={c.capabilities.includes(cap)} />),
              )}
              {rows.criteria.map((cr) => line(`criterion ${cr}`, (c) => <Cell on={c.criteria.includes(cr)} />))}
              {rows.protocols.map((p) => line(`protocol ${p}`, (c) => <Cell on={c.protocols.includes(p)} />))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
