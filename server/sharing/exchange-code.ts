import type { Verification } from '../../src/contract/inbound.ts';
import { addressAuthority, keyidHost, parseOcmAddress, signerDomainOf } from '../../src/protocol/index.ts';
import type { ShareStore } from './share-store.ts';

/** host[:port], lower-cased, of a domain as a body or a keyid names it (a bare authority, or a URL's origin). */
function authorityOf(domain: string): string {
  return (/^https?:\/\//i.test(domain) ? new URL(domain).host : domain).toLowerCase();
}

/**
 * Whether a verified token request comes from the server the share was sent to. The signature was checked against
 * the discovery of the body's client_id or, failing that, of the keyid's host, so both must name shareWith's server:
 * then whichever supplied the key, the signer is the receiver.
 */
function signedByReceiver(shareWith: string, form: Record<string, unknown>, verification: Verification): string | true {
  const parsed = parseOcmAddress(shareWith);
  if (!parsed.ok) return `the share's receiver (${shareWith}) is not an OCM address`;
  const receiver = addressAuthority(parsed.address);
  const named = signerDomainOf(form);
  const keyHost = verification.keyid ? keyidHost(verification.keyid) : undefined;
  for (const domain of [named, keyHost]) {
    let authority: string | undefined;
    try {
      authority = domain ? authorityOf(domain) : undefined;
    } catch {
      authority = undefined;
    }
    if (authority !== receiver)
      return `the code was issued to ${receiver}, and this request was signed for ${domain ?? 'no named server'}`;
  }
  return true;
}

/** The token endpoint's answer for a code that belongs to one of the console's shares (§6). */
export function exchangeCodeWith(shares: ShareStore) {
  return (form: Record<string, unknown>, verification: Verification): { status: number; body: unknown } | undefined => {
    if (form.grant_type !== 'authorization_code' || typeof form.code !== 'string' || typeof form.client_id !== 'string')
      return undefined;
    const share = shares.byCode(form.code);
    if (!share) return undefined;
    if (share.mustExchangeToken && verification.status !== 'verified') {
      return {
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: `The token request must be signed by the receiving server (${verification.summary})`,
        },
      };
    }
    // A valid signature proves who signed, not that they may have the token: only the share's receiver may.
    const receiver = share.mustExchangeToken ? signedByReceiver(share.shareWith, form, verification) : true;
    if (receiver !== true) {
      return {
        status: 400,
        body: {
          error: 'invalid_grant',
          error_description: `Only the share's receiver may exchange this code: ${receiver}.`,
        },
      };
    }
    const { token, expiresIn } = shares.issueToken(share.id);
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: expiresIn } };
  };
}
