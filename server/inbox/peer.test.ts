import { describe, expect, it } from 'vitest';
import { addressPeer } from '../guard/peer-address.ts';
import { peerOf } from './peer.ts';

describe('peer of a received call', () => {
  it('counts an IPv6 address by its /64 and a mapped IPv4 address as IPv4', () => {
    expect(addressPeer('2001:db8:1:2:aaaa::1')).toBe(addressPeer('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressPeer('2001:db8:1:2::1')).not.toBe(addressPeer('2001:db8:1:3::1'));
    expect(addressPeer('::ffff:192.0.2.1')).toBe(addressPeer('192.0.2.1'));
    expect(addressPeer(null)).toBe('address:unknown');
  });

  it('names a verified signer by its keyid host, and an unverified claim not at all', () => {
    const keyid = 'https://Peer.Example:8443/ocm#key1';
    expect(peerOf({ remoteAddress: '::1', verification: { status: 'verified', keyid, summary: '' } })).toBe(
      'domain:peer.example:8443',
    );
    expect(peerOf({ remoteAddress: '::1', verification: { status: 'failed', keyid, summary: '' } })).toBe(
      addressPeer('::1'),
    );
  });
});
