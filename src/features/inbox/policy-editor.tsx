import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { setInboxPolicyMutation } from '../../api/inbox.ts';
import {
  INBOUND_ENDPOINTS,
  type InboundEndpoint,
  type InboxPolicies,
  type InboxPolicy,
} from '../../contract/inbound.ts';

const input = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';

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
      policy: mode === 'spec' ? { mode, delayMs } : { mode, status: Number(status), contentType, body, delayMs },
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
        <label className="text-sm">
          Answer{' '}
          <select className={input} value={mode} onChange={(e) => setMode(e.target.value as InboxPolicy['mode'])}>
            <option value="spec">as the spec says</option>
            <option value="custom">with a custom answer</option>
          </select>
        </label>
        <label className="text-sm">
          Delay (ms){' '}
          <input
            className={`${input} w-24`}
            type="number"
            min={0}
            max={60000}
            value={delay}
            onChange={(e) => setDelay(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="rounded bg-slate-900 px-3 py-1 text-sm text-white dark:bg-slate-100 dark:text-slate-900"
          disabled={save.isPending}
        >
          Save
        </button>
        {save.isSuccess ? <span className="text-xs text-emerald-700 dark:text-emerald-400">Saved.</span> : null}
        {save.isError ? (
          <span role="alert" className="text-xs text-red-700 dark:text-red-400">
            {save.error.message}
          </span>
        ) : null}
      </div>
      {mode === 'custom' ? (
        <div className="flex flex-wrap items-start gap-3 pl-32">
          <label className="text-sm">
            Status{' '}
            <input
              className={`${input} w-20`}
              type="number"
              min={100}
              max={599}
              value={status}
              onChange={(e) => setStatus(e.target.value)}
            />
          </label>
          <label className="text-sm">
            Content-Type{' '}
            <input className={`${input} w-48`} value={contentType} onChange={(e) => setContentType(e.target.value)} />
          </label>
          <label className="flex grow flex-col text-sm">
            Body
            <textarea
              className={`${input} font-mono`}
              rows={2}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </label>
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
