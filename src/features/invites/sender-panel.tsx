import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { inboxRecordsQueryOptions, useInboxStream } from '../../api/inbox.ts';
import { createInviteMutation, invitesQueryOptions } from '../../api/invites.ts';
import { queryKeys } from '../../api/query-keys.ts';
import type { SentInviteView } from '../../contract/invites.ts';
import { paths } from '../../config/paths.ts';
import { Alert, ErrorMessage } from '../../ui/alert.tsx';
import { Badge, type Tone } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField } from '../../ui/field.tsx';
import { CopyField } from './copy-field.tsx';
import { DemoAcceptor } from './demo-invites.tsx';

const TONE: Record<SentInviteView['state'], Tone> = { open: 'info', accepted: 'good', expired: 'neutral' };

function InviteState({ invite }: { invite: SentInviteView }) {
  if (invite.state === 'accepted' && invite.accepted)
    return (
      <span className="text-sm">
        <Badge tone="good">accepted</Badge> by {invite.accepted.name} ({invite.accepted.userID}@
        {invite.accepted.recipientProvider}) on {new Date(invite.accepted.at).toLocaleString()}
      </span>
    );
  return (
    <span className="text-sm">
      <Badge tone={TONE[invite.state]}>{invite.state}</Badge> {invite.state === 'open' ? 'until' : 'since'}{' '}
      {new Date(invite.expiresAt).toLocaleString()}
    </span>
  );
}

/** The invite to hand out: its string, its WAYF link and a QR code of the link. */
function InviteCard({ invite }: { invite: SentInviteView }) {
  return (
    <section
      aria-label="Invite to hand out"
      className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold">Invite from {invite.user}</h3>
        <InviteState invite={invite} />
      </div>
      <div className="flex flex-wrap gap-4">
        <div className="min-w-0 flex-1 space-y-3">
          <CopyField label="Invite string" value={invite.inviteString} />
          <CopyField label="Invite link" value={invite.link} />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            The string is base64url of <code>token@provider</code> without padding; the link opens this console&apos;s
            WAYF page, where the invitee picks their provider. Token: <code className="break-all">{invite.token}</code>
          </p>
        </div>
        <figure className="shrink-0 space-y-1 rounded bg-white p-2">
          <QRCodeSVG value={invite.link} size={160} marginSize={2} title={`QR code of ${invite.link}`} role="img" />
          <figcaption className="text-center text-xs text-slate-600">QR code of the link</figcaption>
        </figure>
      </div>
      <DemoAcceptor key={invite.token} token={invite.token} />
    </section>
  );
}

/**
 * The console as Invite Sender: create an invite for one of its users, hand out its string, link or QR code,
 * and see each invite's state, live (an acceptance arrives on the inbox stream).
 */
export function SenderPanel() {
  const client = useQueryClient();
  const invites = useQuery(invitesQueryOptions());
  const create = useMutation(createInviteMutation(client));
  const [user, setUser] = useState('');
  const [shown, setShown] = useState<string>();
  useInboxStream();
  const inbox = useQuery(inboxRecordsQueryOptions());
  const acceptances = (inbox.data?.records ?? []).filter(
    (r) => r.endpoint === 'invite-accepted' && r.stage !== 'received',
  ).length;
  useEffect(() => {
    if (acceptances) void client.invalidateQueries({ queryKey: queryKeys.invites.list() });
  }, [acceptances, client]);

  const users = invites.data?.users ?? [];
  const chosen = user || users[0] || '';
  const list = invites.data?.invites ?? [];
  const current =
    list.find((i) => i.token === shown) ?? (create.data ? list.find((i) => i.token === create.data.token) : undefined);

  return (
    <section aria-labelledby="invite-sender" className="space-y-4">
      <h2 id="invite-sender" className="text-lg font-semibold">
        Invite someone
      </h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ user: chosen }, { onSuccess: (invite) => setShown(invite.token) });
        }}
      >
        <SelectField label="Invite from" value={chosen} onValue={setUser} disabled={!users.length}>
          {users.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" disabled={!chosen || create.isPending}>
          {create.isPending ? 'Creating…' : 'Create invite'}
        </Button>
      </form>
      {create.error ? <ErrorMessage>{create.error.message}</ErrorMessage> : null}
      {invites.error ? <ErrorMessage>{invites.error.message}</ErrorMessage> : null}
      {invites.data?.unreadable ? (
        <Alert title="Some invites could not be read">
          <p>
            {invites.data.unreadable.count} entr{invites.data.unreadable.count === 1 ? 'y' : 'ies'} of{' '}
            {invites.data.unreadable.file} could not be read and are kept as they are (
            {invites.data.unreadable.firstError}).
          </p>
        </Alert>
      ) : null}
      {current ? <InviteCard invite={current} /> : null}
      <section aria-label="Invites created here" className="space-y-2">
        <h3 className="text-sm font-semibold">Invites created here</h3>
        {list.length ? (
          <ul className="divide-y divide-slate-200 rounded border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {list.map((invite) => (
              <li
                key={invite.token}
                aria-label={`Invite ${invite.token}`}
                className="flex flex-wrap items-center gap-2 p-2"
              >
                <span className="font-mono text-xs">{invite.token.slice(0, 8)}…</span>
                <span className="text-sm">from {invite.user}</span>
                <InviteState invite={invite} />
                <span className="grow" />
                {invite.state === 'accepted' ? (
                  <Link className="text-sm underline" to={paths.inbox()}>
                    See the call in the Inbox
                  </Link>
                ) : null}
                <Button
                  size="compact"
                  onClick={() => setShown(invite.token)}
                  aria-pressed={current?.token === invite.token}
                >
                  Show
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">No invites yet.</p>
        )}
      </section>
    </section>
  );
}
