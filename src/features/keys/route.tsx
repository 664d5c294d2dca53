import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { generateKeyMutation, importKeyMutation, keysQueryOptions, rotateKeyMutation } from '../../api/keys.ts';
import { jobRoute } from '../../config/paths.ts';
import { KEY_KINDS } from '../../contract/keys.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { SelectField, TextArea, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { KeyCard } from './key-card.tsx';

type Use = 'rfc9421' | 'cavage';

function UseSelect({ value, onChange }: { value: Use; onChange: (u: Use) => void }) {
  return (
    <SelectField<Use> label="For" value={value} onValue={onChange}>
      <option value="rfc9421">RFC 9421 (published in the JWKS)</option>
      <option value="cavage">draft-cavage (the legacy publicKey)</option>
    </SelectField>
  );
}

export function Component() {
  const job = jobRoute('keys');
  const client = useQueryClient();
  const keys = useQuery(keysQueryOptions());
  const generate = useMutation(generateKeyMutation(client));
  const rotate = useMutation(rotateKeyMutation(client));
  const importKey = useMutation(importKeyMutation(client));
  const [use, setUse] = useState<Use>('rfc9421');
  const [kind, setKind] = useState<string>('ed25519');
  const [importUse, setImportUse] = useState<Use>('rfc9421');
  const [pem, setPem] = useState('');
  const [kid, setKid] = useState('');

  return (
    <Page title={job.label} summary={job.summary}>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The console signs with the active key of each kind. RFC 9421 keys are published at <code>/ocm/jwks</code> (the{' '}
        <code>jwksUri</code> of <code>/.well-known/ocm</code>); the active draft-cavage key is the legacy{' '}
        <code>publicKey</code>. Keys live in the data folder, readable only by you.
      </p>
      {keys.isError ? <ErrorMessage>{keys.error.message}</ErrorMessage> : null}
      <ul aria-label="Keys" className="space-y-2">
        {keys.data?.keys.map((k) => (
          <KeyCard key={k.kid} info={k} />
        ))}
      </ul>

      <section aria-label="New key" className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800">
        <h2 className="text-sm font-semibold">Generate or rotate</h2>
        <form
          aria-label="Generate a key"
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            generate.mutate({ use, kind: use === 'cavage' ? 'rsa-v1_5-sha256' : kind });
          }}
        >
          <UseSelect value={use} onChange={setUse} />
          {use === 'rfc9421' ? (
            <SelectField label="Algorithm" value={kind} onValue={setKind}>
              {KEY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </SelectField>
          ) : null}
          <Button type="submit" variant="primary" disabled={generate.isPending}>
            Generate
          </Button>
          <Button disabled={rotate.isPending} onClick={() => rotate.mutate(use)}>
            Rotate the active {use === 'rfc9421' ? 'RFC 9421' : 'draft-cavage'} key
          </Button>
        </form>
        {generate.isError ? <ErrorMessage>{generate.error.message}</ErrorMessage> : null}
        {rotate.isError ? <ErrorMessage>{rotate.error.message}</ErrorMessage> : null}
      </section>

      <section
        aria-label="Import a key"
        className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
      >
        <h2 className="text-sm font-semibold">Import a private key</h2>
        <form
          aria-label="Import"
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            importKey.mutate(
              { use: importUse, key: pem, ...(kid.trim() ? { kid: kid.trim() } : {}) },
              { onSuccess: () => setPem('') },
            );
          }}
        >
          <div className="flex flex-wrap items-end gap-3">
            <UseSelect value={importUse} onChange={setImportUse} />
            <TextField
              label="kid (optional)"
              className="grow"
              mono
              value={kid}
              onValue={setKid}
              placeholder="cloud.example.org#key1"
            />
          </div>
          <TextArea
            label="PEM (PKCS#8, PKCS#1, SEC1) or JWK"
            mono
            rows={5}
            value={pem}
            onValue={setPem}
            spellCheck={false}
          />
          <Button type="submit" variant="primary" disabled={importKey.isPending || !pem.trim()}>
            Import
          </Button>
        </form>
        {importKey.isError ? (
          <ErrorMessage>{importKey.error.message.replace(/^\/api\/keys\/import: /, '')}</ErrorMessage>
        ) : null}
        {importKey.isSuccess ? (
          <p className="text-sm text-emerald-700 dark:text-emerald-400">Imported {importKey.data.kid}.</p>
        ) : null}
      </section>
    </Page>
  );
}
