import type { StoredBody } from '../../contract/inbound.ts';
import { headerRows, jsonDiff, type JsonChange } from '../../lib/json-diff.ts';
import { redact } from '../../lib/redact.ts';
// The directory reader alone, not the protocol index: History stays free of the linter's zod.
import { compareDirectories, readDirectoryText, type DirectoryServer } from '../../protocol/directory.ts';
import type { HistoryRecord } from '../../storage/history-store.ts';
import { Badge, statusTone } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';

function parsed(body: StoredBody | undefined): { ok: true; value: unknown } | { ok: false } {
  if (!body || body.encoding !== 'utf8' || !body.data.trim()) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body.data) };
  } catch {
    return { ok: false };
  }
}

const shown = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

function BodyDiff({ title, a, b }: { title: string; a: StoredBody | undefined; b: StoredBody | undefined }) {
  const left = parsed(a);
  const right = parsed(b);
  let changes: JsonChange[] | undefined;
  if (left.ok && right.ok) changes = jsonDiff(left.value, right.value);
  return (
    <section aria-label={title} className="space-y-1">
      <h3 className="text-sm font-semibold">{title}</h3>
      {changes === undefined ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {(a?.data ?? '') === (b?.data ?? '') ? 'The same bytes.' : 'Not both JSON: compared as text, they differ.'}
        </p>
      ) : changes.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The same JSON.</p>
      ) : (
        <table className="w-full text-left font-mono text-xs">
          <thead>
            <tr className="text-slate-500 dark:text-slate-400">
              <th className="pr-2 font-normal">field</th>
              <th className="pr-2 font-normal">first</th>
              <th className="font-normal">second</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.path} className="align-top">
                <td className="pr-2">
                  {c.path} <span className="text-slate-500 dark:text-slate-400">({c.change})</span>
                </td>
                <td className="pr-2 break-all">{shown(c.before)}</td>
                <td className="break-all">{shown(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const server = (s: DirectoryServer) => `${s.url}${s.displayName ? ` (${s.displayName})` : ''}`;

/** Two Directory Service documents: the servers each lists, compared by url, read through any JWS envelope. */
function DirectoryDiff({ a, b }: { a: StoredBody | undefined; b: StoredBody | undefined }) {
  const read = (body: StoredBody | undefined) => (body?.encoding === 'utf8' ? readDirectoryText(body.data) : null);
  const left = read(a);
  const right = read(b);
  if (!left || !right) return null;
  const c = compareDirectories(left.payload, right.payload);
  const lines = [
    ...(c.federation ? [`federation ${shown(c.federation.before)} → ${shown(c.federation.after)}`] : []),
    ...c.added.map((s) => `added ${server(s)}`),
    ...c.removed.map((s) => `removed ${server(s)}`),
    ...c.renamed.map((r) => `renamed ${r.url}: ${shown(r.before)} → ${shown(r.after)}`),
  ];
  return (
    <section aria-label="Directory servers" className="space-y-1">
      <h3 className="text-sm font-semibold">Directory Service: the servers listed</h3>
      {lines.length ? (
        <ul className="list-disc pl-5 font-mono text-xs">
          {lines.map((l) => (
            <li key={l} className="break-all">
              {l}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {lines.length ? `${c.unchanged} unchanged.` : `The same ${c.unchanged} servers.`} Read from the JWS payloads,
        not verified here.
      </p>
    </section>
  );
}

function HeaderDiff({ title, a, b }: { title: string; a: [string, string][]; b: [string, string][] }) {
  const rows = headerRows(a, b).filter((r) => !r.same);
  return (
    <section aria-label={title} className="space-y-1">
      <h3 className="text-sm font-semibold">{title}</h3>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">The same headers.</p>
      ) : (
        <table className="w-full text-left font-mono text-xs">
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} className="align-top">
                <td className="pr-2">{r.name}</td>
                <td className="pr-2 break-all">{r.a ?? '—'}</td>
                <td className="break-all">{r.b ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Two exchanges side by side: what differs in the request and the response, headers and JSON fields. */
export function ComparePanel({
  first,
  second,
  includeSecrets,
  onClose,
}: {
  first: HistoryRecord;
  second: HistoryRecord;
  includeSecrets: boolean;
  onClose: () => void;
}) {
  const [a, b] = [first, second].map((r) => (includeSecrets ? r.exchange : redact(r.exchange))) as [
    HistoryRecord['exchange'],
    HistoryRecord['exchange'],
  ];
  const line = (e: typeof a, n: string) => (
    <p className="flex items-center gap-2 font-mono text-xs">
      <span className="text-slate-500 dark:text-slate-400">{n}</span> {e.request.method}{' '}
      <Badge tone={statusTone(e.response.status)}>{e.response.status}</Badge>
      <span className="break-all">{e.request.url}</span>
      <span className="text-slate-500 dark:text-slate-400">{new Date(e.startedAt).toLocaleString()}</span>
    </p>
  );
  return (
    <section aria-label="Compare" className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800">
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold">Compare</h2>
        <Button size="compact" onClick={onClose}>
          Close comparison
        </Button>
      </div>
      {line(a, 'first')}
      {line(b, 'second')}
      <HeaderDiff title="Request headers that differ" a={a.request.headers} b={b.request.headers} />
      <BodyDiff title="Request body" a={a.request.body} b={b.request.body} />
      <HeaderDiff title="Response headers that differ" a={a.response.headers} b={b.response.headers} />
      <DirectoryDiff a={a.response.body} b={b.response.body} />
      <BodyDiff title="Response body" a={a.response.body} b={b.response.body} />
    </section>
  );
}
