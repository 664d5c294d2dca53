import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { healthQueryOptions } from '../../api/health.ts';
import { useState } from 'react';
import { deleteKeyMutation, exportKeyMutation } from '../../api/keys.ts';
import type { KeyInfo } from '../../contract/keys.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';

/** One key: what it is, where it is published, and the careful actions (delete, export private). */
export function KeyCard({ info }: { info: KeyInfo }) {
  const client = useQueryClient();
  const remove = useMutation(deleteKeyMutation(client));
  const exported = useMutation(exportKeyMutation());
  const [confirming, setConfirming] = useState(false);
  // A public console never hands out a private key (the server refuses); say so instead of offering it.
  const isPublic = useQuery(healthQueryOptions()).data?.mode === 'public';
  return (
    <li aria-label={`Key ${info.kid}`} className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <code className="font-mono text-xs break-all">{info.kid}</code>
        <Badge tone="info">{info.use === 'rfc9421' ? 'RFC 9421' : 'draft-cavage'}</Badge>
        {info.active ? <Badge tone="good">active: signs</Badge> : <Badge>published, not signing</Badge>}
        <span className="text-slate-600 dark:text-slate-400">
          {info.kty}
          {info.crv ? ` ${info.crv}` : ''} · {info.alg ?? 'no alg'} · created{' '}
          {new Date(info.createdAt).toLocaleString()}
        </span>
      </p>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        RFC 7638 thumbprint <code>{info.thumbprint}</code>
      </p>
      <details>
        <summary className="cursor-pointer text-sm">Public key</summary>
        <pre
          aria-label={`Public JWK of ${info.kid}`}
          className="mt-1 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900"
        >
          {JSON.stringify(info.publicJwk, null, 2)}
        </pre>
        {info.publicKeyPem ? (
          <pre className="mt-1 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-900">
            {info.publicKeyPem}
          </pre>
        ) : null}
      </details>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="compact" onClick={() => remove.mutate(info.kid)} disabled={remove.isPending}>
          Delete
        </Button>
        {isPublic ? (
          <span className="text-sm text-slate-600 dark:text-slate-400">
            A public console never exports private keys.
          </span>
        ) : confirming ? (
          <span className="flex flex-wrap items-center gap-2 text-sm">
            The private key will be shown on this page. Anyone who sees it can sign as this console.
            <Button
              variant="danger"
              size="compact"
              onClick={() => exported.mutate(info.kid, { onSettled: () => setConfirming(false) })}
            >
              Show the private key
            </Button>
            <Button size="compact" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </span>
        ) : (
          <Button size="compact" onClick={() => setConfirming(true)}>
            Export private key…
          </Button>
        )}
      </div>
      {remove.isError ? <ErrorMessage>{remove.error.message.replace(/^\/api\/keys\/[^:]+: /, '')}</ErrorMessage> : null}
      {exported.isError ? <ErrorMessage>{exported.error.message}</ErrorMessage> : null}
      {exported.data ? (
        <pre
          aria-label={`Private key of ${info.kid}`}
          className="overflow-auto rounded border border-red-300 bg-red-50 p-2 font-mono text-xs dark:border-red-800 dark:bg-red-950"
        >
          {exported.data.privateKeyPem}
        </pre>
      ) : null}
    </li>
  );
}
