import { useState } from 'react';
import type { ComposeResend } from '../../config/paths.ts';
import { parseCurl } from '../../contract/curl-parse.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { CheckboxField, TextArea } from '../../ui/field.tsx';

// Headers a fresh signature replaces: the signature itself, the digest it covers, and the Date a
// draft-cavage signature is checked against (a pasted one is stale by the time it is sent again).
const SIGNATURE_HEADERS = new Set(['signature', 'signature-input', 'content-digest', 'digest', 'date']);

/**
 * Starts Compose from a pasted curl command (a browser's "Copy as cURL", bash or cmd, or the console's own
 * "Copy as curl"): its method, URL, headers and body become the request to edit and send. Its signature is
 * kept as it is (sent unsigned by the console), or removed to sign anew, as the user chooses.
 */
export function PasteCurl({ onRequest }: { onRequest: (request: ComposeResend, notes: string[]) => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [signAnew, setSignAnew] = useState(true);
  const [error, setError] = useState<string>();
  if (!open)
    return (
      <Button size="compact" onClick={() => setOpen(true)}>
        Paste a curl command
      </Button>
    );
  const read = () => {
    const parsed = parseCurl(text);
    if (!parsed.ok) return setError(`Cannot read it: ${parsed.error}${parsed.where ? ` (at ${parsed.where})` : ''}.`);
    const { method, url, headers, body, notes } = parsed.request;
    if (body?.encoding === 'base64')
      return setError('Its body is binary: Compose edits text. Send it with History (Import HAR) or the command line.');
    setError(undefined);
    setOpen(false);
    const kept = signAnew ? headers.filter(([n]) => !SIGNATURE_HEADERS.has(n.toLowerCase())) : headers;
    const removed = headers.length - kept.length;
    onRequest({ method, url, headers: kept, ...(body ? { body } : {}), sign: signAnew ? 'ocm' : 'none' }, [
      ...notes,
      ...(signAnew && removed ? [`its signature headers (${removed}) were removed: it is signed anew when sent`] : []),
    ]);
  };
  return (
    <section
      aria-label="Paste a curl command"
      className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <TextArea
        label="curl command (bash or Windows cmd, as browsers copy it)"
        mono
        rows={5}
        value={text}
        onValue={setText}
        spellCheck={false}
      />
      <CheckboxField
        label="Remove its signature (Signature, Signature-Input, Content-Digest, Digest, Date) and sign it anew"
        checked={signAnew}
        onChecked={setSignAnew}
      />
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <div className="flex gap-2">
        <Button size="compact" variant="primary" disabled={!text.trim()} onClick={read}>
          Read the command
        </Button>
        <Button size="compact" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
