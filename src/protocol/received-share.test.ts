import { describe, expect, it } from 'vitest';
import { buildNotification } from './build/index.ts';
import { replyToShare } from './received-share.ts';

const current = {
  shareWith: 'alice@console.example',
  name: 'a.txt',
  providerId: 'p-1',
  owner: 'carol@alpha.example:8443',
  sender: 'carol@alpha.example:8443',
  shareType: 'user',
  resourceType: 'file',
  protocol: { name: 'multi', webdav: { uri: 'x', sharedSecret: 's3cret' } },
};
const legacy = {
  ...current,
  sender: 'dave@legacy.example',
  owner: 'dave@legacy.example',
  protocol: {
    name: 'webdav',
    options: { sharedSecret: 'old', permissions: '{http://open-cloud-mesh.org/ns}share-permissions' },
  },
};
const identity = { host: 'console.example', user: 'alice' };
const v15 = { apiVersion: '1.5.0', endPoint: 'https://alpha.example:8443/ocm', capabilities: ['http-sig'] };
const nextcloud = { apiVersion: '1.1.0', endPoint: 'https://legacy.example/ocm', provider: 'Nextcloud', publicKey: {} };

describe('answering a received share', () => {
  it('goes to the sender’s server, naming the share by providerId', () => {
    const reply = replyToShare(current, 'SHARE_DECLINED');
    expect(reply).toMatchObject({ ok: true, senderAuthority: 'alpha.example:8443' });
    if (!reply.ok) return;
    expect(buildNotification(v15, identity, reply.choices).payload).toEqual({
      notificationType: 'SHARE_DECLINED',
      senderDomain: 'console.example',
      resourceType: 'file',
      shareType: 'user',
      notification: { file: { providerId: 'p-1' } },
    });
  });
  it('carries the sharedSecret in the legacy shape (Nextcloud answers 400 without it)', () => {
    const reply = replyToShare(legacy, 'SHARE_ACCEPTED');
    if (!reply.ok) throw new Error(reply.problem);
    expect(reply.senderAuthority).toBe('legacy.example');
    expect(buildNotification(nextcloud, identity, reply.choices).payload).toEqual({
      notificationType: 'SHARE_ACCEPTED',
      resourceType: 'file',
      providerId: 'p-1',
      notification: { sharedSecret: 'old' },
    });
  });
  it('says why it cannot answer a share without a sender or providerId', () => {
    expect(replyToShare({ ...current, sender: undefined, owner: undefined }, 'SHARE_ACCEPTED')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/no sender/),
    });
    expect(replyToShare({ ...current, providerId: undefined }, 'SHARE_ACCEPTED')).toMatchObject({ ok: false });
    expect(replyToShare('x', 'SHARE_ACCEPTED').ok).toBe(false);
  });
});
