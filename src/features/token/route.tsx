import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { inboxSnapshotQueryOptions } from '../../api/inbox.ts';
import { jobRoute, paths } from '../../config/paths.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { CheckboxField, SelectField, TargetField, TextField } from '../../ui/field.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';
import { Page } from '../../ui/page.tsx';
import { runCodeFlow, type FlowInput, type FlowStep } from './code-flow.ts';
import { TOKEN_REQUEST_STYLES, type TokenRequestStyle } from '../../protocol/endpoints.ts';
import { receivedShares, type ReceivedShare } from './received-shares.ts';

/** The fields of the flow take identifiers and secrets typed as they are. */
function Field(props: { label: string; value: string; onValue: (v: string) => void; placeholder?: string }) {
  return <TextField mono autoComplete="off" spellCheck={false} {...props} />;
}

/** What a received share fills in on this page. */
function flowFieldsOf(share: ReceivedShare): Partial<FlowInput> {
  return { sender: share.sender, code: share.code, uri: share.uri ?? '', webapp: share.protocol === 'webapp' };
}

export function Component() {
  const job = jobRoute('token');
  const shares = useQuery({ ...inboxSnapshotQueryOptions(), select: (r) => receivedShares(r.records) });
  const [form, setForm] = useState<FlowInput>({
    sender: '',
    code: '',
    uri: '',
    clientId: window.location.host,
    sign: 'ocm',
    tokenStyle: 'oauth-form',
  });
  const [steps, setSteps] = useState<FlowStep[]>([]);
  const flow = useMutation({ mutationFn: (values: FlowInput) => runCodeFlow(values, setSteps) });
  const set = (patch: Partial<FlowInput>) => setForm((f) => ({ ...f, ...patch }));
  const [picked, setPicked] = useState<ReceivedShare | undefined>();
  // Every way in (a pick below, the Inbox's "Exchange the code") reads the share the same way: a web app's
  // uri is opened by the browser, never PROPFIND.
  const pick = (share: ReceivedShare) => {
    setPicked(share);
    set(flowFieldsOf(share));
  };
  const usable = (shares.data ?? []).filter((s) => s.protocol !== 'legacy');
  // Opened from the Inbox ("Exchange the code"): fill in the share it names, once (set while rendering).
  const [params] = useSearchParams();
  const wanted = params.get('share');
  const [filledFrom, setFilledFrom] = useState<string>();
  const named = wanted ? usable.find((s) => s.recordId === wanted) : undefined;
  if (named && filledFrom !== named.recordId) {
    setFilledFrom(named.recordId);
    setPicked(named);
    setForm((f) => ({ ...f, ...flowFieldsOf(named) }));
  }

  return (
    <Page title={job.label} summary={job.summary}>
      <section aria-label="Shares received" className="space-y-2">
        <h2 className="text-sm font-semibold">Start from a share this console received</h2>
        {shares.isError ? <ErrorMessage>{shares.error.message}</ErrorMessage> : null}
        {shares.data && usable.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No share with a code yet. Have a demo peer send one from the Inbox page, or fill in the fields below by
            hand.
          </p>
        ) : null}
        <ul className="space-y-1">
          {usable.slice(0, 8).map((s) => (
            <li key={`${s.recordId}-${s.protocol}`}>
              <button
                type="button"
                onClick={() => pick(s)}
                className="flex w-full flex-wrap items-center gap-2 rounded border border-slate-200 px-3 py-1.5 text-left text-sm hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
              >
                <span className="font-medium">{s.name}</span>
                <span className="text-slate-600 dark:text-slate-400">from {s.sender}</span>
                <Badge>{s.protocol}</Badge>
                {s.mustExchangeToken ? <Badge tone="info">must-exchange-token</Badge> : null}
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {new Date(s.receivedAt).toLocaleTimeString()}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <form
        aria-label="Code flow"
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          setSteps([]);
          flow.mutate(form);
        }}
      >
        <TargetField
          label="Sender (OCM address or host)"
          className=""
          value={form.sender}
          onValue={(v) => set({ sender: v })}
          placeholder="carol@cloud.example.org"
        />
        <Field label="Code (the share's sharedSecret)" value={form.code} onValue={(v) => set({ code: v })} />
        <Field
          label="Resource URI"
          value={form.uri}
          onValue={(v) => set({ uri: v })}
          placeholder="https://cloud.example.org/remote/dav/ocm/…"
        />
        <Field label="client_id (this console's host)" value={form.clientId} onValue={(v) => set({ clientId: v })} />
        <SelectField<FlowInput['sign']>
          label="Sign the token request"
          value={form.sign}
          onValue={(sign) => set({ sign })}
        >
          <option value="ocm">RFC 9421 (OCM profile)</option>
          <option value="cavage">draft-cavage (Nextcloud)</option>
          <option value="cavage-stub">draft-cavage (OCM-stub variant: bare-host keyId, values only)</option>
          <option value="none">not signed</option>
        </SelectField>
        <SelectField<TokenRequestStyle>
          label="Token request form"
          value={form.tokenStyle ?? 'oauth-form'}
          onValue={(tokenStyle) => set({ tokenStyle })}
        >
          {Object.entries(TOKEN_REQUEST_STYLES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <div className="flex items-end">
          <Button type="submit" variant="primary" disabled={flow.isPending || !form.sender || !form.code}>
            {flow.isPending ? 'Running…' : 'Exchange the code and open the resource'}
          </Button>
        </div>
        <div className="sm:col-span-2">
          <CheckboxField
            label="The uri is a web app (exchange only; the browser opens it with a POSTed form)"
            checked={!!form.webapp}
            onChecked={(webapp) => set({ webapp })}
          />
        </div>
      </form>
      {flow.isError ? <ErrorMessage>{flow.error.message}</ErrorMessage> : null}
      {form.webapp && picked?.protocol === 'webapp' && picked.code === form.code ? (
        <p className="text-sm">
          {/* A full page load: the lab's page gets a policy that lets it frame and POST to this share's app. */}
          <a className="underline" href={paths.webapp(picked.recordId)}>
            Open in the webapp lab
          </a>{' '}
          <span className="text-slate-600 dark:text-slate-400">
            (iframe, popup or redirect, with the token POSTed in a form)
          </span>
        </p>
      ) : null}

      {steps.length ? (
        <ol aria-label="Code flow steps" className="space-y-3">
          {steps.map((step, i) => (
            <li key={i} className="space-y-2">
              <p className="flex items-center gap-2 text-sm">
                <Badge tone={step.ok ? 'good' : 'bad'}>{step.ok ? 'ok' : 'stopped'}</Badge>
                <span className="font-medium">{step.title}</span>
                <span>{step.summary}</span>
              </p>
              {step.result ? <ExchangeView result={step.result} title={step.title} /> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </Page>
  );
}
