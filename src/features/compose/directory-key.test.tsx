import { render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { es256Jws } from '../../protocol/__fixtures__/jws.ts';
import { lintText } from '../../protocol/index.ts';
import { DirectoryKeyField, findingsWithVerdict, useDirectoryVerdict } from './directory-key.tsx';

const payload = { federation: 'Lab', servers: [{ url: 'https://a.example', displayName: 'A' }] };

/** The directory kind as Compose shows it: the findings' codes, the key field and its verdict. */
function Harness({ text, initialKey }: { text: string; initialKey: string }) {
  const [key, setKey] = useState(initialKey);
  const verdict = useDirectoryVerdict(text, key, true);
  const codes = findingsWithVerdict(lintText(text, { kind: 'directory' }).findings, verdict).map((f) => f.code);
  return (
    <>
      <p aria-label="codes">{codes.join(' ')}</p>
      <DirectoryKeyField value={key} onValue={setKey} verdict={verdict} />
    </>
  );
}

describe('the federation key beside a Directory Service document', () => {
  it('verifies the JWS with the key, and the "not checked" note gives way to the verdict', async () => {
    const jws = es256Jws(payload);
    render(<Harness text={JSON.stringify(jws.flattened)} initialKey={JSON.stringify(jws.publicJwk)} />);
    expect(
      await screen.findByText('Signature verified with the federation key (ES256).', undefined, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('codes').textContent).not.toContain('directory.signature-unverified');
  });

  it("says a key that is not the signer's does not verify it, and says so", async () => {
    const jws = es256Jws(payload);
    render(<Harness text={jws.compact} initialKey={JSON.stringify(es256Jws(payload).publicJwk)} />);
    // WebCrypto under a loaded machine can take longer than findBy's default second.
    await waitFor(
      () => expect(screen.getByRole('status', { name: 'Signature' })).toHaveTextContent(/^Signature NOT verified: /),
      { timeout: 5000 },
    );
  });

  it('says why there is nothing to verify in plain JSON, and checks nothing without a key', () => {
    const { unmount } = render(<Harness text={JSON.stringify(payload)} initialKey="some key" />);
    expect(screen.getByRole('status', { name: 'Signature' })).toHaveTextContent(
      'Not verified: the document is plain JSON, not a JWS: there is no signature to check.',
    );
    unmount();
    render(<Harness text={es256Jws(payload).compact} initialKey="" />);
    expect(screen.queryByRole('status', { name: 'Signature' })).toBeNull();
    expect(screen.getByLabelText('codes').textContent).toContain('directory.signature-unverified');
  });
});
