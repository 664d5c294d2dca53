import { describe, expect, it } from 'vitest';
import { applyNotice, noticeAnswer, readNotice, type ShareTrack } from './share-state.ts';

const fresh: ShareTrack = { status: 'pending', events: [] };
const at = '2026-11-27T10:00:00.000Z';

describe('which share a notification is about', () => {
  it('reads the -07 notification.file.providerId and the new permissions', () => {
    const reading = readNotice({
      notificationType: 'SHARE_CHANGE_PERMISSION',
      senderDomain: 'alpha.example',
      resourceType: 'file',
      notification: { file: { providerId: 'p-1', permissions: ['read', 'write'] } },
    });
    expect(reading).toEqual({
      about: 'share',
      notice: {
        type: 'SHARE_CHANGE_PERMISSION',
        direction: 'to-receiver',
        providerId: 'p-1',
        providerIdField: 'notification.file.providerId',
        permissions: ['read', 'write'],
        senderDomain: 'alpha.example',
      },
    });
  });

  it('reads the deprecated top-level providerId of legacy notifications (Nextcloud)', () => {
    const reading = readNotice({
      notificationType: 'SHARE_UNSHARED',
      resourceType: 'file',
      providerId: 42,
      notification: { sharedSecret: 's', message: 'gone' },
    });
    expect(reading).toMatchObject({ about: 'share', notice: { providerId: '42', providerIdField: 'providerId' } });
  });

  it('a share-scoped notification without a providerId names the missing field', () => {
    expect(readNotice({ notificationType: 'SHARE_UNSHARED', notification: { file: {} } })).toEqual({
      about: 'share',
      problem: { name: 'notification.file.providerId', message: 'REQUIRED' },
    });
    expect(readNotice({ notificationType: 'SHARE_UNSHARED', resourceType: 'file' })).toEqual({
      about: 'share',
      problem: { name: 'providerId', message: 'REQUIRED' },
    });
  });

  it('REQUEST_SHARE, USER_REMOVED and vendor types are not about one share', () => {
    for (const type of ['REQUEST_SHARE', 'USER_REMOVED', 'MESSAGE_POSTED'])
      expect(readNotice({ notificationType: type, providerId: 'x' })).toEqual({ about: 'other' });
  });

  it('says which way each type travels', () => {
    const dir = (type: string) => {
      const r = readNotice({ notificationType: type, providerId: 'p' });
      return 'notice' in r ? r.notice.direction : undefined;
    };
    expect(dir('SHARE_UNSHARED')).toBe('to-receiver');
    expect(dir('RESHARE_CHANGE_PERMISSION')).toBe('to-receiver');
    expect(dir('SHARE_ACCEPTED')).toBe('to-sender');
    expect(dir('SHARE_DECLINED')).toBe('to-sender');
  });
});

describe('a share’s state under notifications', () => {
  it('moves pending → accepted → permissions changed → unshared, keeping each step', () => {
    let track = applyNotice(fresh, { recordId: 'in-2', type: 'SHARE_ACCEPTED', at, by: 'console' }).track;
    expect(track.status).toBe('accepted');
    track = applyNotice(track, {
      recordId: 'in-3',
      type: 'SHARE_CHANGE_PERMISSION',
      at,
      by: 'peer',
      permissions: ['read', 'write'],
    }).track;
    expect(track).toMatchObject({ status: 'accepted', permissions: ['read', 'write'] });
    const last = applyNotice(track, { recordId: 'in-4', type: 'SHARE_UNSHARED', at, by: 'peer' });
    expect(last.outcome).toBe('applied');
    expect(last.track.status).toBe('unshared');
    expect(last.track.events.map((e) => [e.recordId, e.status])).toEqual([
      ['in-2', 'accepted'],
      ['in-3', 'accepted'],
      ['in-4', 'unshared'],
    ]);
  });

  it('a declined share is declined; RESHARE_UNDO (pre-07) unshares', () => {
    expect(applyNotice(fresh, { recordId: 'a', type: 'SHARE_DECLINED', at, by: 'console' }).track.status).toBe(
      'declined',
    );
    expect(applyNotice(fresh, { recordId: 'a', type: 'RESHARE_UNDO', at, by: 'peer' }).track.status).toBe('unshared');
  });

  it('a repeated notification is a duplicate: recorded, the state does not move twice', () => {
    const once = applyNotice(fresh, { recordId: 'in-3', type: 'SHARE_UNSHARED', at, by: 'peer' });
    const twice = applyNotice(once.track, { recordId: 'in-4', type: 'SHARE_UNSHARED', at, by: 'peer' });
    expect(twice.outcome).toBe('duplicate');
    expect(twice.track.status).toBe('unshared');
    expect(twice.track.events.map((e) => e.outcome)).toEqual(['applied', 'duplicate']);
  });

  it('the same permission change twice is a duplicate; a different one is applied', () => {
    const change = (recordId: string, permissions: string[]) => ({
      recordId,
      type: 'SHARE_CHANGE_PERMISSION',
      at,
      by: 'peer' as const,
      permissions,
    });
    const first = applyNotice(fresh, change('a', ['read', 'write'])).track;
    expect(applyNotice(first, change('b', ['read', 'write'])).outcome).toBe('duplicate');
    const other = applyNotice(first, change('c', ['read']));
    expect(other.outcome).toBe('applied');
    expect(other.track.permissions).toEqual(['read']);
  });

  it('REQUEST_RESHARE for another third party is not a repeat of the last one', () => {
    const ask = (recordId: string, shareWith: string) => ({
      recordId,
      type: 'REQUEST_RESHARE',
      at,
      by: 'peer' as const,
      shareWith,
    });
    const first = applyNotice(fresh, ask('a', 'dan@x.example')).track;
    expect(applyNotice(first, ask('b', 'eve@y.example')).outcome).toBe('applied');
    expect(applyNotice(first, ask('c', 'dan@x.example')).outcome).toBe('duplicate');
    expect(
      readNotice({
        notificationType: 'REQUEST_RESHARE',
        notification: { file: { providerId: 'p', shareWith: 'dan@x.example' } },
      }),
    ).toMatchObject({ notice: { shareWith: 'dan@x.example', direction: 'to-sender' } });
  });

  it('after an unshare, a different notification finds the share gone and changes nothing', () => {
    const gone = applyNotice(fresh, { recordId: 'a', type: 'SHARE_UNSHARED', at, by: 'peer' }).track;
    const late = applyNotice(gone, { recordId: 'b', type: 'SHARE_CHANGE_PERMISSION', at, by: 'peer', permissions: [] });
    expect(late.outcome).toBe('gone');
    expect(late.track).toBe(gone);
  });
});

describe('the answer to a share-scoped notification', () => {
  it('201 when applied or repeated', () => {
    expect(noticeAnswer({ outcome: 'applied', field: 'providerId' })).toEqual({ status: 201, body: {} });
    expect(noticeAnswer({ outcome: 'duplicate', field: 'providerId' })).toEqual({ status: 201, body: {} });
  });

  it('400 naming the field when the share is unknown or was unshared', () => {
    expect(noticeAnswer({ outcome: 'unknown', field: 'notification.file.providerId' })).toEqual({
      status: 400,
      body: {
        message: 'SHARE_NOT_FOUND',
        validationErrors: [{ name: 'notification.file.providerId', message: 'NOT_FOUND' }],
      },
    });
    expect(noticeAnswer({ outcome: 'gone', field: 'providerId' }).body).toMatchObject({
      validationErrors: [{ name: 'providerId', message: 'UNSHARED' }],
    });
  });

  it('400 REQUIRED when the providerId is missing', () => {
    expect(noticeAnswer({ problem: { name: 'providerId', message: 'REQUIRED' } })).toEqual({
      status: 400,
      body: { message: 'INVALID_PARAMETERS', validationErrors: [{ name: 'providerId', message: 'REQUIRED' }] },
    });
  });
});
