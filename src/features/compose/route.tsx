import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { discoverMutation } from '../../api/discovery.ts';
import { relaySendMutation } from '../../api/relay.ts';
import { jobRoute } from '../../config/paths.ts';
import type { DiscoverResult } from '../../contract/exchange.ts';
import {
  isMessageKind,
  jsonSchemaFor,
  messageUrl,
  signatureProfileFor,
  KIND_LABELS,
  KINDS,
  lintText,
  sectionTitle,
  SPEC_VERSIONS,
  type ConsoleIdentity,
  type Kind,
  type SpecVersion,
} from '../../protocol/index.ts';
import { clearDraft, loadDraft, saveDraft } from '../../storage/compose-drafts.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { CodeEditor } from '../../ui/code-editor/index.tsx';
import { SelectField, TargetField } from '../../ui/field.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { FindingsList } from '../../ui/findings-list.tsx';
import { Page } from '../../ui/page.tsx';
import { SENDABLE, template } from './templates.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function identity(): ConsoleIdentity {
  return {
    host: window.location.host,
    user: 'alice',
    displayName: 'Alice (OCM Explorer)',
    origin: window.location.origin,
    webdavPath: '/ocm/webdav/',
  };
}

/** Where a kind goes on a receiver, from its discovery. */
function endpointFor(kind: Kind, doc: Record<string, unknown> | undefined, builtUrl?: string): string | undefined {
  if (builtUrl) return builtUrl;
  if (!doc) return undefined;
  if (kind === 'token-request') return typeof doc.tokenEndPoint === 'string' ? doc.tokenEndPoint : undefined;
  return typeof doc.endPoint === 'string' && isMessageKind(kind) ? messageUrl(doc.endPoint, kind) : undefined;
}

export function Component() {
  const job = jobRoute('compose');
  const [kind, setKind] = useState<Kind>('share');
  const [spec, setSpec] = useState<SpecVersion | ''>('');
  const [target, setTarget] = useState('');
  const [receiver, setReceiver] = useState<DiscoverResult>();
  const receiverDoc = receiver && isObject(receiver.document) ? receiver.document : undefined;
  const recipient = target.includes('@') ? target : undefined;
  const fresh = useMemo(() => template(kind, identity(), receiverDoc, recipient), [kind, receiverDoc, recipient]);
  const [draft, setDraft] = useState<string>(() => loadDraft('share') ?? template('share', identity()).text);
  const [sign, setSign] = useState<'ocm' | 'cavage' | 'none'>('ocm');

  // A request for a share is a REQUEST_SHARE notification for 1.5 receivers: judge what it really is.
  const lintKind = fresh.kind;
  const lint = useMemo(() => lintText(draft, { kind: lintKind, ...(spec ? { spec } : {}) }), [draft, lintKind, spec]);
  const schema = useMemo(() => (fresh.form ? undefined : (jsonSchemaFor(lintKind) as object)), [lintKind, fresh.form]);
  const findings = lint.findings.map((f) => ({
    ...f,
    specRef: { section: sectionTitle(f.specRef.section), url: f.specRef.url },
  }));

  const findTarget = useMutation({
    ...discoverMutation(),
    onSuccess: (result) => {
      setReceiver(result);
      const doc = isObject(result.document) ? result.document : {};
      setSign(signatureProfileFor(doc) ?? 'none');
    },
  });
  const url = endpointFor(lintKind, receiverDoc, receiverDoc ? fresh.url : undefined);
  const send = useMutation(relaySendMutation());
  const sendDraft = () =>
    send.mutate({
      method: 'POST',
      url: url!,
      headers: [
        ['Content-Type', fresh.form ? 'application/x-www-form-urlencoded' : 'application/json'],
        ['Accept', 'application/json'],
      ],
      body: { encoding: 'utf8', data: draft },
      sign,
    });

  const chooseKind = (next: Kind) => {
    setKind(next);
    setDraft(loadDraft(next) ?? template(next, identity(), receiverDoc, recipient).text);
    send.reset();
  };
  const edit = (text: string) => {
    setDraft(text);
    saveDraft(kind, text);
  };
  const restart = () => {
    clearDraft(kind);
    setDraft(fresh.text);
  };

  return (
    <Page title={job.label} summary={job.summary}>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField<Kind> label="Message" value={kind} onValue={chooseKind}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <SelectField<SpecVersion | ''> label="Judge as version" value={spec} onValue={setSpec}>
          <option value="">the one it looks like</option>
          {SPEC_VERSIONS.map((v) => (
            <option key={v} value={v}>
              OCM {v}
            </option>
          ))}
        </SelectField>
        <Button onClick={restart}>{receiverDoc ? 'New template for this target' : 'New template'}</Button>
      </div>
      {fresh.notes.length ? (
        <ul className="list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
          {fresh.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}

      <CodeEditor
        label="Message body"
        modelPath={`compose/${kind}.${fresh.form ? 'txt' : 'json'}`}
        language={fresh.form ? 'plaintext' : 'json'}
        value={draft}
        onChange={edit}
        jsonSchema={schema}
        height="20rem"
      />

      <section aria-label="Lint" className="space-y-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {lint.detected
            ? `Looks like OCM ${lint.detected.version}${lint.detected.dialect !== 'spec' ? ` (${lint.detected.dialect})` : ''}; judged as ${spec || lint.version}.`
            : 'Not readable as this kind.'}
        </p>
        <FindingsList findings={findings} label="Lint findings" />
      </section>

      {SENDABLE.includes(kind) ? (
        <section aria-label="Send" className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800">
          <h2 className="text-sm font-semibold">Sign and send</h2>
          <form
            aria-label="Target"
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              if (target.trim()) findTarget.mutate(target.trim());
            }}
          >
            <TargetField
              label="Receiver (OCM address or host)"
              value={target}
              onValue={setTarget}
              placeholder="carol@127.0.0.1:8081"
            />
            <Button type="submit" disabled={findTarget.isPending}>
              Read its discovery
            </Button>
          </form>
          {findTarget.isError ? <ErrorMessage>{findTarget.error.message}</ErrorMessage> : null}
          {receiver && !receiverDoc ? <ErrorMessage>{receiver.problem}</ErrorMessage> : null}
          {receiverDoc ? (
            <p className="text-sm">
              OCM {receiver?.detected?.version ?? '?'}
              {receiver?.detected?.dialect && receiver.detected.dialect !== 'spec'
                ? ` (${receiver.detected.dialect})`
                : ''}
              . It goes to{' '}
              <code className="text-xs break-all">{url ?? '(no endpoint for this message in its discovery)'}</code>. Use
              “New template for this target” for a payload in its version and dialect.
            </p>
          ) : null}
          <div className="flex flex-wrap items-end gap-3">
            <SelectField<typeof sign> label="Signature" value={sign} onValue={setSign}>
              <option value="ocm">RFC 9421 (OCM profile)</option>
              <option value="cavage">draft-cavage (Nextcloud)</option>
              <option value="none">not signed</option>
            </SelectField>
            <Button variant="primary" disabled={!url || send.isPending} onClick={sendDraft}>
              {send.isPending ? 'Sending…' : 'Send'}
            </Button>
            {lint.findings.some((f) => f.severity === 'error') ? (
              <span className="text-xs text-amber-700 dark:text-amber-400">
                The draft has lint errors; it is sent as it is.
              </span>
            ) : null}
          </div>
          {send.isError ? <ErrorMessage>{send.error.message}</ErrorMessage> : null}
          {send.data ? <ExchangeView result={send.data} title="Sent" /> : null}
        </section>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          This kind is an answer, not a request: it is checked here, not sent.
        </p>
      )}
    </Page>
  );
}
