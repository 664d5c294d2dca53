import { explainRelayFailure, type Exchange, type RelayResult } from '../contract/exchange.ts';
import { Badge, statusTone } from './badge.tsx';
import { BodyView } from './body-view.tsx';
import { HeadersTable } from './headers-table.tsx';

const ms = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} ms`);

function Timing({ exchange }: { exchange: Exchange }) {
  const t = exchange.timing;
  return (
    <p className="text-xs text-slate-500 dark:text-slate-400">
      DNS {ms(t.dns)} · connect {ms(t.connect)} · TLS {ms(t.tls)} · first byte {ms(t.firstByte)} · total {ms(t.total)}
    </p>
  );
}

/** One exchange as it went over the wire: request (signature included), response, timing, what was signed. */
export function ExchangeView({ result, title }: { result: RelayResult; title: string }) {
  if ('failure' in result) {
    const { title: why, advice } = explainRelayFailure(result.failure);
    return (
      <section aria-label={title} className="space-y-1 rounded border border-red-300 p-3 dark:border-red-800">
        <h3 className="text-sm font-semibold">{title}</h3>
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {why}: {result.failure.message}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">{advice}</p>
      </section>
    );
  }
  const { exchange } = result;
  return (
    <section aria-label={title} className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800">
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">{title}</h3>
        <Badge tone={statusTone(exchange.response.status)}>{exchange.response.status}</Badge>
        <code className="text-xs break-all">
          {exchange.request.method} {exchange.request.url}
        </code>
        {exchange.insecureTls ? <Badge tone="warn">certificate not checked</Badge> : null}
      </header>
      <Timing exchange={exchange} />
      {exchange.notes.length ? (
        <ul className="list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
          {exchange.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary className="cursor-pointer text-sm">Request as sent</summary>
        <div className="mt-2 space-y-2">
          <HeadersTable headers={exchange.request.headers} caption="Request headers as sent" />
          {exchange.request.body ? <BodyView body={exchange.request.body} label={`${title}: request body`} /> : null}
          {exchange.signing ? (
            <div>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                Signed ({exchange.signing.profile}) with {exchange.signing.keyid}; the signature base:
              </p>
              <pre
                aria-label={`${title}: signature base`}
                className="overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-slate-900"
              >
                {exchange.signing.signatureBase}
              </pre>
            </div>
          ) : null}
        </div>
      </details>
      <details open>
        <summary className="cursor-pointer text-sm">Response</summary>
        <div className="mt-2 space-y-2">
          <HeadersTable headers={exchange.response.headers} caption="Response headers" />
          <BodyView body={exchange.response.body} label={`${title}: response body`} />
        </div>
      </details>
    </section>
  );
}
