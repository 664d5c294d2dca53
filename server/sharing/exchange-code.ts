import type { Verification } from '../../src/contract/inbound.ts';
import type { ShareStore } from './share-store.ts';

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
    const { token, expiresIn } = shares.issueToken(share.id);
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: expiresIn } };
  };
}
