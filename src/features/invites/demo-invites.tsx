import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { demoInviteMutation, demoPeersQueryOptions, demoSendMutation } from '../../api/demo.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Badge, statusTone } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField } from '../../ui/field.tsx';

function usePeers() {
  const peers = useQuery(demoPeersQueryOptions()).data;
  return peers?.enabled ? peers.peers : [];
}

/** Has a demo peer create an invite, handed to the receiver panel as if pasted. */
export function DemoInviteSource({ onInvite }: { onInvite: (inviteString: string) => void }) {
  const peers = usePeers();
  const [peerId, setPeerId] = useState('');
  const create = useMutation(demoInviteMutation());
  if (!peers.length) return null;
  const peer = peerId || peers[0]!.id;
  return (
    <div className="flex flex-wrap items-end gap-2 text-sm">
      <SelectField label="Invited by a demo peer" value={peer} onValue={setPeerId}>
        {peers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <Button
        disabled={create.isPending}
        onClick={() => create.mutate(peer, { onSuccess: (invite) => onInvite(invite.inviteString) })}
      >
        Get its invite
      </Button>
      {create.data ? <span>From {create.data.sender}.</span> : null}
      {create.error ? <ErrorMessage>{create.error.message}</ErrorMessage> : null}
    </div>
  );
}

/** Has a demo peer accept one of the console's invites: it sends a signed POST /invite-accepted, in its dialect. */
export function DemoAcceptor({ token }: { token: string }) {
  const peers = usePeers();
  const [peerId, setPeerId] = useState('');
  const send = useMutation(demoSendMutation());
  if (!peers.length) return null;
  const peer = peerId || peers[0]!.id;
  const outcome = send.data;
  const sentBy = peers.find((p) => p.id === (send.variables?.peer ?? peer))?.name ?? 'The demo peer';
  return (
    <div className="space-y-1 text-sm">
      <div className="flex flex-wrap items-end gap-2">
        <SelectField label="Accept it as a demo peer" value={peer} onValue={setPeerId}>
          {peers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <Button
          disabled={send.isPending}
          onClick={() => send.mutate({ peer, kind: 'invite-accepted', to: window.location.host, token })}
        >
          Accept as this peer
        </Button>
      </div>
      {outcome ? (
        <div role="status" aria-label="Demo acceptance" className="space-y-1">
          <p className="flex flex-wrap items-center gap-2">
            {outcome.response ? (
              <>
                <Badge tone={statusTone(outcome.response.status)}>{outcome.response.status}</Badge>
                <span>
                  {sentBy} sent a signed POST /invite-accepted; this console answered {outcome.response.status}.
                </span>
              </>
            ) : (
              <>
                <Badge tone="bad">not sent</Badge>
                <span>{sentBy} could not send the acceptance.</span>
              </>
            )}
          </p>
          {outcome.request ? (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Body sent:{' '}
              <span className="font-mono break-all text-slate-900 dark:text-slate-100">{outcome.request.body}</span>
            </p>
          ) : (
            <p className="font-mono text-xs break-all">{outcome.error}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
