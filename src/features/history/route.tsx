import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { healthQueryOptions } from '../../api/health.ts';
import {
  historyMutationOptions,
  historyQueryOptions,
  historyRecentQueryOptions,
  invalidateHistory,
  onHistoryChange,
} from '../../api/history.ts';
import { jobRoute } from '../../config/paths.ts';
import { HISTORY_PAGES, type HistoryRecord } from '../../storage/history-store.ts';
import { Alert, ErrorMessage } from '../../ui/alert.tsx';
import { Badge, statusTone } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { downloadText } from '../../ui/download.ts';
import { filterRecords, hostOf, NO_FILTER, rowsByDay, shownUrl, type HistoryFilter } from './history-model.ts';
import { harOf, importHarFile } from './har-file.ts';
import { ComparePanel } from './compare-panel.tsx';
import { DetailBoundary } from './detail-boundary.tsx';
import { RecordDetail } from './record-detail.tsx';
import { UnreadableRecords } from './unreadable-records.tsx';
import { sharedFromHash } from './shared-link.ts';
import { ExchangeView } from '../../ui/exchange-view.tsx';

function RecordRow({ record, selected, onSelect }: { record: HistoryRecord; selected: boolean; onSelect: () => void }) {
  const { request, response } = record.exchange;
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-current={selected ? 'true' : undefined}
      className={`flex w-full items-center gap-2 rounded px-2 py-1 text-left text-sm ${
        selected ? 'bg-slate-200 dark:bg-slate-800' : 'hover:bg-slate-100 dark:hover:bg-slate-900'
      }`}
    >
      <span className="w-16 shrink-0 font-mono text-xs">{request.method}</span>
      <Badge tone={statusTone(response.status)}>{response.status}</Badge>
      {/* Cut from the left when narrow: the path tells exchanges to one host apart, so it stays in view. */}
      <span dir="rtl" className="min-w-0 flex-1 truncate text-left font-mono text-xs" title={shownUrl(record)}>
        <bdi dir="ltr">{shownUrl(record)}</bdi>
      </span>
      <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">
        {record.source.page}
        {record.source.kind ? ` · ${record.source.kind}` : ''}
        {record.exchange.signing ? ' · signed' : ''}
        {record.source.fault ? ` · fault: ${record.source.fault}` : ''}
        {record.pinned ? ' · pinned' : ''}
      </span>
      <span className="w-16 shrink-0 text-right text-xs text-slate-500 dark:text-slate-400">
        {new Date(record.savedAt).toLocaleTimeString()}
      </span>
    </button>
  );
}

/** The list, virtualised: only the rows in view are in the page, so 10,000 records scroll like ten. */
function HistoryList({
  records,
  selectedId,
  onSelect,
}: {
  records: HistoryRecord[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const rows = useMemo(() => rowsByDay(records), [records]);
  const scroller = useRef<HTMLDivElement>(null);
  // The console does not build with the React Compiler; the virtualiser re-renders on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]!.type === 'day' ? 28 : 32),
    overscan: 12,
    // happy-dom and the first paint have no layout yet: start with a screenful.
    initialRect: { width: 800, height: 480 },
  });
  return (
    <div
      ref={scroller}
      role="list"
      aria-label="History"
      className="max-h-[28rem] overflow-auto rounded border border-slate-200 dark:border-slate-800"
      style={{ height: virtual.getTotalSize() + 8 }}
    >
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <div
              key={item.key}
              role={row.type === 'day' ? 'presentation' : 'listitem'}
              className="absolute left-0 w-full px-1"
              style={{ top: item.start, height: item.size }}
            >
              {row.type === 'day' ? (
                <h3 className="px-2 pt-2 text-xs font-semibold text-slate-500 dark:text-slate-400">{row.day}</h3>
              ) : (
                <RecordRow
                  record={row.record}
                  selected={row.record.id === selectedId}
                  onSelect={() => onSelect(row.record.id)}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function Component() {
  const job = jobRoute('history');
  const client = useQueryClient();
  // The newest records first (one small read), then all of them for search and filters.
  const recent = useQuery(historyRecentQueryOptions());
  const history = useQuery({ ...historyQueryOptions(), enabled: !recent.isPending });
  const version = useQuery(healthQueryOptions()).data?.version ?? 'unknown';
  const mutations = historyMutationOptions(client);
  const clear = useMutation(mutations.clear);
  const restore = useMutation(mutations.restore);
  const remove = useMutation(mutations.remove);
  const location0 = useLocation();
  // The command palette's "Search the history for …" arrives as ?q=.
  const [filter, setFilter] = useState<HistoryFilter>(() => ({
    ...NO_FILTER,
    search: new URLSearchParams(location0.search).get('q') ?? '',
  }));
  const [selectedId, setSelectedId] = useState<string>();
  // Compare: the first exchange is picked from its detail, the second from the list.
  const [compareFrom, setCompareFrom] = useState<string>();
  const [comparing, setComparing] = useState<[string, string]>();
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [cleared, setCleared] = useState<HistoryRecord[]>();
  const location = useLocation();
  const navigate = useNavigate();
  const shared = useMemo(() => sharedFromHash(location.hash), [location.hash]);
  const [importState, setImportState] = useState<{ ok: boolean; message: string }>();
  const fileInput = useRef<HTMLInputElement>(null);

  // Exchanges made on other pages (or by a replay here) show up without a reload.
  useEffect(
    () => onHistoryChange(() => void client.invalidateQueries({ queryKey: historyQueryOptions().queryKey })),
    [client],
  );

  const records = useMemo(() => history.data?.records ?? recent.data?.records ?? [], [history.data, recent.data]);
  const total = history.data ? history.data.records.length : (recent.data?.total ?? 0);
  const readingAll = !history.data && total > records.length;
  const shown = useMemo(() => filterRecords(records, filter), [records, filter]);
  const hosts = useMemo(() => [...new Set(records.map(hostOf))].filter(Boolean).sort(), [records]);
  const selected = records.find((r) => r.id === selectedId);
  const pair = comparing?.map((id) => records.find((r) => r.id === id));
  const select = (id: string) => {
    if (compareFrom && id !== compareFrom) {
      setComparing([compareFrom, id]);
      setCompareFrom(undefined);
    } else setSelectedId(id);
  };
  const set = (patch: Partial<HistoryFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <Page title={job.label} summary={job.summary}>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Every exchange the console makes for you (Compose, Token, Discover, Check, Interop, Invites, the webapp lab,
        replays) is kept in this browser, newest first, exactly as it went over the wire. Secrets stay in the records so
        a replay works; the list masks them, and exports leave them out unless you ask.
      </p>
      {shared ? (
        <section
          aria-label="Shared exchange"
          className="space-y-2 rounded border border-sky-300 p-3 dark:border-sky-800"
        >
          <div className="flex items-center justify-between gap-2">
            <h2 className="text-sm font-semibold">
              A shared exchange
              {'broken' in shared ? '' : ` (${shared.page ?? 'unknown page'}${shared.kind ? `, ${shared.kind}` : ''})`},
              read-only, secrets redacted
            </h2>
            <Button size="compact" onClick={() => navigate({ hash: '' }, { replace: true })}>
              Close
            </Button>
          </div>
          {'broken' in shared ? (
            <ErrorMessage>This link holds no exchange that can be shown: {shared.broken}.</ErrorMessage>
          ) : (
            <ExchangeView result={{ exchange: shared.exchange }} title="Shared" />
          )}
        </section>
      ) : null}
      {history.data?.problem ? <Alert title="History is not being kept">{history.data.problem.message}</Alert> : null}
      {history.data && history.data.unreadable > history.data.broken.length ? (
        <Alert title="Some history could not be read">
          {history.data.unreadable - history.data.broken.length} record
          {history.data.unreadable - history.data.broken.length === 1 ? '' : 's'} of an earlier format could not be
          read; they are left in the browser's storage untouched.
        </Alert>
      ) : null}
      <UnreadableRecords records={history.data?.broken ?? []} />

      <form aria-label="Filter history" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Search history"
          className="grow"
          value={filter.search}
          onValue={(search) => set({ search })}
          placeholder="URL, status, kind or body text"
        />
        <SelectField label="Host" value={filter.host} onValue={(host) => set({ host })}>
          <option value="">any</option>
          {hosts.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </SelectField>
        <SelectField label="Made by" value={filter.page} onValue={(page) => set({ page })}>
          <option value="">any page</option>
          {HISTORY_PAGES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </SelectField>
        <SelectField<HistoryFilter['status']>
          label="Status"
          value={filter.status}
          onValue={(status) => set({ status })}
        >
          <option value="">any</option>
          <option value="2xx">2xx</option>
          <option value="3xx">3xx</option>
          <option value="4xx">4xx</option>
          <option value="5xx">5xx</option>
        </SelectField>
        <SelectField<HistoryFilter['signed']>
          label="Signed"
          value={filter.signed}
          onValue={(signed) => set({ signed })}
        >
          <option value="">any</option>
          <option value="signed">signed</option>
          <option value="unsigned">unsigned</option>
        </SelectField>
      </form>

      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600 dark:text-slate-400" role="status" aria-label="History count">
          {shown.length === records.length
            ? `${total} exchange${total === 1 ? '' : 's'}`
            : `${shown.length} of ${total} exchanges`}
          {readingAll ? ` (the newest ${records.length} shown while the rest are read)` : ''}
        </span>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} />
          Include secrets in exports
        </label>
        <Button
          size="compact"
          disabled={shown.length === 0}
          onClick={() =>
            downloadText('ocm-explorer-history.har', 'application/json', harOf(shown, includeSecrets, version))
          }
        >
          Export shown as HAR
        </Button>
        <Button size="compact" onClick={() => fileInput.current?.click()}>
          Import HAR…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".har,application/json"
          aria-label="HAR file to import"
          className="hidden"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setImportState(await importHarFile(file));
            void invalidateHistory(client);
          }}
        />
        <Button
          size="compact"
          variant="danger"
          disabled={records.length === 0 || clear.isPending}
          onClick={() => clear.mutate(undefined, { onSuccess: (removed) => setCleared(removed) })}
        >
          Clear history
        </Button>
      </div>
      {importState ? (
        importState.ok ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {importState.message}
          </p>
        ) : (
          <ErrorMessage>{importState.message}</ErrorMessage>
        )
      ) : null}
      {cleared ? (
        <p role="status" className="flex items-center gap-2 text-sm">
          Cleared {cleared.length} exchange{cleared.length === 1 ? '' : 's'} (pinned ones are kept).
          <Button size="compact" onClick={() => restore.mutate(cleared, { onSuccess: () => setCleared(undefined) })}>
            Undo
          </Button>
        </p>
      ) : null}
      {clear.isError ? <ErrorMessage>{clear.error.message}</ErrorMessage> : null}

      {history.isPending && recent.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">Reading history…</p>
      ) : records.length === 0 && !history.isPending ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Nothing yet. Send something from Compose or Token, fetch a discovery document, run a Check or an Interop
          report, or accept an invite, and it shows up here.
        </p>
      ) : (
        <HistoryList records={shown} selectedId={selectedId} onSelect={select} />
      )}
      {compareFrom ? (
        <p role="status" className="flex items-center gap-2 text-sm">
          Pick another exchange in the list to compare with the selected one.
          <Button size="compact" onClick={() => setCompareFrom(undefined)}>
            Cancel
          </Button>
        </p>
      ) : null}
      {pair?.[0] && pair[1] ? (
        <ComparePanel
          first={pair[0]}
          second={pair[1]}
          includeSecrets={includeSecrets}
          onClose={() => setComparing(undefined)}
        />
      ) : null}
      {selected ? (
        <DetailBoundary
          key={selected.id}
          fallback={
            <Button
              size="compact"
              onClick={() => remove.mutate([selected.id], { onSuccess: () => setSelectedId(undefined) })}
            >
              Delete
            </Button>
          }
        >
          <RecordDetail
            record={selected}
            includeSecrets={includeSecrets}
            version={version}
            onCompare={() => {
              setComparing(undefined);
              setCompareFrom(selected.id);
            }}
            onReplayed={(id) => setSelectedId(id)}
            onDeleted={() => setSelectedId(undefined)}
          />
        </DetailBoundary>
      ) : null}
    </Page>
  );
}
