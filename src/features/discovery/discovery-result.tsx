import type { DiscoverResult, Exchange } from '../../contract/exchange.ts';
import { explainRelayFailure } from '../../contract/exchange.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Badge, statusTone, type Tone } from '../../ui/badge.tsx';
import { CodeEditor } from '../../ui/code-editor/index.tsx';
import { FindingsList } from '../../ui/findings-list.tsx';
import { HeadersTable } from '../../ui/headers-table.tsx';
import { KeysPanel } from './keys-panel.tsx';
import {
  capabilityBadges,
  criteriaBadges,
  endpointLinks,
  FIELD_MEANINGS,
  notableHeaders,
  resourceRows,
  type TermBadge,
} from './view-model.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TERM_TONE: Record<TermBadge['status'], Tone> = {
  known: 'good',
  renamed: 'warn',
  'path-style': 'warn',
  unknown: 'neutral',
};

function Attempt({ name, attempt }: { name: string; attempt: DiscoverResult['wellKnown'] }) {
  if (attempt.failure) {
    const { title, advice } = explainRelayFailure(attempt.failure);
    return (
      <li className="space-y-0.5 text-sm">
        <span className="flex flex-wrap items-center gap-2">
          <Badge tone="bad">no answer</Badge>
          <code className="text-xs">{attempt.url}</code>
        </span>
        <span className="block text-red-800 dark:text-red-300">
          {title}: {attempt.failure.message}
        </span>
        <span className="block text-slate-600 dark:text-slate-400">{advice}</span>
      </li>
    );
  }
  const ex = attempt.exchange as Exchange;
  return (
    <li className="space-y-1 text-sm">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={statusTone(ex.response.status)}>{ex.response.status}</Badge>
        <code className="text-xs">{attempt.url}</code>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {name} · {ex.timing.total.toFixed(1)} ms total, first byte {ex.timing.firstByte?.toFixed(1) ?? '–'} ms ·{' '}
          {ex.response.body.size} bytes
        </span>
      </span>
      <HeadersTable headers={notableHeaders(ex.response.headers)} caption={`${name} notable response headers`} />
    </li>
  );
}

function Terms({ title, badges }: { title: string; badges: TermBadge[] }) {
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold">{title}</h3>
      {badges.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">none</p> : null}
      <ul className="flex flex-wrap gap-2">
        {badges.map((b) => (
          <li key={b.term} title={b.explanation} className="flex items-center gap-1 text-sm">
            <Badge tone={TERM_TONE[b.status]}>{b.term}</Badge>
            <span className="text-xs text-slate-600 dark:text-slate-400">{b.explanation}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Everything the console makes of one fetch of a server's discovery. */
export function DiscoveryResult({ result }: { result: DiscoverResult }) {
  const doc = isObject(result.document) ? result.document : undefined;
  return (
    <div className="space-y-6">
      <section aria-label="Endpoints tried" className="space-y-2">
        <h2 className="text-lg font-semibold">
          {result.answeredBy
            ? `Answered by ${result.answeredBy === 'well-known' ? '/.well-known/ocm' : 'the legacy /ocm-provider'}`
            : 'No usable discovery document'}
        </h2>
        {result.unreachable?.length ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Nothing answered at {result.unreachable.map((u) => u.base).join(', ')}; {result.base} was tried next.
          </p>
        ) : null}
        <ul className="space-y-2">
          {result.unreachable?.map((u) => (
            <Attempt key={u.base} name="well-known" attempt={u} />
          ))}
          <Attempt name="well-known" attempt={result.wellKnown} />
          {result.legacy ? <Attempt name="legacy" attempt={result.legacy} /> : null}
        </ul>
        {result.problem ? <ErrorMessage>{result.problem}</ErrorMessage> : null}
      </section>

      {result.detected ? (
        <section aria-label="Detected version" className="space-y-1">
          <h2 className="text-lg font-semibold">
            Looks like OCM {result.detected.version}
            {result.detected.dialect !== 'spec' ? `, ${result.detected.dialect} dialect` : ''}
          </h2>
          {result.detected.versions.length > 1 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Also fits: {result.detected.versions.slice(1).join(', ')}
            </p>
          ) : null}
          <ul className="list-disc pl-5 text-sm">
            {result.detected.evidence.map((e, i) => (
              <li key={i}>
                <code className="text-xs">{e.path}</code> {e.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {doc ? (
        <>
          <FindingsList findings={result.findings} label="Lint findings" />
          <section aria-label="Document" className="space-y-2">
            <h2 className="text-lg font-semibold">The document, explained</h2>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
              {Object.entries(doc).map(([field, value]) => (
                <div key={field} className="contents">
                  <dt className="font-mono text-xs">{field}</dt>
                  <dd className="break-all">
                    <span className="text-slate-600 dark:text-slate-400">
                      {FIELD_MEANINGS[field] ?? 'not an OCM field'}
                    </span>
                    {typeof value !== 'object' || value === null ? (
                      <code className="ml-2 text-xs">{JSON.stringify(value)}</code>
                    ) : null}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-label="Capabilities and criteria" className="space-y-3">
            <Terms title="Capabilities" badges={capabilityBadges(doc)} />
            <Terms title="Criteria" badges={criteriaBadges(doc)} />
          </section>
          <section aria-label="Resource types" className="space-y-2">
            <h2 className="text-lg font-semibold">Resource types, share types and protocols</h2>
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-500 dark:text-slate-400">
                <tr>
                  <th className="py-1 pr-3 font-normal">resource type</th>
                  <th className="py-1 pr-3 font-normal">share types</th>
                  <th className="py-1 pr-3 font-normal">serves (sending)</th>
                  <th className="py-1 font-normal">receives</th>
                </tr>
              </thead>
              <tbody>
                {resourceRows(doc).map((r, i) => (
                  <tr key={i} className="border-t border-slate-100 align-top dark:border-slate-800">
                    <td className="py-1 pr-3 font-mono text-xs">{r.resourceType}</td>
                    <td className="py-1 pr-3">{r.shareTypes.join(', ') || '–'}</td>
                    <td className="py-1 pr-3">
                      {r.serves.map((p) => (
                        <div key={p.name}>
                          <span className="font-medium">{p.name}</span>{' '}
                          <code className="text-xs break-all">{p.value}</code>
                        </div>
                      ))}
                    </td>
                    <td className="py-1">
                      {r.receives.map((p) => (
                        <div key={p.name}>
                          <span className="font-medium">{p.name}</span>{' '}
                          <code className="text-xs break-all">{p.value}</code>
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-label="Endpoints" className="space-y-1 text-sm">
            <h2 className="text-lg font-semibold">Endpoints</h2>
            {endpointLinks(doc, result.base).map((l) => (
              <p key={l.label}>
                {l.label}: <code className="text-xs break-all">{l.value}</code>
                {l.note ? <span className="text-xs text-amber-700 dark:text-amber-400"> ({l.note})</span> : null}
              </p>
            ))}
          </section>
          <KeysPanel doc={doc} />
          <section aria-label="Raw JSON" className="space-y-2">
            <h2 className="text-lg font-semibold">Raw JSON</h2>
            <CodeEditor
              label="Discovery document (read-only)"
              modelPath={`discovery/${result.base}.json`}
              value={JSON.stringify(doc, null, 2)}
              readOnly
              height="20rem"
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
