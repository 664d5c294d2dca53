import type { InboundRecord } from '../../src/contract/inbound.ts';
import { keyidHost } from '../../src/protocol/signer-domain.ts';
import { addressPeer } from '../guard/peer-address.ts';

/** The signer's domain when a signature verified (its keyid's host), else undefined: a claim is not a name. */
export function verifiedSignerDomain(verification: InboundRecord['verification']): string | undefined {
  if (verification?.status !== 'verified' || !verification.keyid) return undefined;
  const host = keyidHost(verification.keyid);
  try {
    return /^https?:\/\//i.test(host) ? new URL(host).host : host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The peer a record counts against: its verified signer's domain (many peers may share one address, behind
 * a proxy or a tunnel), else the address it came from.
 */
export function peerOf(record: Pick<InboundRecord, 'remoteAddress' | 'verification'>): string {
  const domain = verifiedSignerDomain(record.verification);
  return domain ? `domain:${domain}` : addressPeer(record.remoteAddress);
}
