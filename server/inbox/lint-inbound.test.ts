import { describe, expect, it } from 'vitest';
import { lintInbound } from './index.ts';

describe('OCM lint of what the inbox receives', () => {
  it('names the field, the rule and the spec section of a vendor deviation', () => {
    const findings = lintInbound('shares', {
      shareWith: 'alice@127.0.0.1:8080',
      name: 'x.txt',
      providerId: 1,
      owner: 'bob@cloud.example.org',
      sender: 'bob@cloud.example.org',
      shareType: 'user',
      resourceType: 'file',
      protocol: { name: 'multi', webdav: { uri: 'u', sharedSecret: 's' } },
    });
    expect(findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        path: '/providerId',
        code: 'share.provider-id-integer',
        specRef: expect.objectContaining({ section: 'Share Creation Notification' }),
      }),
    );
  });

  it('lints the token endpoint form as a token request, and nothing for unknown paths', () => {
    expect(lintInbound('token', { grant_type: 'authorization_code', client_id: 'peer.example', code: 'abc' })).toEqual(
      [],
    );
    expect(lintInbound('other', { anything: true })).toEqual([]);
  });

  it('flags a token request sent as JSON, and not the same fields sent as a form', () => {
    const fields = { grant_type: 'authorization_code', client_id: 'peer.example', code: 'abc' };
    expect(lintInbound('token', fields, 'json').map((f) => f.code)).toEqual(['token.json-body']);
    expect(lintInbound('token', fields, 'form')).toEqual([]);
  });
});
