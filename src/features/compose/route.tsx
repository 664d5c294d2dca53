import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { demoPeersQueryOptions } from '../../api/demo.ts';
import { discoverMutation } from '../../api/discovery.ts';
import { relayPreviewMutation, relaySendMutation } from '../../api/relay.ts';
import { recordAnswer } from '../../api/share-states.ts';
import {
  explainRelayFailure,
  RELAY_FAULTS,
  type RelayFault,
  type RelayPreviewResult,
  type RelayRequest,
} from '../../contract/exchange.ts';
import { HeadersTable } from '../../ui/headers-table.tsx';
import { jobRoute, readComposeFill, type ComposeResend, type ComposeShareFill } from '../../config/paths.ts';
import type { DiscoverResult } from '../../contract/exchange.ts';
import {
  addressedElsewhere,
  readdressDraft,
  type AddressChange,
  isKind,
  isMessageKind,
  jsonSchemaFor,
  messageUrl,
  signatureProfileFor,
  KIND_LABELS,
  isCompactJws,
  KINDS,
  lintText,
  parseSpecVersion,
  sectionTitle,
  SHARE_CREATED,
  SPEC_VERSIONS,
  type ConsoleIdentity,
  type Kind,
  type SpecVersion,
} from '../../protocol/index.ts';
import { clearDraft, loadDraft, saveDraft } from '../../storage/compose-drafts.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { DirectoryKeyField, findingsWithVerdict, useDirectoryVerdict } from './directory-key.tsx';
import { Button } from '../../ui/button.tsx';
import { DemoPeerPicks, exampleAddress } from '../../ui/demo-peer-picks.tsx';
import { CodeEditor } from '../../ui/code-editor/index.tsx';
import { PasteCurl } from './paste-curl.tsx';
import { SelectField, TargetField, TextArea, TextField } from '../../ui/field.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { FindingsList } from '../../ui/findings-list.tsx';
import { Page } from '../../ui/page.tsx';
import { AnsweringRequest } from './answering-request.tsx';
import { ConsoleShare } from './console-share.tsx';
import { GENERIC_RECEIVER, SENDABLE, template } from './templates.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function identity(user = 'alice'): ConsoleIdentity {
  return {
    host: window.location.host,
    user,
    displayName: `${user.charAt(0).toUpperCase()}${user.slice(1)} (OCM Explorer)`,
    origin: window.location.origin,
    webdavPath: '/ocm/webdav/',
  };
}

/** The providerId of a share draft, to link the request it answers to it (the server tracks the share too). */
function providerIdOf(draft: string): string | undefined {
  try {
    const doc: unknown = JSON.parse(draft);
    const id = isObject(doc) ? doc.providerId : undefined;
    return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
  } catch {
    return undefined;
  }
}

/** Where a kind goes on a receiver, from its discovery. */
function endpointFor(kind: Kind, doc: Record<string, unknown> | undefined, builtUrl?: string): string | undefined {
  if (builtUrl) return builtUrl;
  if (!doc) return undefined;
  if (kind === 'token-request') return typeof doc.tokenEndPoint === 'string' ? doc.tokenEndPoint : undefined;
  return typeof doc.endPoint === 'string' && isMessageKind(kind) ? messageUrl(doc.endPoint, kind) : undefined;
}

/** The request exactly as the relay would send it, signed, from a dry run: nothing was sent. */
function Preview({ result }: { result: RelayPreviewResult }) {
  if ('failure' in result) {
    const { title } = explainRelayFailure(result.failure);
    return (
      <ErrorMessage>
        {title}: {result.failure.message}
      </ErrorMessage>
    );
  }
  const { request, signing, notes } = result.preview;
  return (
    <section
      aria-label="Preview"
      className="space-y-2 rounded border border-dashed border-slate-300 p-3 dark:border-slate-700"
    >
      <h3 className="text-sm font-semibold">
        Preview (not sent): {request.method} <span className="font-mono text-xs break-all">{request.url}</span>
      </h3>
      <HeadersTable headers={request.headers} caption="Headers as the relay would send them" />
      {signing ? (
        <>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Signed ({signing.profile}) with {signing.keyid}; the signature base:
          </p>
          <pre
            aria-label="Preview: signature base"
            className="overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900"
          >
            {signing.signatureBase}
          </pre>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Sending makes a new signature (a fresh <code>created</code>) over the same headers.
          </p>
        </>
      ) : (
        <p className="text-xs text-slate-500 dark:text-slate-400">Not signed.</p>
      )}
      {notes.length ? (
        <ul className="list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
          {notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

type SignChoice = 'ocm' | 'cavage' | 'none';

function SignatureSelect({ value, onValue }: { value: SignChoice; onValue: (v: SignChoice) => void }) {
  return (
    <SelectField<SignChoice> label="Signature" value={value} onValue={onValue}>
      <option value="ocm">RFC 9421 (OCM profile)</option>
      <option value="cavage">draft-cavage (Nextcloud)</option>
      <option value="none">not signed</option>
    </SelectField>
  );
}

const FAULT_LABELS: Record<RelayFault, string> = {
  'wrong-digest': 'wrong digest (signature valid, body changed)',
  'stale-created': 'stale created (an hour old)',
  'unknown-keyid': 'unknown keyid',
  'unpublished-key': 'a key that is not the published one',
  'no-tag': 'no tag="ocm"',
};

/** A deliberate fault in the signature, for testing how a receiver refuses it (named in History). */
function FaultSelect({
  value,
  onValue,
  disabled,
}: {
  value: RelayFault | '';
  onValue: (v: RelayFault | '') => void;
  disabled: boolean;
}) {
  return (
    <SelectField<RelayFault | ''> label="Deliberate fault" value={value} onValue={onValue} disabled={disabled}>
      <option value="">none</option>
      {RELAY_FAULTS.map((f) => (
        <option key={f} value={f}>
          {FAULT_LABELS[f]}
        </option>
      ))}
    </SelectField>
  );
}

const HTTP_METHODS = ['POST', 'PUT', 'GET', 'DELETE', 'PATCH', 'PROPFIND', 'HEAD', 'OPTIONS'];

const headersText = (headers: [string, string][]) => headers.map(([n, v]) => `${n}: ${v}`).join('\n');

/** "Name: value" lines back into header pairs; a line without a colon is named as the problem. */
function parseHeaders(text: string): { headers: [string, string][] } | { error: string } {
  const headers: [string, string][] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon <= 0) return { error: `Header line ${i + 1} has no "Name: value" form: ${line}` };
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { headers };
}

/** Sends a recorded request again, edited: method, URL and headers here, the body in the editor above. */
/** Ctrl/Cmd+Enter sends, from anywhere on the page, the editor included (caught before Monaco sees it). */
function useSendShortcut(send: (() => void) | undefined) {
  const current = useRef(send);
  useEffect(() => {
    current.current = send;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && current.current) {
        e.preventDefault();
        e.stopPropagation();
        current.current();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

function ResendPanel({
  resend,
  body,
  onDone,
  heading = 'Edit and resend a recorded request',
}: {
  resend: ComposeResend;
  body: string;
  onDone: () => void;
  heading?: string;
}) {
  const [method, setMethod] = useState(resend.method);
  const [url, setUrl] = useState(resend.url);
  const [headers, setHeaders] = useState(headersText(resend.headers));
  const [sign, setSign] = useState(resend.sign);
  const send = useMutation(relaySendMutation());
  const preview = useMutation(relayPreviewMutation());
  const parsed = parseHeaders(headers);
  const request = (): RelayRequest | undefined =>
    'headers' in parsed
      ? {
          method,
          url: url.trim(),
          headers: parsed.headers,
          ...(method === 'GET' || method === 'HEAD' ? {} : { body: { encoding: 'utf8' as const, data: body } }),
          sign,
        }
      : undefined;
  useSendShortcut(() => {
    const r = request();
    if (r && url.trim() && !send.isPending) send.mutate(r);
  });
  return (
    <section
      aria-label="Recorded request"
      className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <h2 className="text-sm font-semibold">{heading}</h2>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Host and Content-Length are set by the relay, and a signature (with its Content-Digest) is made anew when it is
        sent; the body is the editor's text above.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Method" value={method} onValue={setMethod}>
          {[...new Set([resend.method, ...HTTP_METHODS])].map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </SelectField>
        <TextField label="URL" className="grow" mono value={url} onValue={setUrl} spellCheck={false} />
      </div>
      <TextArea label="Headers (one “Name: value” a line)" mono rows={4} value={headers} onValue={setHeaders} />
      {'error' in parsed ? <ErrorMessage>{parsed.error}</ErrorMessage> : null}
      <div className="flex flex-wrap items-end gap-3">
        <SignatureSelect value={sign} onValue={setSign} />
        <Button
          variant="primary"
          disabled={'error' in parsed || !url.trim() || send.isPending}
          onClick={() => {
            const r = request();
            if (r) send.mutate(r);
          }}
        >
          {send.isPending ? 'Sending…' : 'Resend'}
        </Button>
        <Button
          disabled={'error' in parsed || !url.trim() || preview.isPending}
          onClick={() => {
            const r = request();
            if (r) preview.mutate(r);
          }}
        >
          Preview
        </Button>
        <Button onClick={onDone}>Back to templates</Button>
      </div>
      {preview.isError ? <ErrorMessage>{preview.error.message}</ErrorMessage> : null}
      {preview.data ? <Preview result={preview.data} /> : null}
      {send.isError ? <ErrorMessage>{send.error.message}</ErrorMessage> : null}
      {send.data ? <ExchangeView result={send.data} title="Sent" /> : null}
    </section>
  );
}

export function Component() {
  const job = jobRoute('compose');
  const location = useLocation();
  const [resend, setResend] = useState<ComposeResend | undefined>(
    () => (location.state as { resend?: ComposeResend } | null)?.resend,
  );
  // A request read from a pasted curl command replaces the one being edited (a fresh panel each time).
  const [pasted, setPasted] = useState<{ count: number; notes: string[] }>({ count: 0, notes: [] });
  const [params] = useSearchParams();
  // A share asked for from the Inbox (an answer to a request for a share), read once from the URL.
  const [fill] = useState<ComposeShareFill | undefined>(() => (resend ? undefined : readComposeFill(params)));
  const me = identity(fill?.from);
  const [kind, setKind] = useState<Kind>(() => (resend?.kind && isKind(resend.kind) ? resend.kind : 'share'));
  const [spec, setSpec] = useState<SpecVersion | ''>('');
  const [target, setTarget] = useState(fill?.to ?? '');
  const [receiver, setReceiver] = useState<DiscoverResult>();
  const receiverDoc = receiver && isObject(receiver.document) ? receiver.document : undefined;
  const recipient = target.includes('@') ? target : undefined;
  const fresh = useMemo(
    () => template(kind, identity(fill?.from), receiverDoc, recipient, fill ?? {}),
    [kind, receiverDoc, recipient, fill],
  );
  const [draft, setDraft] = useState<string>(() =>
    resend?.body?.encoding === 'utf8'
      ? resend.body.data
      : fill
        ? template('share', me, undefined, fill.to, fill).text
        : (loadDraft(kind) ?? template(kind, me).text),
  );
  // Until the user types, a filled-in share is rebuilt for the receiver once its discovery is read.
  const edited = useRef(false);
  const [sign, setSign] = useState<'ocm' | 'cavage' | 'none'>('ocm');

  // A request for a share is a REQUEST_SHARE notification for 1.5 receivers: judge what it really is.
  const lintKind = fresh.kind;
  // What goes to a receiver is judged by the version it declares, once its discovery is read, unless the user
  // picks another: a share written for a 1.1 server is a 1.1 share, whatever it looks like.
  const receiverVersion = receiver?.detected ? (parseSpecVersion(receiver.detected.version) ?? undefined) : undefined;
  const judgeAs = spec || receiverVersion;
  const lint = useMemo(
    () => lintText(draft, { kind: lintKind, ...(judgeAs ? { spec: judgeAs } : {}) }),
    [draft, lintKind, judgeAs],
  );
  // A Directory Service document may be a compact JWS (header.payload.signature): text, not JSON.
  const plainText = fresh.form || (lintKind === 'directory' && isCompactJws(draft));
  // The schema describes a directory's payload; a JWS JSON envelope around it is the linter's to read.
  const envelope = lintKind === 'directory' && /"payload"\s*:/.test(draft);
  const schema = useMemo(
    () => (plainText || envelope ? undefined : (jsonSchemaFor(lintKind) as object)),
    [lintKind, plainText, envelope],
  );
  const [federationKey, setFederationKey] = useState('');
  const verdict = useDirectoryVerdict(draft, federationKey, lintKind === 'directory');
  const findings = findingsWithVerdict(lint.findings, verdict).map((f) => ({
    ...f,
    specRef: { section: sectionTitle(f.specRef.section), url: f.specRef.url },
  }));

  // What choosing a receiver rewrote in the draft (its addresses), said once under the editor.
  const [readdressed, setReaddressed] = useState<AddressChange[]>([]);
  const findTarget = useMutation({
    ...discoverMutation(),
    onSuccess: (result, address) => {
      setReceiver(result);
      const doc = isObject(result.document) ? result.document : {};
      setSign(signatureProfileFor(doc) ?? 'none');
      if (fill && !edited.current && isObject(result.document))
        setDraft(template('share', me, result.document, fill.to, fill).text);
      else if (!resend) {
        // The draft's receiver fields follow the receiver: a share left on another host is refused there.
        const moved = readdressDraft(kind, draft, address);
        if (moved?.changed.length) edit(moved.text);
        setReaddressed(moved?.changed ?? []);
      }
    },
  });
  // A filled-in share's receiver is known: read its discovery at once, as "Read its discovery" would.
  const demoPeers = useQuery(demoPeersQueryOptions()).data?.peers;
  const readFilled = useRef(findTarget.mutate);
  useEffect(() => {
    if (fill) readFilled.current(fill.to);
  }, [fill]);
  const url = endpointFor(lintKind, receiverDoc, receiverDoc ? fresh.url : undefined);
  const send = useMutation(relaySendMutation());
  const preview = useMutation(relayPreviewMutation());
  const [fault, setFault] = useState<RelayFault | ''>('');
  const draftRequest = (): RelayRequest => ({
    ...(fault && sign !== 'none' ? { fault } : {}),
    method: 'POST',
    url: url!,
    headers: [
      ['Content-Type', fresh.form ? 'application/x-www-form-urlencoded' : 'application/json'],
      ['Accept', 'application/json'],
    ],
    body: { encoding: 'utf8', data: draft },
    sign,
  });
  // draft-cavage to a receiver whose discovery calls for RFC 9421 is a fault of its own, named in History.
  const cavageForRfc9421 = !!receiverDoc && signatureProfileFor(receiverDoc) === 'ocm' && sign === 'cavage';
  const client = useQueryClient();
  const sendDraft = () =>
    send.mutate(
      cavageForRfc9421 ? { request: draftRequest(), source: { fault: 'cavage-for-rfc9421' } } : draftRequest(),
      {
        // A share answering a request, delivered: the request is answered, and the Inbox says so.
        onSuccess: (result) => {
          const status = 'exchange' in result ? result.exchange.response.status : 0;
          if (fill?.request && kind === 'share' && status >= 200 && status < 300)
            void recordAnswer(client, fill.request, SHARE_CREATED, providerIdOf(draft));
        },
      },
    );
  useSendShortcut(!resend && url && SENDABLE.includes(kind) && !send.isPending ? sendDraft : undefined);

  const chooseKind = (next: Kind) => {
    setKind(next);
    edited.current = true;
    setDraft(loadDraft(next) ?? template(next, me, receiverDoc, recipient).text);
    send.reset();
  };
  const edit = (text: string) => {
    if (text !== draft) edited.current = true;
    setDraft(text);
    // A recorded request being edited is not this kind's draft.
    if (!resend) saveDraft(kind, text);
  };
  // Each new template is made anew: fresh providerId, secret and code, never the ones already sent.
  const restart = () => {
    clearDraft(kind);
    setDraft(template(kind, me, receiverDoc, recipient, fill ?? {}).text);
    setReaddressed([]);
  };
  const elsewhere = receiverDoc ? addressedElsewhere(kind, draft, target) : [];

  return (
    <Page title={job.label} summary={job.summary}>
      {fill ? <AnsweringRequest fill={fill} user={me.user} /> : null}
      {fill ? (
        <h2 className="text-sm font-semibold">Or craft the share by hand (the console cannot exchange its code)</h2>
      ) : null}
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
        <PasteCurl
          onRequest={(request, notes) => {
            setResend(request);
            setDraft(request.body?.data ?? '');
            setPasted({ count: pasted.count + 1, notes });
            setReaddressed([]);
          }}
        />
      </div>
      {fresh.notes.length ? (
        <section aria-label="Template notes" className="text-xs text-slate-600 dark:text-slate-400">
          <p>
            {receiverDoc
              ? `How “New template for this target” writes it for this receiver (OCM ${receiver?.detected?.version ?? '?'}):`
              : `How “New template” writes it, for a generic OCM ${GENERIC_RECEIVER.apiVersion.replace(/\.0$/, '')} receiver (read a receiver's discovery below for one in its version):`}
          </p>
          <ul className="list-disc pl-5">
            {fresh.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <CodeEditor
        label="Message body"
        modelPath={`compose/${kind}.${fresh.form ? 'txt' : 'json'}`}
        language={plainText ? 'plaintext' : 'json'}
        value={draft}
        onChange={edit}
        jsonSchema={schema}
        height="20rem"
      />
      {pasted.notes.length ? (
        <ul aria-label="Read from the curl command" className="list-disc pl-5 text-sm">
          {pasted.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {readdressed.length ? (
        <p className="text-sm" role="status">
          Addressed to the receiver:{' '}
          {readdressed.map((c) => (
            <span key={c.path}>
              <code className="text-xs">{c.path.slice(1)}</code> is now <code className="text-xs">{c.to}</code> (was{' '}
              <code className="text-xs">{c.from}</code>).{' '}
            </span>
          ))}
        </p>
      ) : null}
      {elsewhere.map((e) => (
        <p key={e.path} className="text-sm text-amber-800 dark:text-amber-300" role="alert">
          <code className="text-xs">{e.path.slice(1)}</code> names <code className="text-xs">{e.address}</code>, a user
          on {e.host}, not on the receiver ({target}): it will refuse the share (e.g. 400 shareWith NOT_FOUND).
        </p>
      ))}

      <section aria-label="Lint" className="space-y-2">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {lint.detected
            ? `Looks like OCM ${lint.detected.version}${lint.detected.dialect !== 'spec' ? ` (${lint.detected.dialect})` : ''}; judged as ${judgeAs ? `${judgeAs}${spec ? '' : ", the receiver's version"}` : lint.version}.`
            : 'Not readable as this kind.'}
        </p>
        <FindingsList findings={findings} label="Lint findings" />
        {lintKind === 'directory' ? (
          <DirectoryKeyField value={federationKey} onValue={setFederationKey} verdict={verdict} />
        ) : null}
      </section>

      {resend ? (
        <ResendPanel
          key={pasted.count}
          resend={resend}
          body={draft}
          onDone={() => {
            setResend(undefined);
            setPasted({ count: pasted.count, notes: [] });
          }}
          {...(pasted.count ? { heading: 'Edit and send the pasted request' } : {})}
        />
      ) : SENDABLE.includes(kind) ? (
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
              placeholder={exampleAddress(demoPeers)}
            />
            <Button type="submit" disabled={findTarget.isPending}>
              Read its discovery
            </Button>
          </form>
          <DemoPeerPicks
            action="Address it to a demo peer"
            peers={demoPeers}
            onPick={(p) => {
              const address = p.users[0] ?? new URL(p.origin).host;
              setTarget(address);
              findTarget.mutate(address);
            }}
          />
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
            <SignatureSelect value={sign} onValue={setSign} />
            <FaultSelect value={fault} onValue={setFault} disabled={sign === 'none'} />
            {cavageForRfc9421 ? (
              <span className="text-xs text-amber-700 dark:text-amber-400">
                Its discovery calls for RFC 9421: draft-cavage is itself a fault for this receiver.
              </span>
            ) : null}
            <Button variant="primary" disabled={!url || send.isPending} onClick={sendDraft}>
              {send.isPending ? 'Sending…' : 'Send'}
            </Button>
            <Button disabled={!url || preview.isPending} onClick={() => preview.mutate(draftRequest())}>
              Preview
            </Button>
            {lint.findings.some((f) => f.severity === 'error') ? (
              <span className="text-xs text-amber-700 dark:text-amber-400">
                The draft has lint errors; it is sent as it is.
              </span>
            ) : null}
          </div>
          {preview.isError ? <ErrorMessage>{preview.error.message}</ErrorMessage> : null}
          {preview.data ? <Preview result={preview.data} /> : null}
          {send.isError ? <ErrorMessage>{send.error.message}</ErrorMessage> : null}
          {send.data ? <ExchangeView result={send.data} title="Sent" /> : null}
        </section>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {lintKind === 'directory'
            ? 'A Directory Service publishes this document; it is checked here, not sent.'
            : 'This kind is an answer, not a request: it is checked here, not sent.'}
        </p>
      )}
      {fill ? null : <ConsoleShare />}
    </Page>
  );
}
