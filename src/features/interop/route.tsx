import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { demoInviteMutation, demoPeersQueryOptions } from '../../api/demo.ts';
import { runInteropMutation } from '../../api/interop.ts';
import type { InteropRequest } from '../../contract/interop.ts';
import { jobRoute, paths } from '../../config/paths.ts';
import { interopJson, interopMarkdown } from '../../protocol/interop/export.ts';
import { TOKEN_REQUEST_STYLES, type TokenRequestStyle } from '../../protocol/endpoints.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { CheckboxField, SelectField, TargetField, TextField } from '../../ui/field.tsx';
import { downloadText } from '../../ui/download.ts';
import { Page } from '../../ui/page.tsx';
import { InteropReportView } from './report-view.tsx';

const fileName = (target: string) => `ocm-interop-${target.replace(/[^\w.-]+/g, '_')}`;

export function Component() {
  const job = jobRoute('interop');
  const { target = '' } = useParams();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(target);
  const [shareTo, setShareTo] = useState('');
  const [invite, setInvite] = useState('');
  const [clientId, setClientId] = useState('');
  const [tokenStyle, setTokenStyle] = useState<TokenRequestStyle>('oauth-form');
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const demo = useQuery(demoPeersQueryOptions());
  const run = useMutation(runInteropMutation());
  const demoInvite = useMutation(demoInviteMutation());
  /** The invite a demo peer last handed out here: used up by the run that accepted it, so never sent twice. */
  const [handedOut, setHandedOut] = useState('');
  const report = run.data;

  /**
   * `demoUser`: for a demo peer, whom to share with when no address is given, so the share step runs too;
   * `demoInviteString`: an invite the demo peer just handed out, accepted when no invite is given.
   */
  const start = (t: string, demoUser?: string, demoInviteString?: string) => {
    const trimmed = t.trim();
    if (!trimmed) return;
    setDraft(trimmed);
    if (trimmed !== target) navigate(paths.interop(trimmed));
    const input: InteropRequest = { target: trimmed, tokenStyle };
    const to = shareTo.trim() || demoUser || '';
    if (to !== shareTo) setShareTo(to);
    if (to) input.shareTo = to;
    const toAccept = demoInviteString ?? invite.trim();
    if (toAccept) input.invite = toAccept;
    if (clientId.trim()) input.clientId = clientId.trim();
    run.mutate(input);
  };

  /** A demo peer runs the full report: it hands out an invite for the console to accept, unless one is given. */
  const startDemo = (peer: { id: string; origin: string; users: readonly string[] }) => {
    const given = invite.trim();
    if (given && given !== handedOut) return start(peer.origin, peer.users[0]);
    demoInvite.mutate(peer.id, {
      onSuccess: ({ inviteString }) => {
        setInvite(inviteString);
        setHandedOut(inviteString);
        start(peer.origin, peer.users[0], inviteString);
      },
      // Without an invite the rest of the report still runs; the invite step then says it was not given.
      onError: () => start(peer.origin, peer.users[0], ''),
    });
  };

  return (
    <Page title={job.label} summary={job.summary}>
      <form
        aria-label="Interop report of a peer"
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          start(draft);
        }}
      >
        <div className="flex flex-wrap items-end gap-3">
          <TargetField
            label="Peer (host, URL or OCM address)"
            value={draft}
            onValue={setDraft}
            placeholder="cloud.example.org"
          />
          <Button type="submit" variant="primary" disabled={run.isPending || !draft.trim()}>
            {run.isPending ? 'Running…' : 'Run the interop report'}
          </Button>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label="Share with (an address at the peer, optional)"
            className="grow"
            mono
            spellCheck={false}
            value={shareTo}
            onValue={setShareTo}
            placeholder="einstein@cloud.example.org"
          />
          <TextField
            label="Invite to accept (string or link the peer handed out, optional)"
            className="grow"
            mono
            spellCheck={false}
            value={invite}
            onValue={setInvite}
          />
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <TextField
            label="Token request client_id (optional)"
            mono
            spellCheck={false}
            value={clientId}
            onValue={setClientId}
            placeholder="this console's host"
          />
          <SelectField<TokenRequestStyle> label="Token request form" value={tokenStyle} onValue={setTokenStyle}>
            {(Object.keys(TOKEN_REQUEST_STYLES) as TokenRequestStyle[]).map((s) => (
              <option key={s} value={s}>
                {TOKEN_REQUEST_STYLES[s]}
              </option>
            ))}
          </SelectField>
        </div>
      </form>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The report reads the peer's discovery and runs the check, shares a small file with the address given, accepts
        the invite given, and looks at what the peer sent this console: its newest share (whose code it exchanges and
        whose file it reads) and its newest acceptance of one of this console's invites. Have the peer do those first
        for a full report.
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {demo.data?.peers.length ? (
          <span className="text-slate-600 dark:text-slate-400">
            Run it with a demo peer (shares with its first user unless you gave an address, and accepts an invite the
            peer hands out unless you gave one):
          </span>
        ) : null}
        {demo.data?.peers.map((p) => (
          <Button
            key={p.id}
            size="compact"
            disabled={run.isPending || demoInvite.isPending}
            onClick={() => startDemo(p)}
          >
            {p.name}
          </Button>
        ))}
      </div>
      {demoInvite.isError ? (
        <ErrorMessage>The demo peer handed out no invite: {demoInvite.error.message}</ErrorMessage>
      ) : null}
      {run.isError ? <ErrorMessage>{run.error.message}</ErrorMessage> : null}
      {report ? (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <Button
              onClick={() =>
                downloadText(
                  `${fileName(report.target)}.json`,
                  'application/json',
                  interopJson(report, { includeSecrets }),
                )
              }
            >
              Download JSON
            </Button>
            <Button
              onClick={() =>
                downloadText(
                  `${fileName(report.target)}.md`,
                  'text/markdown',
                  interopMarkdown(report, { includeSecrets }),
                )
              }
            >
              Download Markdown
            </Button>
            <CheckboxField
              label="Include secrets in exports (signatures, codes, tokens, shared secrets)"
              checked={includeSecrets}
              onChecked={setIncludeSecrets}
            />
          </div>
          <InteropReportView report={report} />
        </>
      ) : null}
    </Page>
  );
}
