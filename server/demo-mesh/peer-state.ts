import { randomBytes } from 'node:crypto';
import { nextcloudKeyId } from '../../src/protocol/signature-profile.ts';
import { exportSpkiPem, generateKey } from '../../src/signing/index.ts';
import { NO_FAULTS, type PeerSpec, type PeerState } from './types.ts';

/** A fresh peer: new keys every start (demo peers keep nothing between runs). */
export async function createPeerState(spec: PeerSpec, origin: string): Promise<PeerState> {
  const host = new URL(origin).host;
  if (spec.dialect === 'ocm-1.5') {
    const keyId = `${host}#ed25519`;
    const key = await generateKey('ed25519', { kid: keyId });
    return {
      spec,
      origin,
      key,
      keyId,
      faults: { ...NO_FAULTS },
      shares: new Map(),
      tokens: new Map(),
      invites: new Map(),
      received: [],
      fetched: [],
    };
  }
  const key = await generateKey('rsa-v1_5-sha256');
  const pem = await exportSpkiPem(key);
  if (!pem.ok) throw new Error(`cannot export the demo peer's RSA key: ${pem.error.message}`);
  return {
    spec,
    origin,
    key,
    keyId: nextcloudKeyId(origin),
    publicKeyPem: pem.value,
    faults: { ...NO_FAULTS },
    shares: new Map(),
    tokens: new Map(),
    invites: new Map(),
    received: [],
    fetched: [],
  };
}

export function randomSecret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

export function hostOf(peer: PeerState): string {
  return new URL(peer.origin).host;
}
