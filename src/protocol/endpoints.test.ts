import { describe, expect, it } from 'vitest';
import { isMessageKind, messageUrl, tokenRequestForm } from './endpoints.ts';

describe('message endpoints', () => {
  it('joins endPoint and the path of each kind, with or without a trailing slash', () => {
    expect(messageUrl('https://c.example/ocm', 'share')).toBe('https://c.example/ocm/shares');
    expect(messageUrl('https://c.example/ocm/', 'notification')).toBe('https://c.example/ocm/notifications');
    expect(messageUrl('https://c.example/ocm//', 'invite-accepted')).toBe('https://c.example/ocm/invite-accepted');
    expect(messageUrl('https://c.example/ocm', 'request-share')).toBe('https://c.example/ocm/request-share');
  });
  it('knows which kinds are POSTed under endPoint', () => {
    expect(isMessageKind('share')).toBe(true);
    expect(isMessageKind('token-request')).toBe(false);
    expect(isMessageKind('toString')).toBe(false);
  });
});

describe('tokenRequestForm', () => {
  it('form-encodes the authorization_code grant', () => {
    const form = tokenRequestForm({ clientId: 'cloud.example.org:8443', code: 'a b&c' });
    expect(form).toBe('grant_type=authorization_code&client_id=cloud.example.org%3A8443&code=a+b%26c');
    expect(Object.fromEntries(new URLSearchParams(form))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'cloud.example.org:8443',
      code: 'a b&c',
    });
  });
});
