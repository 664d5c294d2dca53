import { describe, expect, it } from 'vitest';
import type { Verification } from '../../src/contract/inbound.ts';
import { localUserOf } from '../../src/protocol/index.ts';
import { specAnswer } from './spec-response.ts';

const recipients = ['alice', 'bob'];
const share = {
  shareWith: 'alice@127.0.0.1:8080',
  name: 'report.pdf',
  providerId: '7c084226',
  owner: 'bob@cloud.example.org',
  sender: 'bob@cloud.example.org',
  shareType: 'user',
  resourceType: 'file',
  protocol: { name: 'multi', webdav: { uri: 'x', sharedSecret: 's' } },
};

describe('what the console answers by the spec', () => {
  it('accepts a share for a known recipient with 201 and recipientDisplayName (§3.4)', () => {
    expect(specAnswer({ endpoint: 'shares', doc: share, recipients })).toEqual({
      status: 201,
      body: { recipientDisplayName: 'Alice (OCM Explorer)' },
    });
  });

  it('refuses an unknown recipient with 400 and validationErrors shareWith NOT_FOUND', () => {
    const answer = specAnswer({ endpoint: 'shares', doc: { ...share, shareWith: 'mallory@127.0.0.1' }, recipients });
    expect(answer).toEqual({
      status: 400,
      body: { message: 'INVALID_PARAMETERS', validationErrors: [{ name: 'shareWith', message: 'NOT_FOUND' }] },
    });
  });

  it('names every missing required share field', () => {
    const { name: _n, protocol: _p, ...rest } = share;
    const answer = specAnswer({ endpoint: 'shares', doc: rest, recipients });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      validationErrors: [
        { name: 'name', message: 'REQUIRED' },
        { name: 'protocol', message: 'REQUIRED' },
      ],
    });
  });

  it('answers an unreadable body with 400 saying why', () => {
    const answer = specAnswer({ endpoint: 'notifications', doc: undefined, unreadable: 'NOT_JSON', recipients });
    expect(answer).toEqual({
      status: 400,
      body: { message: 'INVALID_BODY', validationErrors: [{ name: 'body', message: 'NOT_JSON' }] },
    });
  });

  it('answers the token endpoint with OAuth errors (§6)', () => {
    expect(
      specAnswer({
        endpoint: 'token',
        doc: { grant_type: 'authorization_code', client_id: 'r.example', code: 'c' },
        recipients,
      }),
    ).toEqual({ status: 400, body: { error: 'invalid_grant' } });
    expect(
      specAnswer({ endpoint: 'token', doc: { grant_type: 'password', client_id: 'r', code: 'c' }, recipients }).body,
    ).toEqual({ error: 'unsupported_grant_type' });
    expect(specAnswer({ endpoint: 'token', doc: { grant_type: 'authorization_code' }, recipients }).body).toEqual({
      error: 'invalid_request',
    });
  });

  it('accepts notifications and share requests with 201, and knows no invite token', () => {
    expect(
      specAnswer({ endpoint: 'notifications', doc: { notificationType: 'SHARE_ACCEPTED' }, recipients }).status,
    ).toBe(201);
    expect(
      specAnswer({ endpoint: 'request-share', doc: { owner: 'a@b', shareWith: 'c@d', share: 'x' }, recipients }).status,
    ).toBe(201);
    const invite = { recipientProvider: 'r.example', token: 't', userID: 'u', email: 'e@x', name: 'N' };
    expect(specAnswer({ endpoint: 'invite-accepted', doc: invite, recipients })).toEqual({
      status: 400,
      body: { message: 'TOKEN_INVALID_OR_UNKNOWN' },
    });
    // Nextcloud's userId spelling is accepted as the user id too: the answer is about the token, not a missing field.
    expect(
      specAnswer({ endpoint: 'invite-accepted', doc: { ...invite, userID: undefined, userId: 'u' }, recipients }).body,
    ).toEqual({ message: 'TOKEN_INVALID_OR_UNKNOWN' });
  });

  it('splits an OCM address at the last @', () => {
    expect(localUserOf('alice@example.org@cloud.example.org:8443')).toBe('alice@example.org');
    expect(localUserOf('bob')).toBe('bob');
  });
});

describe('the signature, judged first as a strict draft-07 peer does', () => {
  const failed: Verification = { status: 'failed', summary: 'Content-Digest does not match the body (sha-256).' };
  const unsigned: Verification = { status: 'unsigned', summary: 'No Signature header: the request is not signed.' };
  const proxyOnly: Verification = {
    status: 'unsigned',
    summary: 'Only non-OCM signatures.',
    otherSignatures: [{ label: 'proxy', tag: 'edge' }],
  };
  const notification = {
    notificationType: 'SHARE_ACCEPTED',
    resourceType: 'file',
    providerId: '7c084226',
    notification: { sharedSecret: 's', message: 'Recipient accepted the share' },
  };

  it('refuses a share or notification whose OCM signature does not verify with 401, naming why', () => {
    for (const [endpoint, doc] of [
      ['shares', share],
      ['notifications', notification],
    ] as const) {
      expect(specAnswer({ endpoint, doc, recipients, verification: failed })).toEqual({
        status: 401,
        body: { message: 'SIGNATURE_INVALID', detail: failed.summary },
      });
    }
  });

  it('refuses an invite acceptance whose signature fails, but not an unsigned one, even under must-use-http-sig', () => {
    const invite = { recipientProvider: 'r.example', token: 't', userID: 'u', email: 'e@x', name: 'N' };
    expect(specAnswer({ endpoint: 'invite-accepted', doc: invite, recipients, verification: failed })).toEqual({
      status: 401,
      body: { message: 'SIGNATURE_INVALID', detail: failed.summary },
    });
    expect(
      specAnswer({
        endpoint: 'invite-accepted',
        doc: invite,
        recipients,
        verification: unsigned,
        requireSignature: true,
      }).body,
    ).toEqual({ message: 'TOKEN_INVALID_OR_UNKNOWN' });
  });

  it('refuses before reading the payload: a bad signature on a malformed share is still a 401', () => {
    expect(specAnswer({ endpoint: 'shares', doc: {}, recipients, verification: failed }).status).toBe(401);
  });

  it('accepts an unsigned share when the console does not advertise must-use-http-sig', () => {
    expect(specAnswer({ endpoint: 'shares', doc: share, recipients, verification: unsigned }).status).toBe(201);
  });

  it('refuses an unsigned share or one with only non-OCM signatures under must-use-http-sig', () => {
    const answer = specAnswer({
      endpoint: 'shares',
      doc: share,
      recipients,
      verification: unsigned,
      requireSignature: true,
    });
    expect(answer).toMatchObject({ status: 401, body: { message: 'SIGNATURE_REQUIRED' } });
    const proxied = specAnswer({
      endpoint: 'notifications',
      doc: notification,
      recipients,
      verification: proxyOnly,
      requireSignature: true,
    });
    expect(proxied).toMatchObject({ status: 401, body: { message: 'SIGNATURE_REQUIRED' } });
    expect((proxied.body as { detail: string }).detail).toMatch(/tag="ocm"/);
  });

  it('answers 201 anyway under the lenient policy', () => {
    for (const verification of [failed, unsigned]) {
      expect(
        specAnswer({ endpoint: 'shares', doc: share, recipients, verification, requireSignature: true, lenient: true }),
      ).toEqual({ status: 201, body: { recipientDisplayName: 'Alice (OCM Explorer)' } });
    }
  });

  it('leaves a signature the server did not check, and other endpoints, to their own answers', () => {
    const unchecked: Verification = { status: 'unchecked', summary: 'not checked' };
    expect(specAnswer({ endpoint: 'shares', doc: share, recipients, verification: unchecked }).status).toBe(201);
    const form = { grant_type: 'authorization_code', client_id: 'r.example', code: 'c' };
    expect(specAnswer({ endpoint: 'token', doc: form, recipients, verification: failed }).body).toEqual({
      error: 'invalid_grant',
    });
  });
});
