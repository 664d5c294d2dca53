import { describe, expect, it } from 'vitest';
import { fixture, variant } from '../__fixtures__/load.ts';
import { lint } from '../lint/engine.ts';
import type { Finding } from '../finding.ts';
import { lintText } from '../lint-text.ts';
import {
  buildInviteAccepted,
  buildNotification,
  buildRequestShare,
  buildShare,
  buildTokenRequest,
  webappReceiveOf,
  formEncode,
  type BuiltPayload,
} from './index.ts';

const identity = {
  host: 'console.example.org',
  user: 'tester',
  displayName: 'OCM Explorer',
  webdavPath: '/ocm/webdav/',
};
const TARGETS = [
  'discovery-1.0-ocm-provider.json',
  'discovery-1.1.json',
  'discovery-1.2.json',
  'discovery-1.3.json',
  'discovery-1.4.json',
  'discovery-1.5.json',
  'discovery-ocis-reva.json',
  'discovery-owncloud10.json',
  'discovery-seafile.json',
  'discovery-seafile-webdav.json',
  'nextcloud-discovery-ocm-provider-2024.json',
  'discovery-nextcloud-signatory.json',
];

/** Lints what a builder made, judged by the version it was made for. */
function problems(built: BuiltPayload): Finding[] {
  return lint(built.kind, built.payload, { spec: built.version }).findings.filter((f) => f.severity !== 'info');
}

describe.each(TARGETS)('payloads built for %s lint clean', (file) => {
  const discovery = fixture(file);
  it('share (webdav, plus webapp and ssh where the peer can take them)', () => {
    const built = buildShare(discovery, identity, {
      shareWith: 'marie@cloud.example.org',
      name: 'report.odt',
      providerId: 'p-1',
      sharedSecret: 's3cr3t-value',
      protocols: ['webdav', 'webapp', 'ssh'],
      permissions: ['read', 'write'],
      expiration: 4102444800,
    });
    expect(problems(built)).toEqual([]);
    expect(built.url ?? '').toMatch(/\/shares$/);
  });
  it.each([
    'SHARE_ACCEPTED',
    'SHARE_DECLINED',
    'SHARE_UNSHARED',
    'SHARE_CHANGE_PERMISSION',
    'REQUEST_RESHARE',
    'USER_REMOVED',
  ] as const)('notification %s', (type) => {
    const built = buildNotification(discovery, identity, {
      type,
      providerId: 'p-1',
      sharedSecret: 's3cr3t-value',
      message: 'from the console',
      shareWith: 'third@party.example.org',
      permissions: ['read'],
    });
    expect(
      problems(built).filter((f) => !(built.dialect === 'reva' && f.code === 'notification.type-version')),
    ).toEqual([]);
  });
  it('invite-accepted', () => {
    expect(
      problems(
        buildInviteAccepted(discovery, identity, {
          token: 'tok-1',
          email: 'tester@console.example.org',
          name: 'Tester',
        }),
      ),
    ).toEqual([]);
  });
  it('request for a share', () => {
    expect(
      problems(buildRequestShare(discovery, identity, { owner: 'alice@cloud.example.org', share: '1234567890abcdef' })),
    ).toEqual([]);
  });
  it('token request', () => {
    const built = buildTokenRequest(discovery, identity, 'the-code');
    expect(problems(built)).toEqual([]);
    expect(lintText(formEncode(built.payload)).findings).toEqual([]);
  });
});

describe('builders follow the peer', () => {
  it('send the legacy protocol to a 1.0 peer and the keyed one to a 1.5 peer', () => {
    const old = buildShare(fixture('discovery-1.0-ocm-provider.json'), identity, {
      shareWith: 'm@c.example.org',
      name: 'n',
      providerId: 'p',
      sharedSecret: 'sss',
    });
    expect(old.payload.protocol).toEqual({ name: 'webdav', options: { sharedSecret: 'sss', permissions: 'read' } });
    const current = buildShare(fixture('discovery-1.5.json'), identity, {
      shareWith: 'm@c.example.org',
      name: 'n',
      providerId: 'p',
      sharedSecret: 'sss',
      protocols: ['webdav', 'webapp'],
    });
    expect(current.payload.protocol).toMatchObject({
      name: 'multi',
      webdav: { uri: 'https://console.example.org/ocm/webdav/p' },
      webapp: { targets: ['blank', 'iframe'], requirements: ['must-exchange-token'] },
    });
  });
  it('never offer a webapp the receiver did not advertise, and say why', () => {
    const choices = {
      shareWith: 'm@c.example.org',
      name: 'n',
      providerId: 'p',
      sharedSecret: 'sss',
      protocols: ['webdav', 'webapp'] as Array<'webdav' | 'webapp'>,
    };
    // The 1.3 discovery has no webapp-receive: no webapp share at all.
    const none = buildShare(fixture('discovery-1.3.json'), identity, choices);
    expect(none.payload.protocol).not.toHaveProperty('webapp');
    expect(none.notes.join(' ')).toMatch(/does not advertise webapp-receive/);
    // Reva lists only "blank" (with apiVersion 1.3.0): only "blank" is offered.
    const reva = buildShare(fixture('discovery-reva-2026.json'), identity, choices);
    expect(reva.payload.protocol).toMatchObject({ webapp: { targets: ['blank'] } });
    // A webapp-receive with no usable target is no advertisement.
    const empty = variant('discovery-1.5.json', (d) => (d.resourceTypes[0].protocols['webapp-receive'].targets = []));
    const refused = buildShare(empty, identity, choices);
    expect(refused.payload.protocol).not.toHaveProperty('webapp');
    expect(refused.notes.join(' ')).toMatch(/lists no target/);
  });
  it('say before building whether a receiver takes a web app, and with which targets (the rule buildShare uses)', () => {
    expect(webappReceiveOf(fixture('discovery-reva-2026.json'))).toEqual({ ok: true, targets: ['blank'] });
    expect(webappReceiveOf(fixture('discovery-1.3.json'))).toEqual({
      ok: false,
      why: 'the receiver does not advertise webapp-receive, so it does not take web-app shares.',
    });
    const popupOnly = variant(
      'discovery-1.5.json',
      (d) => (d.resourceTypes[0].protocols['webapp-receive'].targets = ['popup']),
    );
    expect(webappReceiveOf(popupOnly)).toMatchObject({ ok: false, why: expect.stringMatching(/lists no target/) });
    expect(webappReceiveOf('not a document')).toMatchObject({ ok: false });
  });
  it('honour must-exchange-token and relative webdav URIs', () => {
    const built = buildShare(fixture('discovery-1.3.json'), identity, {
      shareWith: 'm@c.example.org',
      name: 'n',
      providerId: 'p',
      sharedSecret: 'sss',
    });
    expect(built.payload.protocol).toMatchObject({ webdav: { uri: 'p', requirements: ['must-exchange-token'] } });
    expect(built.notes.join(' ')).toMatch(/must-exchange-token/);
  });
  it('bind notifications the way the peer expects', () => {
    const nc = buildNotification(fixture('nextcloud-discovery-ocm-provider-2024.json'), identity, {
      type: 'SHARE_CHANGE_PERMISSION',
      providerId: 'p',
      sharedSecret: 's',
    });
    expect(nc.payload).toMatchObject({
      notificationType: 'RESHARE_CHANGE_PERMISSION',
      providerId: 'p',
      notification: { sharedSecret: 's' },
    });
    const reva = buildNotification(fixture('discovery-ocis-reva.json'), identity, {
      type: 'SHARE_CHANGE_PERMISSION',
      providerId: 'p',
      grantee: 'g',
    });
    expect(reva.payload).toMatchObject({ notificationType: 'SHARE_CHANGE_PERMISSION', notification: { grantee: 'g' } });
    const current = buildNotification(fixture('discovery-1.5.json'), identity, {
      type: 'SHARE_ACCEPTED',
      providerId: 'p',
    });
    expect(current.payload).toEqual({
      notificationType: 'SHARE_ACCEPTED',
      senderDomain: 'console.example.org',
      resourceType: 'file',
      shareType: 'user',
      notification: { file: { providerId: 'p' } },
    });
  });
  it('turn a request for a share into REQUEST_SHARE for 1.5 peers', () => {
    expect(
      buildRequestShare(fixture('discovery-1.5.json'), identity, { owner: 'a@c.example.org', share: 'x' }),
    ).toMatchObject({ kind: 'notification', payload: { notificationType: 'REQUEST_SHARE' } });
    expect(
      buildRequestShare(fixture('discovery-1.4.json'), identity, { owner: 'a@c.example.org', share: 'x' }),
    ).toMatchObject({
      kind: 'request-share',
      payload: { owner: 'a@c.example.org', shareWith: 'tester@console.example.org', share: 'x' },
      url: 'https://cloud.example.org/ocm/request-share',
    });
  });
  it('post token requests to tokenEndPoint', () => {
    expect(buildTokenRequest(fixture('discovery-1.5.json'), identity, 'c').url).toBe(
      'https://cloud.example.org/ocm/token',
    );
    expect(formEncode({ grant_type: 'authorization_code', client_id: 'r.example.org', code: 'a b&c' })).toBe(
      'grant_type=authorization_code&client_id=r.example.org&code=a+b%26c',
    );
  });
});
