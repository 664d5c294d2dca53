import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

describe('redact', () => {
  it('hides secret headers, JSON fields and form fields, and keeps the rest', () => {
    const report = {
      headers: [
        ['Authorization', 'Bearer abc'],
        ['Signature', 'sig1=:x:'],
        ['Content-Type', 'application/json'],
      ],
      body: '{"shareWith":"a@b","protocol":{"webdav":{"sharedSecret":"s3cr\\"et","uri":"u"}}}',
      form: 'grant_type=authorization_code&client_id=x&code=topsecret',
      token: { access_token: 'tok', token_type: 'Bearer' },
    };
    const out = redact(report);
    expect(out.headers).toEqual([
      ['Authorization', '…redacted…'],
      ['Signature', '…redacted…'],
      ['Content-Type', 'application/json'],
    ]);
    expect(out.body).toBe('{"shareWith":"a@b","protocol":{"webdav":{"sharedSecret":"…redacted…","uri":"u"}}}');
    expect(out.form).toBe('grant_type=authorization_code&client_id=x&code=…redacted…');
    expect(out.token).toEqual({ access_token: '…redacted…', token_type: 'Bearer' });
    expect(report.headers[0]![1]).toBe('Bearer abc');
  });
});
