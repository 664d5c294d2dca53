import { describe, expect, it } from 'vitest';
import {
  isMessageKind,
  messageUrl,
  tokenRequestBody,
  tokenRequestForm,
  exchangeKindOfUrl,
  bodyKindsOf,
} from './endpoints.ts';

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

describe('tokenRequestBody', () => {
  it('writes the OCM 1.3+ form by default, and the 1.2-era JSON with ocm_authorization_code when asked', () => {
    expect(tokenRequestBody({ clientId: 'c.example', code: 'x' })).toEqual({
      contentType: 'application/x-www-form-urlencoded',
      body: 'grant_type=authorization_code&client_id=c.example&code=x',
    });
    const legacy = tokenRequestBody({ clientId: 'localhost', code: '123456' }, 'ocm-1.2-json');
    expect(legacy.contentType).toBe('application/json');
    expect(JSON.parse(legacy.body)).toEqual({
      grant_type: 'ocm_authorization_code',
      code: '123456',
      client_id: 'localhost',
    });
  });
});

describe('exchangeKindOfUrl', () => {
  it.each([
    ['https://a.example/ocm/shares', 'share'],
    ['https://a.example/index.php/ocm/notifications/', 'notification'],
    ['https://a.example/ocm/invite-accepted', 'invite-accepted'],
    ['https://a.example/ocm/request-share', 'request-share'],
    ['https://a.example/ocm/token', 'token-request'],
    ['https://a.example/.well-known/ocm', 'discovery'],
    ['https://a.example/ocm-provider/', 'discovery'],
    ['https://a.example/ocm/jwks', 'jwks'],
    ['https://a.example/webdav/123', undefined],
    ['not a url', undefined],
  ])('%s is %s', (url, kind) => {
    expect(exchangeKindOfUrl(url)).toBe(kind);
  });
});

describe('bodyKindsOf', () => {
  it('judges the message sent, and the answer only when it is a document of its own', () => {
    expect(bodyKindsOf('share', 201)).toEqual({ request: 'share', response: 'share-response' });
    expect(bodyKindsOf('share', 400)).toEqual({ request: 'share' });
    expect(bodyKindsOf('token-request', 200)).toEqual({ request: 'token-request', response: 'token-response' });
    expect(bodyKindsOf('invite-accepted', 200)).toEqual({ request: 'invite-accepted', response: 'invite-response' });
    expect(bodyKindsOf('invite-accepted', 409)).toEqual({ request: 'invite-accepted' });
    expect(bodyKindsOf('discovery', 200)).toEqual({ response: 'discovery' });
    expect(bodyKindsOf('jwks', 404)).toEqual({ response: 'jwks' });
    expect(bodyKindsOf('request-share', 201)).toEqual({});
    expect(bodyKindsOf(undefined, 200)).toEqual({});
  });
});
