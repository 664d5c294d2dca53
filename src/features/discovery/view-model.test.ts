import { describe, expect, it } from 'vitest';
import seafile from '../../protocol/__fixtures__/discovery-seafile.json';
import { capabilityBadges, criteriaBadges, endpointLinks, notableHeaders, resourceRows } from './view-model.ts';

const modern = {
  enabled: true,
  apiVersion: '1.5.0',
  endPoint: 'https://cloud.example.org/ocm',
  resourceTypes: [
    {
      name: 'file',
      shareTypes: ['user', 'group'],
      protocols: {
        webdav: '/remote/dav/ocm/',
        'webdav-receive': { uri: 'absolute' },
        'webapp-receive': { targets: ['blank', 'iframe'] },
      },
    },
  ],
  capabilities: ['exchange-token', 'http-sig', 'receive-code', '/notifications', 'x-vendor'],
  criteria: ['must-use-http-sig', 'http-request-signatures'],
  tokenEndPoint: 'https://cloud.example.org/ocm/token',
  inviteAcceptDialog: '/apps/ocm/accept-invite',
};

describe('discovery view model', () => {
  it('labels capabilities as known, renamed, path-style or unknown, with a meaning', () => {
    expect(capabilityBadges(modern).map((b) => [b.term, b.status])).toEqual([
      ['exchange-token', 'known'],
      ['http-sig', 'known'],
      ['receive-code', 'renamed'],
      ['/notifications', 'path-style'],
      ['x-vendor', 'unknown'],
    ]);
    expect(capabilityBadges(modern)[1]!.explanation).toMatch(/RFC 9421/);
    expect(criteriaBadges(modern).map((b) => b.status)).toEqual(['known', 'renamed']);
  });

  it('splits protocols into what a server serves and what it receives', () => {
    expect(resourceRows(modern)).toEqual([
      {
        resourceType: 'file',
        shareTypes: ['user', 'group'],
        serves: [{ name: 'webdav', value: '/remote/dav/ocm/' }],
        receives: [
          { name: 'webdav', value: '{"uri":"absolute"}' },
          { name: 'webapp', value: '{"targets":["blank","iframe"]}' },
        ],
      },
    ]);
  });

  it("shows Seafile's single resourceTypes object as one resource type", () => {
    // As Seafile serves it: one entry where the spec has an array of them.
    expect(resourceRows(seafile)).toEqual([
      { resourceType: 'library', shareTypes: ['user'], serves: [{ name: 'seafile', value: 'seafile' }], receives: [] },
    ]);
  });

  it("reads Seafile's object-shaped resourceTypes", () => {
    expect(
      resourceRows({ resourceTypes: { library: { shareTypes: ['user'], protocols: { seafile: '/api2/' } } } })[0],
    ).toMatchObject({ resourceType: 'library', serves: [{ name: 'seafile', value: '/api2/' }] });
  });

  it('resolves the invite dialog path against the base, and flags an absolute one', () => {
    expect(endpointLinks(modern, 'https://cloud.example.org')).toContainEqual({
      label: 'Invite accept dialog',
      value: 'https://cloud.example.org/apps/ocm/accept-invite',
    });
    expect(endpointLinks({ inviteAcceptDialog: 'https://x/accept' }, 'https://x')[0]!.note).toMatch(/absolute URL/);
  });

  it('keeps the notable response headers', () => {
    expect(
      notableHeaders([
        ['Content-Type', 'application/json'],
        ['X-Request-Id', '1'],
        ['Server', 'nginx'],
      ]),
    ).toEqual([
      ['Content-Type', 'application/json'],
      ['Server', 'nginx'],
    ]);
  });
});
