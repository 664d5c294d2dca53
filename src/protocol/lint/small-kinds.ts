import { atLeast } from '../versions.ts';
import { OAUTH_ERRORS, OCM_TOKEN_ERRORS, includes } from '../vocabulary.ts';
import { checkAddressFields } from './addresses.ts';
import type { CheckContext } from './context.ts';
import { isRecord, quote } from './util.ts';

/** A bare host[:port]: no scheme, path or "@". */
const isFqdn = (value: string) =>
  /^[a-z0-9.-]+(?::\d{1,5})?$/i.test(value) || /^\[[0-9a-f:.]+\](?::\d{1,5})?$/i.test(value);

export function checkInviteAccepted(ctx: CheckContext): void {
  const { doc } = ctx;
  if (typeof doc.recipientProvider === 'string' && doc.recipientProvider && !isFqdn(doc.recipientProvider))
    ctx.report(
      'invite.recipient-provider',
      '/recipientProvider',
      `recipientProvider should be the receiver server's FQDN; got ${quote(doc.recipientProvider)}.`,
      { hint: `e.g. "${doc.recipientProvider.replace(/^https?:\/\//i, '').replace(/\/.*$/, '')}"` },
    );
  if (typeof doc.email === 'string' && !/^[^@\s]+@[^@\s]+$/.test(doc.email))
    ctx.report('invite.email', '/email', `email ${quote(doc.email)} does not look like an e-mail address.`);
}

/** The 200 answer to /invite-accepted: the Invite Sender's userID, email and name. */
export function checkInviteResponse(ctx: CheckContext): void {
  const { doc } = ctx;
  if (typeof doc.email === 'string' && !/^[^@\s]+@[^@\s]+$/.test(doc.email))
    ctx.report(
      'invite.email',
      '/email',
      doc.email === ''
        ? 'email is empty: the draft requires the field, though only as information for the address book.'
        : `email ${quote(doc.email)} does not look like an e-mail address.`,
      doc.email === '' ? { severity: 'info', section: 'invite-response' } : { section: 'invite-response' },
    );
  if (typeof doc.name === 'string' && doc.name.trim() === '')
    ctx.report(
      'invite-response.name',
      '/name',
      "name is empty: the Invite Receiver's server shows it as the new contact in its address book.",
    );
  const echoed = ['token', 'recipientProvider'].filter((k) => k in doc);
  if (echoed.length)
    ctx.report(
      'invite-response.request-echoed',
      `/${echoed[0]}`,
      `The answer carries ${echoed.join(' and ')}, fields of the request: the 200 answer describes the Invite Sender (userID, email, name), not the invite.`,
    );
}

export function checkTokenRequest(ctx: CheckContext): void {
  const { doc } = ctx;
  if (doc.grant_type === 'ocm_authorization_code')
    ctx.report(
      'token.grant-type-legacy',
      '/grant_type',
      'grant_type "ocm_authorization_code" is the 1.2-era value; draft-07 uses the standard "authorization_code", and current servers answer unsupported_grant_type to the old one.',
      { hint: 'Send "grant_type": "authorization_code".' },
    );
  else if (typeof doc.grant_type === 'string' && doc.grant_type !== 'authorization_code')
    ctx.report(
      'token.grant-type',
      '/grant_type',
      `grant_type must be "authorization_code"; got ${quote(doc.grant_type)}.`,
    );
  if (typeof doc.client_id === 'string' && doc.client_id && !isFqdn(doc.client_id))
    ctx.report(
      'token.client-id',
      '/client_id',
      `client_id should be the receiving server's FQDN (the sender checks it against the signature); got ${quote(doc.client_id)}.`,
    );
}

export function checkTokenResponse(ctx: CheckContext): void {
  const { doc } = ctx;
  if (typeof doc.token_type === 'string' && doc.token_type.toLowerCase() !== 'bearer')
    ctx.report('token.token-type', '/token_type', `token_type should be "Bearer"; got ${quote(doc.token_type)}.`);
  if (doc.expires_in === undefined)
    ctx.report(
      'token.expires-in',
      '/expires_in',
      'expires_in is missing: receivers cannot tell when to repeat the exchange.',
    );
  if ('refresh_token' in doc)
    ctx.report(
      'token.refresh-token',
      '/refresh_token',
      'OCM has no refresh tokens: receivers repeat the code exchange instead, so this is ignored.',
    );
}

export function checkRequestShare(ctx: CheckContext): void {
  const { doc, version } = ctx;
  if ('shareId' in doc || 'share_id' in doc || 'share_with' in doc || ('sender' in doc && !('owner' in doc))) {
    const fields = Object.keys(doc).filter((k) =>
      ['sender', 'shareWith', 'shareId', 'share_with', 'share_id'].includes(k),
    );
    ctx.report(
      'request-share.legacy-fields',
      '',
      `This uses an earlier field set of the request-share proposal (${fields.join(', ')}); the draft settled on owner, shareWith and share.`,
      {
        hint: '"sender" became "owner" (the one asked to share) and "shareId" became "share" (any resource identifier); the snake_case names only ever appeared in meeting minutes.',
      },
    );
  }
  if (atLeast(version, '1.5'))
    ctx.report(
      'request-share.replaced',
      '',
      'POST /request-share was replaced in 1.5 by the REQUEST_SHARE notification.',
      {
        hint: 'Send a notification with notificationType "REQUEST_SHARE" and notification.file {owner, shareWith, shareId, permissions}.',
      },
    );
  checkAddressFields(ctx, ['owner', 'shareWith'], 'request-share.address', null);
}

const SSH_PUBLIC_KEY =
  /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,2}( .*)?$/;

/** The 201 answer to a share: recipientDisplayName, and OpenSSH public keys for an ssh share. */
export function checkShareResponse(ctx: CheckContext): void {
  const { doc } = ctx;
  if (typeof doc.recipientDisplayName === 'string' && doc.recipientDisplayName.trim() === '')
    ctx.report(
      'share-response.display-name',
      '/recipientDisplayName',
      'recipientDisplayName is empty: the sender shows it to the owner as who received the share.',
    );
  if (!Array.isArray(doc.recipientPublicKeys)) return;
  if (doc.recipientPublicKeys.length === 0)
    ctx.report(
      'share-response.public-keys',
      '/recipientPublicKeys',
      'recipientPublicKeys is empty: for an ssh share the sender authorises these keys, so the recipient cannot connect.',
    );
  doc.recipientPublicKeys.forEach((key, i) => {
    if (typeof key === 'string' && !SSH_PUBLIC_KEY.test(key.trim()))
      ctx.report(
        'share-response.public-keys',
        `/recipientPublicKeys/${i}`,
        `recipientPublicKeys[${i}] is not an OpenSSH public key line ("ssh-ed25519 AAAA… comment"); got ${quote(key.length > 60 ? `${key.slice(0, 60)}…` : key)}.`,
        { hint: 'Send the public key as in an authorized_keys line; never a private key or a PEM block.' },
      );
  });
}

const ASYMMETRIC_ALGS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];
const PRIVATE_PARTS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

/**
 * A JWK Set as OCM verifiers read it (draft-07 "HTTP Message Signatures"): every key carries `kid` (the
 * signature's keyid) and an asymmetric `alg`, is not symmetric, is for signing, and is public.
 */
export function checkJwks(ctx: CheckContext): void {
  const keys = Array.isArray(ctx.doc.keys) ? ctx.doc.keys : [];
  if (Array.isArray(ctx.doc.keys) && keys.length === 0)
    ctx.report('jwks.key', '/keys', 'The JWK Set has no keys: no signature from this server can be verified.');
  const seen = new Set<string>();
  keys.forEach((key, i) => {
    if (!isRecord(key)) return;
    const at = `/keys/${i}`;
    if (typeof key.kid !== 'string' || key.kid === '')
      ctx.report('jwks.kid', `${at}/kid`, "The key has no kid: verifiers find keys by the signature's keyid.");
    else if (seen.has(key.kid))
      ctx.report(
        'jwks.kid',
        `${at}/kid`,
        `kid ${quote(key.kid)} is used twice: a verifier cannot tell the keys apart.`,
      );
    else seen.add(key.kid);
    if (key.kty === 'oct')
      ctx.report(
        'jwks.kty',
        `${at}/kty`,
        'A symmetric key (kty "oct"): HMAC is forbidden under the OCM profile, and a published secret is no secret.',
      );
    else if (typeof key.kty === 'string' && !['RSA', 'EC', 'OKP'].includes(key.kty))
      ctx.report('jwks.kty', `${at}/kty`, `kty ${quote(key.kty)} is not RSA, EC or OKP.`);
    if (typeof key.alg !== 'string')
      ctx.report(
        'jwks.alg',
        `${at}/alg`,
        'The key has no alg: draft-07 has every published key carry one, and strict verifiers reject a key without it.',
        {
          hint:
            key.kty === 'OKP'
              ? 'Add "alg": "Ed25519" (or "EdDSA").'
              : key.kty === 'EC'
                ? 'Add "alg": "ES256" (for P-256).'
                : 'Add the key\'s algorithm, e.g. "RS256" or "PS512".',
        },
      );
    else if (!ASYMMETRIC_ALGS.includes(key.alg))
      ctx.report(
        'jwks.alg',
        `${at}/alg`,
        `alg ${quote(key.alg)} is not an asymmetric JOSE signature algorithm OCM accepts.`,
      );
    else if (key.alg === 'EdDSA')
      ctx.report(
        'jwks.alg-polymorphic',
        `${at}/alg`,
        'alg "EdDSA" names a family, not one algorithm: draft-07 has the JWK alg be fully specified (RFC 9864), and recommends "Ed25519".',
        { hint: key.crv === 'Ed25519' || key.crv === undefined ? 'Publish "alg": "Ed25519".' : undefined },
      );
    if (key.use !== undefined && key.use !== 'sig')
      ctx.report(
        'jwks.use',
        `${at}/use`,
        `use is ${quote(key.use)}; a key for verifying signatures has "use": "sig" (or none).`,
      );
    const exposed = PRIVATE_PARTS.filter((p) => p in key);
    if (exposed.length)
      ctx.report(
        'jwks.private',
        at,
        `The key publishes private parameters (${exposed.join(', ')}): this is the private key. Replace it now.`,
      );
  });
}

export function checkErrorBody(ctx: CheckContext): void {
  const { doc } = ctx;
  if (typeof doc.message !== 'string' && typeof doc.error !== 'string') {
    ctx.report('error.no-message', '', 'An error body carries "message" (OCM) or "error" (OAuth, token endpoint).');
    return;
  }
  if (typeof doc.message === 'string' && !/^[A-Z][A-Z0-9_]*$/.test(doc.message))
    ctx.report(
      'error.message-form',
      '/message',
      `message ${quote(doc.message)} reads as prose; the spec asks for a machine-readable code such as "RESOURCE_NOT_FOUND".`,
    );
  if (typeof doc.error === 'string' && !includes(OCM_TOKEN_ERRORS, doc.error))
    ctx.report(
      'error.oauth-code',
      '/error',
      includes(OAUTH_ERRORS, doc.error)
        ? `${quote(doc.error)} is an OAuth code the draft does not list for the token endpoint (OCM has no scopes); it lists ${OCM_TOKEN_ERRORS.join(', ')}.`
        : `${quote(doc.error)} is not one of the token endpoint's error codes in draft-07 (${OCM_TOKEN_ERRORS.join(', ')}).`,
      includes(OAUTH_ERRORS, doc.error) ? { severity: 'info' } : {},
    );
}
