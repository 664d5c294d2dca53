import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { setInboxPolicyMutation } from '../../api/inbox.ts';
import {
  INBOUND_ENDPOINTS,
  type InboundEndpoint,
  type InboxPolicies,
  type InboxPolicy,
} from '../../contract/inbound.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextArea, TextField } from '../../ui/field.tsx';

function PolicyRow({ endpoint, policy }: { endpoint: InboundEndpoint; policy: InboxPolicy }) {
  const client = useQueryClient();
  const save = useMutation(setInboxPolicyMutation(client));
  const [mode, setMode] = useState(policy.mode);
  const [status, setStatus] = useState(policy.mode === 'custom' ? String(policy.status) : '503');
  const [body, setBody] = useState(policy.mode === 'custom' ? policy.body : '{"message": "SERVICE_UNAVAILABLE"}');
  const [contentType, setContentType] = useState(policy.mode === 'custom' ? policy.contentType : 'application/json');
  const [delay, setDelay] = useState(String(policy.delayMs ?? 0));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const delayMs = Number(delay) || 0;
    save.mutate({
      endpoint,
      policy: mode === 'custom' ? { mode, status: Number(status), contentType, body, delayMs } : { mode, delayMs },
    });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={`Answer policy for ${endpoint}`}
      className="space-y-2 border-b border-slate-100 py-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-3">
        <span className="w-32 font-mono text-sm">/ocm/{endpoint === 'other' ? '*' : endpoint}</span>
        <SelectField<InboxPolicy['mode']> label="Answer" inline value={mode} onValue={setMode}>
          <option value="spec">as the spec says</option>
          <option value="lenient">leniently (201 even when the signature fails)</option>
          <option value="custom">with a custom answer</option>
        </SelectField>
        <TextField
          label="Delay (ms)"
          inline
          controlClassName="w-24"
          type="number"
          min={0}
          max={60000}
          value={delay}
          onValue={setDelay}
        />
        <Button type="submit" variant="primary" disabled={save.isPending}>
          Save
        </Button>
        {save.isSuccess ? <span className="text-xs text-emerald-700 dark:text-emerald-400">Saved.</span> : null}
        {save.isError ? <ErrorMessage>{save.error.message}</ErrorMessage> : null}
      </div>
      {mode === 'custom' ? (
        <div className="flex flex-wrap items-start gap-3 pl-32">
          <TextField
            label="Status"
            inline
            controlClassName="w-20"
            type="number"
            min={100}
            max={599}
            value={status}
            onValue={setStatus}
          />
          <TextField label="Content-Type" inline controlClassName="w-48" value={contentType} onValue={setContentType} />
          <TextArea label="Body" className="grow" mono rows={2} value={body} onValue={setBody} />
        </div>
      ) : null}
    </form>
  );
}

/** Per-endpoint answers, to test how a sending server handles errors and slow receivers. */
export function PolicyEditor({ policies }: { policies: InboxPolicies }) {
  return (
    <div>
      {INBOUND_ENDPOINTS.map((endpoint) => (
        <PolicyRow key={endpoint} endpoint={endpoint} policy={policies[endpoint] ?? { mode: 'spec' }} />
      ))}
    </div>
  );
}
