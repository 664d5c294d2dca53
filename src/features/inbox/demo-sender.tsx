import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { demoFaultsMutation, demoPeersQueryOptions, demoSendMutation, type DemoSendInput } from '../../api/demo.ts';
import { healthQueryOptions } from '../../api/health.ts';
import type { DemoFaults, DemoPeer } from '../../contract/demo.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Badge, statusTone } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { CheckboxField, SelectField, TargetField } from '../../ui/field.tsx';

const FAULTS: { key: Exclude<keyof DemoFaults, 'slowMs'>; label: string }[] = [
  { key: 'wrongDigest', label: 'wrong digest' },
  { key: 'staleCreated', label: 'stale created / Date' },
  { key: 'unknownKeyid', label: 'unknown keyid' },
  { key: 'serverError', label: 'answer 500' },
  { key: 'webappXfoDeny', label: 'web app: X-Frame-Options DENY' },
  { key: 'webappNoFraming', label: "web app: frame-ancestors 'none'" },
  { key: 'webappShortToken', label: 'web app: 10 s tokens' },
  { key: 'webappRefuseFramed', label: 'web app: refuse to run framed' },
  { key: 'webappRejectToken', label: 'web app: reject the token' },
];

function FaultSwitches({ peer }: { peer: DemoPeer }) {
  const client = useQueryClient();
  const set = useMutation(demoFaultsMutation(client));
  // The state asked for shows at once (a controlled checkbox would otherwise snap back until the peer answers).
  const [asked, setAsked] = useState<Partial<DemoFaults>>({});
  const toggle = (key: keyof DemoFaults, on: boolean) => {
    setAsked((a) => ({ ...a, [key]: on }));
    set.mutate(
      { peer: peer.id, faults: { [key]: on } },
      {
        onSettled: () =>
          setAsked((a) => {
            const rest = { ...a };
            delete rest[key];
            return rest;
          }),
      },
    );
  };
  return (
    <fieldset className="flex flex-wrap items-center gap-3 text-sm">
      <legend className="sr-only">Faults of {peer.name}</legend>
      <span className="text-slate-600 dark:text-slate-400">Faults:</span>
      {FAULTS.map(({ key, label }) => (
        <CheckboxField
          key={key}
          label={label}
          checked={(asked[key] as boolean | undefined) ?? peer.faults[key]}
          onChecked={(on) => toggle(key, on)}
        />
      ))}
    </fieldset>
  );
}

type NoticeType = 'SHARE_ACCEPTED' | 'SHARE_UNSHARED' | 'SHARE_CHANGE_PERMISSION';

/** Makes an embedded demo peer send a real, signed OCM call to an address (by default this console's alice). */
export function DemoSender({ defaultRecipient }: { defaultRecipient?: string }) {
  const peers = useQuery(demoPeersQueryOptions());
  const publicMode = useQuery(healthQueryOptions()).data?.mode === 'public';
  const send = useMutation(demoSendMutation());
  const [peerId, setPeerId] = useState<string>();
  const [kind, setKind] = useState<DemoSendInput['kind']>('share');
  const [protocol, setProtocol] = useState<'webdav' | 'webapp'>('webdav');
  const [notificationType, setNotificationType] = useState<NoticeType>('SHARE_ACCEPTED');
  const [to, setTo] = useState<string>();

  if (peers.isError) return <ErrorMessage>{peers.error.message}</ErrorMessage>;
  if (!peers.data) return null;
  if (!peers.data.enabled || peers.data.peers.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {publicMode
          ? 'A public console runs no demo peers (they would send wherever a visitor tells them): have a real OCM server send to this one.'
          : 'The demo mesh is off (started with --no-demo).'}
      </p>
    );
  }
  const peer = peers.data.peers.find((p) => p.id === peerId) ?? peers.data.peers[0]!;
  const recipient = to ?? defaultRecipient ?? '';
  const outcome = send.data;

  return (
    <div className="space-y-3">
      <form
        aria-label="Send from a demo peer"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate({
            peer: peer.id,
            kind,
            to: recipient,
            ...(kind === 'share' ? { protocol } : {}),
            ...(kind === 'notification' ? { notificationType } : {}),
          });
        }}
      >
        <SelectField label="From" value={peer.id} onValue={setPeerId}>
          {peers.data.peers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField<DemoSendInput['kind']> label="Message" value={kind} onValue={setKind}>
          <option value="share">share</option>
          <option value="notification">notification</option>
          <option value="request-share">share request (REQUEST_SHARE)</option>
        </SelectField>
        {kind === 'share' ? (
          <SelectField<'webdav' | 'webapp'> label="Protocol" value={protocol} onValue={setProtocol}>
            <option value="webdav">webdav</option>
            <option value="webapp">webapp</option>
          </SelectField>
        ) : null}
        {kind === 'notification' ? (
          <SelectField<NoticeType> label="Type" value={notificationType} onValue={setNotificationType}>
            <option value="SHARE_ACCEPTED">SHARE_ACCEPTED</option>
            <option value="SHARE_UNSHARED">SHARE_UNSHARED (its last share to you)</option>
            <option value="SHARE_CHANGE_PERMISSION">SHARE_CHANGE_PERMISSION (its last share to you)</option>
          </SelectField>
        ) : null}
        <TargetField label="To" value={recipient} onValue={setTo} placeholder="user@host:port" />
        <Button type="submit" variant="primary" disabled={send.isPending || !recipient}>
          {send.isPending ? 'Sending…' : 'Send'}
        </Button>
      </form>
      <FaultSwitches key={peer.id} peer={peer} />
      {outcome ? (
        <p role="status" aria-label="Demo send result" className="flex flex-wrap items-center gap-2 text-sm">
          {outcome.response ? (
            <Badge tone={statusTone(outcome.response.status)}>{outcome.response.status}</Badge>
          ) : (
            <Badge tone="bad">not sent</Badge>
          )}
          <span>
            {outcome.response
              ? `${outcome.request?.method} ${outcome.request?.url} answered ${outcome.response.status}${outcome.response.body ? `: ${outcome.response.body.slice(0, 200)}` : ''}`
              : outcome.error}
          </span>
        </p>
      ) : null}
    </div>
  );
}
