import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { acceptInviteMutation, invitesQueryOptions, inviteProviderQueryOptions } from '../../api/invites.ts';
import type { RelayResult } from '../../contract/exchange.ts';
import { bodyKindsOf, explainInviteAnswer, lint, readInvite, type ConsoleIdentity } from '../../protocol/index.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/field.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { FindingsList } from '../../ui/findings-list.tsx';
import { DemoInviteSource } from './demo-invites.tsx';

const FORM_LABEL = {
  'invite-string': 'an invite string',
  'wayf-link': 'a WAYF link',
  'accept-link': 'an accept-dialog link',
};

function identityFor(user: string): ConsoleIdentity {
  return { host: window.location.host, user, origin: window.location.origin };
}

function answerOf(result: RelayResult): { status: number; body: unknown } | undefined {
  if (!('exchange' in result)) return undefined;
  const { status, body } = result.exchange.response;
  let parsed: unknown = undefined;
  if (body.encoding === 'utf8') {
    try {
      parsed = JSON.parse(body.data);
    } catch {
      parsed = undefined;
    }
  }
  return { status, body: parsed };
}

/**
 * The console as Invite Receiver: a pasted invite string or link is read and explained, the sender's discovery
 * is read, and "Accept invite" sends a signed POST /invite-accepted there, with the answer explained.
 */
export function ReceiverPanel({ initial }: { initial?: string }) {
  const [text, setText] = useState(initial ?? '');
  const reading = useMemo(() => (text.trim() ? readInvite(text) : undefined), [text]);
  const provider = reading?.ok ? reading.providerDomain : undefined;
  const discovery = useQuery(inviteProviderQueryOptions(provider));
  const users = useQuery(invitesQueryOptions()).data?.users ?? [];
  const [user, setUser] = useState('');
  const chosen = user || users[0] || 'alice';
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [userIdToo, setUserIdToo] = useState(false);
  const accept = useMutation(acceptInviteMutation());
  const doc = discovery.data?.document;
  const capabilities =
    doc && typeof doc === 'object' && Array.isArray((doc as { capabilities?: unknown }).capabilities)
      ? ((doc as { capabilities: unknown[] }).capabilities as unknown[])
      : [];
  const answer = accept.data ? answerOf(accept.data.result) : undefined;
  const explained = answer ? explainInviteAnswer(answer.status, answer.body) : undefined;
  // A successful answer is a document of its own (the Invite Sender's userID, email, name): lint it.
  const answerKind = answer ? bodyKindsOf('invite-accepted', answer.status).response : undefined;
  const answerFindings =
    answer && answerKind && answer.body !== undefined ? lint(answerKind, answer.body).findings : undefined;

  return (
    <section aria-labelledby="invite-receiver" className="space-y-4">
      <h2 id="invite-receiver" className="text-lg font-semibold">
        Accept an invite
      </h2>
      <DemoInviteSource
        onInvite={(invite) => {
          setText(invite);
          accept.reset();
        }}
      />
      <TextArea
        label="Invite string or link"
        mono
        rows={2}
        spellCheck={false}
        value={text}
        onValue={(v) => {
          setText(v);
          accept.reset();
        }}
      />
      {reading && !reading.ok ? (
        <div role="alert" className="space-y-1 text-sm text-red-800 dark:text-red-300">
          <p className="font-semibold">This is not an invite the console can read.</p>
          <ul className="list-disc pl-5">
            {reading.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {reading?.ok ? (
        <section
          aria-label="What the invite says"
          className="space-y-2 rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
        >
          <p>Read as {FORM_LABEL[reading.form]}.</p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
            <dt className="font-medium">Token</dt>
            <dd className="font-mono break-all">{reading.token}</dd>
            <dt className="font-medium">Provider</dt>
            <dd className="font-mono break-all">{reading.providerDomain}</dd>
          </dl>
          {reading.notes.length ? (
            <ul aria-label="Deviations" className="list-disc pl-5 text-amber-900 dark:text-amber-200">
              {reading.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <p aria-live="polite">
            {discovery.isPending ? (
              'Reading the provider’s discovery…'
            ) : discovery.error ? (
              <span className="text-red-800 dark:text-red-300">{discovery.error.message}</span>
            ) : doc ? (
              <>
                Discovery read from {discovery.data?.base}:{' '}
                {capabilities.includes('invites') ? (
                  <Badge tone="good">advertises invites</Badge>
                ) : (
                  <Badge tone="warn">does not advertise invites</Badge>
                )}
              </>
            ) : (
              <span className="text-red-800 dark:text-red-300">
                No discovery: {discovery.data?.problem ?? 'the provider publishes none.'}
              </span>
            )}
          </p>
        </section>
      ) : null}
      {reading?.ok ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            accept.mutate({
              discovery: doc,
              identity: identityFor(chosen),
              token: reading.token,
              email: email || `${chosen}@${window.location.hostname}`,
              name: name || `${chosen.charAt(0).toUpperCase()}${chosen.slice(1)} (OCM Explorer)`,
              userIdToo,
            });
          }}
        >
          <SelectField label="Accept as" value={chosen} onValue={setUser}>
            {(users.length ? users : [chosen]).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Email"
            value={email}
            onValue={setEmail}
            placeholder={`${chosen}@${window.location.hostname}`}
          />
          <TextField label="Name" value={name} onValue={setName} placeholder={`${chosen} (OCM Explorer)`} />
          <CheckboxField label='Also send "userId" (Nextcloud dialect)' checked={userIdToo} onChecked={setUserIdToo} />
          <Button type="submit" variant="primary" disabled={!doc || accept.isPending}>
            {accept.isPending ? 'Accepting…' : 'Accept invite'}
          </Button>
        </form>
      ) : null}
      {accept.error ? <ErrorMessage>{accept.error.message}</ErrorMessage> : null}
      {accept.data ? (
        <div className="space-y-2">
          {explained ? (
            <div
              role="status"
              aria-label="Answer"
              className={`rounded border p-3 text-sm ${explained.tone === 'success' ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40' : 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'}`}
            >
              <p className="font-semibold">{explained.title}</p>
              <p>{explained.detail}</p>
            </div>
          ) : null}
          {answerFindings ? (
            <FindingsList findings={answerFindings} label="Answer findings" title="What the answer says, checked" />
          ) : null}
          {accept.data.built.notes.length ? (
            <ul className="list-disc pl-5 text-xs text-slate-600 dark:text-slate-400">
              {accept.data.built.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          <ExchangeView result={accept.data.result} title="POST /invite-accepted" />
        </div>
      ) : null}
    </section>
  );
}
