import { exportPublicJwk } from '../../src/signing/index.ts';
import type { PeerState } from './types.ts';

/**
 * The discovery document each demo peer publishes, faithful to its dialect:
 * alpha is OCM 1.5 / draft-07 (jwksUri, RFC 9421, must-exchange-token, webapp targets);
 * legacy is a Nextcloud-like 1.1 server (legacy publicKey for draft-cavage, shared-secret WebDAV).
 */
export function discoveryDocument(peer: PeerState): Record<string, unknown> {
  const base = peer.origin;
  if (peer.spec.dialect === 'ocm-1.5') {
    return {
      enabled: true,
      apiVersion: '1.5.0',
      endPoint: `${base}/ocm`,
      provider: peer.spec.name,
      resourceTypes: [
        {
          name: 'file',
          shareTypes: ['user'],
          protocols: {
            webdav: '/webdav/',
            'webdav-receive': { uri: 'absolute' },
            webapp: {},
            'webapp-receive': { targets: ['iframe', 'blank'] },
          },
        },
      ],
      capabilities: ['exchange-token', 'http-sig', 'invites', 'notifications', 'protocol-object'],
      criteria: ['must-exchange-token', 'must-use-http-sig'],
      jwksUri: `${base}/ocm/jwks`,
      tokenEndPoint: `${base}/ocm/token`,
      inviteAcceptDialog: '/invites/accept',
    };
  }
  // As Nextcloud publishes it: the proposal-era apiVersion for old peers, the real one in `version`,
  // and the legacy cavage key; no capabilities.
  return {
    enabled: true,
    apiVersion: '1.0-proposal1',
    version: '1.1.0',
    endPoint: `${base}/ocm`,
    provider: peer.spec.name,
    resourceTypes: [{ name: 'file', shareTypes: ['user', 'group'], protocols: { webdav: '/public.php/webdav/' } }],
    publicKey: { keyId: peer.keyId, publicKeyPem: peer.publicKeyPem },
  };
}

export function jwksDocument(peer: PeerState): { keys: unknown[] } {
  return { keys: peer.spec.dialect === 'ocm-1.5' ? [exportPublicJwk(peer.key)] : [] };
}
