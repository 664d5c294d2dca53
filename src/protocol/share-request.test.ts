import { describe, expect, it } from 'vitest';
import { declineShareRequest, readShareRequest, shareForRequest } from './share-request.ts';

const notification = {
  notificationType: 'REQUEST_SHARE',
  senderDomain: 'alpha.example:8443',
  resourceType: 'file',
  notification: {
    message: 'Carol asks for a share',
    file: {
      owner: 'alice@console.example',
      shareWith: 'carol@alpha.example:8443',
      shareId: 'https://console.example/files/Reports/q3%20plan.md',
      permissions: ['read', 'write', 'delete'],
    },
  },
};

describe('reading a request for a share', () => {
  it('reads the draft-07 REQUEST_SHARE notification', () => {
    expect(readShareRequest('notifications', notification)).toEqual({
      ok: true,
      request: {
        via: 'REQUEST_SHARE',
        owner: 'alice@console.example',
        requester: 'carol@alpha.example:8443',
        resource: 'https://console.example/files/Reports/q3%20plan.md',
        permissions: ['read', 'write', 'delete'],
        resourceType: 'file',
        message: 'Carol asks for a share',
      },
    });
  });

  it('reads the -05/-06 /request-share body', () => {
    const read = readShareRequest('request-share', {
      owner: 'alice@console.example',
      shareWith: 'dave@legacy.example',
      share: '1234567890abcdef',
    });
    expect(read).toMatchObject({ ok: true, request: { via: 'request-share', resource: '1234567890abcdef' } });
  });

  it('names what a request lacks', () => {
    const bad = { ...notification, notification: { file: { owner: 'alice@console.example' } } };
    expect(readShareRequest('notifications', bad)).toEqual({
      ok: false,
      problem: 'notification.file lacks "shareWith", "shareId".',
    });
    expect(readShareRequest('request-share', { owner: 'a@b' })).toEqual({
      ok: false,
      problem: 'The request lacks shareWith, share.',
    });
  });

  it('other notifications are not requests', () => {
    expect(readShareRequest('notifications', { notificationType: 'SHARE_ACCEPTED' }).ok).toBe(false);
  });
});

describe('answering by sharing', () => {
  it('shares with the requester, named after the resource, with the permissions a share can carry', () => {
    const read = readShareRequest('notifications', notification);
    if (!read.ok) throw new Error(read.problem);
    expect(shareForRequest(read.request)).toEqual({
      to: 'carol@alpha.example:8443',
      name: 'q3 plan.md',
      permissions: ['read', 'write'],
      from: 'alice',
      protocol: 'webdav',
    });
  });

  it('a request to view is answered with the web app; one to read with the file', () => {
    const asking = (permissions: string[]) => {
      const read = readShareRequest('notifications', {
        ...notification,
        notification: { file: { ...notification.notification.file, permissions } },
      });
      if (!read.ok) throw new Error(read.problem);
      return shareForRequest(read.request);
    };
    expect(asking(['view'])).toMatchObject({ protocol: 'webapp', permissions: ['read'] });
    expect(asking(['read'])).toMatchObject({ protocol: 'webdav', permissions: ['read'] });
  });

  it('an opaque identifier is the name; no permissions means read', () => {
    const read = readShareRequest('request-share', { owner: 'a@x', shareWith: 'b@y', share: 'abc123' });
    if (!read.ok) throw new Error(read.problem);
    expect(shareForRequest(read.request)).toMatchObject({ name: 'abc123', permissions: ['read'] });
  });
});

describe('declining', () => {
  const v15 = { apiVersion: '1.5.0', endPoint: 'https://alpha.example:8443/ocm', capabilities: ['http-sig'] };
  const identity = { host: 'console.example', user: 'alice' };

  it('sends SHARE_DECLINED to the requester’s server, echoing the request', () => {
    const read = readShareRequest('notifications', notification);
    if (!read.ok) throw new Error(read.problem);
    const decline = declineShareRequest(read.request, 'Not this one');
    if (!decline.ok) throw new Error(decline.problem);
    expect(decline.requesterAuthority).toBe('alpha.example:8443');
    const built = decline.build(v15, identity);
    expect(built.url).toBe('https://alpha.example:8443/ocm/notifications');
    expect(built.payload).toEqual({
      notificationType: 'SHARE_DECLINED',
      senderDomain: 'console.example',
      resourceType: 'file',
      notification: {
        message: 'Not this one',
        file: {
          owner: 'alice@console.example',
          shareWith: 'carol@alpha.example:8443',
          shareId: 'https://console.example/files/Reports/q3%20plan.md',
        },
      },
    });
    expect(built.notes.join(' ')).toMatch(/does not define its fields/);
  });

  it('a -05/-06 /request-share has no defined decline: said, nothing built', () => {
    const read = readShareRequest('request-share', { owner: 'a@x', shareWith: 'b@y', share: 'abc' });
    if (!read.ok) throw new Error(read.problem);
    const decline = declineShareRequest(read.request);
    expect(decline.ok).toBe(false);
    expect(!decline.ok && decline.problem).toMatch(/define no answer that declines/);
  });
});
