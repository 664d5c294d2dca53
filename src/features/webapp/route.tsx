import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { inboxRecordQueryOptions } from '../../api/webapp.ts';
import { jobRoute, paths } from '../../config/paths.ts';
import { checkAppUri, webappShareOf } from '../../protocol/webapp.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { Lab, type LabSource } from './lab.tsx';

const KEPT = 'ocm-webapp-lab-fields';
const splitList = (s: string) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function Component() {
  const job = jobRoute('webapp');
  const { recordId } = useParams();
  return (
    <Page title={job.label} tabTitle="Webapp lab" summary={job.summary}>
      {recordId ? <FromInbox recordId={recordId} /> : <ByHand />}
    </Page>
  );
}

function FromInbox({ recordId }: { recordId: string }) {
  const [params] = useSearchParams();
  const record = useQuery(inboxRecordQueryOptions(recordId));
  if (record.isPending)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Loading the received share…</p>;
  if (record.isError)
    return (record.error as { status?: number }).status === 404 ? (
      <div role="alert" className="space-y-1 text-sm text-red-800 dark:text-red-300">
        <p className="font-semibold">The Inbox has no received message &ldquo;{recordId}&rdquo;.</p>
        <p>
          The link may come from another console, or the Inbox was cleared. Open a web app share from the{' '}
          <Link className="underline" to={paths.inbox()}>
            Inbox
          </Link>
          , or{' '}
          <Link className="underline" to={paths.webapp()}>
            type one by hand
          </Link>
          .
        </p>
      </div>
    ) : (
      <ErrorMessage>{record.error.message}</ErrorMessage>
    );
  let doc: unknown;
  try {
    doc = record.data.body.encoding === 'utf8' ? JSON.parse(record.data.body.data) : undefined;
  } catch {
    doc = undefined;
  }
  const found = webappShareOf(doc);
  if (!found.ok) return <ErrorMessage>{`Received message ${recordId}: ${found.error}`}</ErrorMessage>;
  const s = found.share;
  const source: LabSource = {
    ...s,
    code: s.sharedSecret,
    recordId,
    // This page was loaded for this record: the server opened its policy to the share's app origin.
    allowedOrigin: checkAppUri(s.uri).ok ? new URL(s.uri).origin : undefined,
  };
  return <Lab source={source} room={params.has('room')} />;
}

interface Fields {
  uri: string;
  sender: string;
  code: string;
  accessToken: string;
  targets: string;
  permissions: string;
  requirements: string;
  appName: string;
  appIconHint: string;
  mediaTypes: string;
}

const EMPTY: Fields = {
  uri: '',
  sender: '',
  code: '',
  accessToken: '',
  targets: 'iframe blank',
  permissions: 'view',
  requirements: 'must-exchange-token',
  appName: '',
  appIconHint: '',
  mediaTypes: '',
};

/** Fields kept over the one reload that opens the page's policy to a typed app origin (this tab only). */
function takeKept(): Fields {
  try {
    const kept = sessionStorage.getItem(KEPT);
    sessionStorage.removeItem(KEPT);
    return kept ? { ...EMPTY, ...(JSON.parse(kept) as Partial<Fields>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

function ByHand() {
  const [params] = useSearchParams();
  const allowedOrigin = params.get('app') ?? undefined;
  const [fields, setFields] = useState<Fields>(takeKept);
  const [used, setUsed] = useState<Fields | undefined>(() => (fields.uri ? fields : undefined));
  const set = (patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch }));
  const uri = checkAppUri(fields.uri);
  const needsReload = uri.ok && uri.origin !== allowedOrigin;
  const field = (label: string, key: keyof Fields, placeholder?: string) => (
    <TextField
      mono
      label={label}
      value={fields[key]}
      onValue={(v) => set({ [key]: v })}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
    />
  );
  const source: LabSource | undefined = used && {
    uri: used.uri,
    sender: used.sender,
    code: used.code,
    ...(used.accessToken ? { accessToken: used.accessToken } : {}),
    targets: splitList(used.targets),
    permissions: splitList(used.permissions),
    requirements: splitList(used.requirements),
    ...(used.appName ? { appName: used.appName } : {}),
    ...(used.appIconHint ? { appIconHint: used.appIconHint } : {}),
    mediaTypes: splitList(used.mediaTypes),
    name: used.appName || 'web app typed by hand',
    allowedOrigin,
    // The tab comes back from a room demo's redirect to this page: the fields must survive that load.
    keep: () => sessionStorage.setItem(KEPT, JSON.stringify(used)),
  };
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Open a web app share the console received from the{' '}
        <Link className="underline" to={paths.inbox()}>
          Inbox
        </Link>{' '}
        (&ldquo;Open in the webapp lab&rdquo; on the share), or type one here.
      </p>
      <form
        aria-label="Web app share typed by hand"
        className="grid gap-3 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (needsReload) {
            // The page's policy opens frame-src and form-action to one app origin, chosen when it loads.
            sessionStorage.setItem(KEPT, JSON.stringify(fields));
            window.location.assign(`${paths.webapp()}?app=${encodeURIComponent(uri.origin)}`);
          } else setUsed(fields);
        }}
      >
        {field('App uri', 'uri', 'https://apps.example.org/viewer/…')}
        {field('Sender (OCM address or host)', 'sender', 'carol@cloud.example.org')}
        {field("Code (the share's sharedSecret)", 'code')}
        {field('Access token already obtained (optional)', 'accessToken')}
        {field('Targets', 'targets', 'iframe blank')}
        {field('Permissions', 'permissions', 'view read write share')}
        {field('Requirements', 'requirements', 'must-exchange-token')}
        {field('App name', 'appName')}
        {field('App icon hint (a media type, never fetched)', 'appIconHint', 'text/markdown')}
        {field('Media types', 'mediaTypes', 'text/markdown')}
        <div className="flex items-end gap-2 sm:col-span-2">
          <Button type="submit" variant="primary" disabled={!uri.ok}>
            {needsReload ? `Use these fields (reloads the lab for ${uri.origin})` : 'Use these fields'}
          </Button>
          {fields.uri && !uri.ok ? <ErrorMessage>{uri.error}</ErrorMessage> : null}
          {fields.uri ? null : (
            <span className="self-center text-sm text-slate-600 dark:text-slate-400">
              Fill in the app uri to open the lab.
            </span>
          )}
        </div>
      </form>
      {source ? <Lab key={JSON.stringify(used)} source={source} room={params.has('room')} /> : null}
    </div>
  );
}
