import { describe, expect, it } from 'vitest';
import { KINDS, lintText } from '../../protocol/index.ts';
import { GENERIC_RECEIVER, SENDABLE, template } from './templates.ts';

const me = {
  host: '127.0.0.1:8080',
  user: 'alice',
  displayName: 'Alice',
  origin: 'http://127.0.0.1:8080',
  webdavPath: '/ocm/webdav/',
};
const nextcloud = {
  enabled: true,
  apiVersion: '1.0-proposal1',
  version: '1.1.0',
  endPoint: 'https://nc.example/ocm',
  resourceTypes: [{ name: 'file', shareTypes: ['user'], protocols: { webdav: '/public.php/webdav/' } }],
};

describe('compose templates', () => {
  it.each(KINDS)('the %s template lints without errors', (kind) => {
    const t = template(kind, me);
    expect(lintText(t.text, { kind: t.kind }).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('builds for the receiver: a legacy share for a Nextcloud-like 1.1 server, multi for 1.5', () => {
    const legacy = JSON.parse(template('share', me, nextcloud, 'erin@nc.example').text) as {
      shareWith: string;
      protocol: Record<string, unknown>;
    };
    expect(legacy.shareWith).toBe('erin@nc.example');
    expect(legacy.protocol.name).not.toBe('multi');
    const modern = JSON.parse(template('share', me, GENERIC_RECEIVER).text) as {
      protocol: { name: string; webdav: { requirements?: string[] } };
    };
    expect(modern.protocol.name).toBe('multi');
  });

  it('sends a request for a share to a 1.5 receiver as a REQUEST_SHARE notification', () => {
    const t = template('request-share', me);
    expect(t.kind).toBe('notification');
    expect(JSON.parse(t.text)).toMatchObject({ notificationType: 'REQUEST_SHARE' });
  });

  it('knows where a message goes, and that a token request is a form', () => {
    expect(template('share', me).url).toBe('https://receiver.example.org/ocm/shares');
    const token = template('token-request', me);
    expect(token.form).toBe(true);
    expect(token.text).toMatch(/^grant_type=authorization_code&client_id=127\.0\.0\.1%3A8080&code=/);
    expect(SENDABLE).not.toContain('token-response');
  });
});
