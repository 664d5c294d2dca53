import { describe, expect, it } from 'vitest';
import { fixture } from '../__fixtures__/load.ts';
import { lint } from '../lint/engine.ts';
import type { Kind } from '../kinds.ts';
import { guessKind } from './guess-kind.ts';
import { detect } from './index.ts';

// Each hand-made or captured document: what detection says, and that lint agrees it is valid or not.
const cases: Array<[file: string, kind: Kind, version: string, dialect: string, valid: boolean]> = [
  ['discovery-1.0-ocm-provider.json', 'discovery', '1.0', 'nextcloud', true],
  ['nextcloud-discovery-ocm-provider-2024.json', 'discovery', '1.0', 'nextcloud', true],
  ['discovery-nextcloud-signatory.json', 'discovery', '1.1', 'nextcloud', true],
  ['discovery-1.1.json', 'discovery', '1.1', 'reva', true],
  ['discovery-1.2.json', 'discovery', '1.2', 'spec', true],
  ['discovery-1.3.json', 'discovery', '1.3', 'spec', true],
  ['discovery-1.4.json', 'discovery', '1.4', 'spec', true],
  ['discovery-1.5.json', 'discovery', '1.5', 'spec', true],
  ['discovery-owncloud10.json', 'discovery', '1.0', 'owncloud10', false],
  ['discovery-ocis-reva.json', 'discovery', '1.1', 'reva', true],
  ['discovery-reva-2026.json', 'discovery', '1.3', 'reva', true],
  ['discovery-reva-disabled.json', 'discovery', '1.3', 'reva', false],
  ['discovery-seafile.json', 'discovery', '1.0', 'seafile', false],
  ['discovery-seafile-webdav.json', 'discovery', '1.0', 'seafile', true],
  ['share-1.0-legacy.json', 'share', '1.0', 'spec', true],
  ['share-1.1-multi.json', 'share', '1.5', 'spec', true],
  ['share-1.2-code.json', 'share', '1.2', 'spec', true],
  ['share-1.4-webapp.json', 'share', '1.5', 'spec', true],
  ['share-1.5-canonical.json', 'share', '1.5', 'spec', true],
  ['share-nextcloud-legacy.json', 'share', '1.0', 'nextcloud', false],
  ['share-reva-url.json', 'share', '1.5', 'reva', false],
  ['share-nextcloud-captured-by-seafile.json', 'share', '1.0', 'nextcloud', false],
  ['notification-1.5-share-accepted.json', 'notification', '1.5', 'spec', true],
  ['notification-1.5-request-share.json', 'notification', '1.5', 'spec', true],
  ['notification-1.5-user-removed.json', 'notification', '1.5', 'spec', true],
  ['notification-1.5-change-permission.json', 'notification', '1.5', 'spec', true],
  ['nextcloud-files-notification-share-accepted.json', 'notification', '1.4', 'nextcloud', true],
  ['nextcloud-files-notification-request-reshare.json', 'notification', '1.4', 'nextcloud', true],
  ['nextcloud-files-notification-reshare-undo.json', 'notification', '1.4', 'nextcloud', true],
  ['nextcloud-calendar-notification-sync-calendar.json', 'notification', '1.4', 'nextcloud', true],
  ['nextcloud-talk-notification-message-posted.json', 'notification', '1.4', 'nextcloud-talk', true],
  ['owncloud-reva-notification-share-unshared.json', 'notification', '1.4', 'reva', true],
  ['owncloud-reva-notification-share-change-permission.json', 'notification', '1.4', 'reva', true],
  ['invite-accepted.json', 'invite-accepted', '1.5', 'spec', true],
  ['invite-accepted-userid.json', 'invite-accepted', '1.5', 'spec', false],
  ['invite-response.json', 'invite-response', '1.5', 'spec', true],
  ['invite-response-userid.json', 'invite-response', '1.5', 'spec', false],
  ['directory-draft-example.json', 'directory', '1.5', 'spec', true],
  ['directory-plain.json', 'directory', '1.5', 'spec', true],
  ['token-request.json', 'token-request', '1.5', 'spec', true],
  ['token-response.json', 'token-response', '1.5', 'spec', true],
  ['request-share-1.4.json', 'request-share', '1.4', 'spec', true],
  ['request-share-pr194-first.json', 'request-share', '1.4', 'spec', false],
  ['share-response-nextcloud.json', 'share-response', '1.5', 'spec', true],
  ['share-response-1.5-ssh.json', 'share-response', '1.5', 'spec', true],
  ['jwks-1.5.json', 'jwks', '1.5', 'spec', true],
  ['error-validation.json', 'error', '1.5', 'spec', true],
  ['error-oauth.json', 'error', '1.5', 'spec', true],
];

describe('detect and lint on every fixture', () => {
  it.each(cases)('%s → %s %s (%s)', (file, kind, version, dialect, valid) => {
    const doc = fixture(file);
    expect(guessKind(doc).kind).toBe(kind);
    const d = detect(doc);
    expect(d.kind).toBe(kind);
    expect(d.version).toBe(version);
    expect(d.dialect).toBe(dialect);
    expect(d.versions[0]).toBe(version);
    expect(lint(kind, doc).valid).toBe(valid);
  });
});

describe('detect explains itself', () => {
  it('names the fields that decided a 1.5 discovery document', () => {
    const d = detect(fixture('discovery-1.5.json'));
    expect(d.evidence.map((e) => e.path)).toEqual(expect.arrayContaining(['/jwksUri', '/apiVersion']));
    expect(d.evidence.find((e) => e.path === '/jwksUri')?.reason).toMatch(/1\.5/);
  });
  it('trusts features over an apiVersion that understates them', () => {
    const doc = { ...fixture('discovery-1.5.json'), apiVersion: '1.0-proposal1' };
    expect(detect(doc).version).toBe('1.5');
  });
  it('reads Nextcloud\'s real version from "version" beside its frozen apiVersion', () => {
    const d = detect(fixture('discovery-nextcloud-signatory.json'));
    expect(d.evidence).toContainEqual({ path: '/version', reason: expect.stringContaining('declares 1.1') });
    expect(
      lint('discovery', fixture('discovery-nextcloud-signatory.json')).findings.filter(
        (f) => f.code === 'discovery.api-version-mismatch',
      ),
    ).toEqual([]);
  });
  it('trusts a declared 1.3 where deployed servers publish the 1.4 forms (Reva: webdav-receive with "1.3.0")', () => {
    const d = detect(fixture('discovery-reva-2026.json'));
    expect(d.version).toBe('1.3');
    expect(d.evidence).toContainEqual({
      path: '/resourceTypes/0/protocols',
      reason: expect.stringMatching(/deployed servers publish it at 1\.3, so the declared 1\.3 stands/),
    });
    // A field no deployment publishes early still outranks the declaration.
    expect(
      detect({ ...fixture('discovery-reva-2026.json'), jwksUri: 'https://reva.example.org/ocm/jwks' }).version,
    ).toBe('1.5');
    // Below 1.3 no deployment publishes them: a "1.1.0" with webdav-receive is still called newer.
    const older = fixture('discovery-reva-2026.json') as Record<string, unknown>;
    expect(detect({ ...older, apiVersion: '1.1.0' }).version).toBe('1.4');
  });
  it('knows Reva by provider names such as "reva1"', () => {
    const doc = { ...fixture('discovery-ocis-reva.json'), provider: 'reva1', capabilities: [] };
    const d = detect(doc);
    expect(d.dialect).toBe('reva');
    expect(d.evidence).toContainEqual({ path: '/provider', reason: expect.stringContaining('Reva') });
  });
  it('recognises the legacy /ocs-provider service list as OCS, not a broken OCM discovery', () => {
    const doc = fixture('ocs-provider-nextcloud.json');
    expect(detect(doc, 'discovery').evidence).toContainEqual({
      path: '/services',
      reason: expect.stringMatching(/OCS, not OCM/),
    });
    const result = lint('discovery', doc);
    expect(result.findings.map((f) => f.code)).toEqual(['discovery.ocs-provider']);
    // Explained, and not valid: it is not OCM discovery at all (no enabled, apiVersion, endPoint).
    expect(result.valid).toBe(false);
  });
  it('lists other plausible versions after the likeliest', () => {
    expect(detect(fixture('nextcloud-files-notification-share-unshared.json')).versions).toEqual([
      '1.4',
      '1.3',
      '1.2',
      '1.1',
      '1.0',
    ]);
  });
  it('calls ownCloud 10 and Seafile by name', () => {
    expect(detect(fixture('discovery-owncloud10.json')).evidence.some((e) => e.path === '/shareTypes')).toBe(true);
    expect(detect(fixture('discovery-seafile-webdav.json')).evidence.some((e) => /seafdav/.test(e.reason))).toBe(true);
    expect(detect(fixture('discovery-seafile.json')).evidence.some((e) => /native/.test(e.reason))).toBe(true);
  });
});

describe('guessKind', () => {
  it('returns null with a reason for things that are no OCM document', () => {
    expect(guessKind([1])).toEqual({ kind: null, reason: 'not a JSON object' });
    expect(guessKind({ hello: 'world' }).kind).toBeNull();
  });
  it('tells a request-share from a share by its fields', () => {
    expect(guessKind({ owner: 'a@b', shareWith: 'c@d', share: 'x' }).kind).toBe('request-share');
    expect(guessKind({ shareWith: 'c@d', providerId: '1', protocol: {} }).kind).toBe('share');
  });
});
