// Who signed a message, as its body says (draft-07 §5.1, Signing Direction Index).

/**
 * The signer's domain as the body names it: `senderDomain` (notifications), `recipientProvider` (invite
 * acceptance), `client_id` (token request), or the host of `sender` (shares) or `shareWith` (share
 * requests). Undefined when the body names none.
 */
export function signerDomainOf(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null) return undefined;
  const d = doc as Record<string, unknown>;
  for (const field of ['senderDomain', 'recipientProvider', 'client_id']) {
    if (typeof d[field] === 'string' && d[field]) return d[field];
  }
  for (const field of ['sender', 'shareWith']) {
    const address = d[field];
    if (typeof address === 'string' && address.includes('@')) return address.slice(address.lastIndexOf('@') + 1);
  }
  return undefined;
}

/** The signer's host as the keyid names it: `host#key1`, `https://host/ocm#signature` (its origin), or `host`. */
export function keyidHost(keyid: string): string {
  const beforeHash = keyid.split('#')[0]!;
  if (/^https?:\/\//i.test(beforeHash)) return new URL(beforeHash).origin;
  return beforeHash;
}
