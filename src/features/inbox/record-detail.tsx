import { useState } from 'react';
import type { InboundRecord } from '../../contract/inbound.ts';
import { paths } from '../../config/paths.ts';
import { redact } from '../../lib/redact.ts';
import { webappShareOf } from '../../protocol/webapp.ts';
import { Badge, statusTone } from '../../ui/badge.tsx';
import { BodyView, type BodyLike } from '../../ui/body-view.tsx';
import { Button } from '../../ui/button.tsx';
import { FindingsList } from '../../ui/findings-list.tsx';
import { HeadersTable } from '../../ui/headers-table.tsx';
import { VerificationBadge } from './verification-badge.tsx';

const POLICY_LABEL: Record<NonNullable<InboundRecord['response']>['policy'], string> = {
  spec: 'as the spec says',
  lenient: 'as the spec says, leniently (no refusal for the signature)',
  custom: 'custom answer chosen in the policies',
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-300">{title}</h3>
      {children}
    </section>
  );
}

/** A received share that offers a web app (protocol.webapp), which the webapp lab can open. */
function isWebappShare(record: InboundRecord): boolean {
  if (record.endpoint !== 'shares' || record.body.encoding !== 'utf8') return false;
  try {
    return webappShareOf(JSON.parse(record.body.data)).ok;
  } catch {
    return false;
  }
}

/** Everything about one received call. All of it is remote text and is rendered as text. */
export function RecordDetail({ record }: { record: InboundRecord }) {
  return (
    <article aria-label={`Message ${record.id}`} className="space-y-5">
      <header className="space-y-1">
        <h2 className="font-mono text-sm font-semibold break-all">
          {record.method} {record.target}
        </h2>
        <p className="text-xs text-slate-500 dark:text-slate-400">
          {record.endpoint === 'other' ? 'Not an OCM endpoint' : `OCM endpoint: ${record.endpoint}`} · received{' '}
          {new Date(record.receivedAt).toLocaleString()} from {record.remoteAddress ?? 'an unknown address'} ·{' '}
          {record.id}
        </p>
        {isWebappShare(record) ? (
          // A full page load: the lab's page gets a policy that lets it frame and POST to this share's app.
          <a
            href={paths.webapp(record.id)}
            className="inline-block rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-700"
          >
            Open in the webapp lab
          </a>
        ) : null}
      </header>

      {record.problems.length ? (
        <Section title="Problems">
          <ul className="list-disc space-y-1 pl-5 text-sm text-red-800 dark:text-red-300">
            {record.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="Signature">
        <div className="flex items-center gap-2 text-sm">
          <VerificationBadge verification={record.verification} />
          <span>{record.verification?.summary}</span>
        </div>
        {record.verification?.details?.length ? (
          <ul className="list-disc pl-5 text-sm">
            {record.verification.details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        ) : null}
        {record.verification?.signatureBase ? (
          <pre
            aria-label="Signature base"
            className="overflow-auto rounded bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap dark:bg-slate-900"
          >
            {record.verification.signatureBase}
          </pre>
        ) : null}
      </Section>

      {record.findings ? <FindingsList findings={record.findings} label="OCM lint" title="OCM lint" /> : null}

      <Section title="Request headers">
        <HeadersTable headers={record.headers} caption="Request headers as received" />
      </Section>
      <Section title="Body received">
        <MaskedBody body={record.body} />
      </Section>

      <Section title="Answer sent">
        {record.response ? (
          <div className="space-y-2 text-sm">
            <p className="flex items-center gap-2">
              <Badge tone={statusTone(record.response.status)}>{record.response.status}</Badge>
              <span>
                {POLICY_LABEL[record.response.policy]}
                {record.response.delayMs ? `, after ${record.response.delayMs} ms` : ''}
              </span>
            </p>
            <BodyView
              label="Answer body"
              body={{
                encoding: 'utf8',
                data: record.response.body,
                size: new TextEncoder().encode(record.response.body).length,
                truncated: false,
              }}
            />
          </div>
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">Not answered yet.</p>
        )}
      </Section>
    </article>
  );
}

/**
 * The received body with sharedSecret, codes and tokens masked until the user reveals them: the console is
 * shown on projectors, and a share's secret opens its resource.
 */
function MaskedBody({ body }: { body: BodyLike }) {
  const [revealed, setRevealed] = useState(false);
  const masked = body.encoding === 'utf8' ? redact(body.data) : body.data;
  const hasSecrets = masked !== body.data;
  return (
    <div className="space-y-1">
      {hasSecrets ? (
        <p className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
          <Button onClick={() => setRevealed((r) => !r)} aria-pressed={revealed}>
            {revealed ? 'Mask secrets' : 'Reveal secrets'}
          </Button>
          {revealed ? 'Secrets are shown.' : 'The shared secret, codes and tokens are masked on screen.'}
        </p>
      ) : null}
      <BodyView body={revealed ? body : { ...body, data: masked }} label="Request body" />
    </div>
  );
}
