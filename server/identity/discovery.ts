import { CONSOLE_PATHS } from '../console-paths.ts';
import type { KeyStore } from './key-store.ts';

/**
 * The console's own discovery document, OCM 1.5 / draft-07 shape. It advertises only what the console
 * really does: it receives shares (webdav, webapp), notifications, token requests and invite acceptances at
 * `<base>/ocm`, sends web-app shares of its own app, creates invites (with a WAYF page at /wayf) and accepts them at its inviteAcceptDialog,
 * signs with RFC 9421 (keys at jwksUri), and keeps the legacy publicKey for draft-cavage peers.
 * It sets no criteria: a debugging console accepts unsigned calls and shows them as such (a signature
 * that is sent and does not verify is still refused by the default inbox policy).
 */
export const CONSOLE_CRITERIA: readonly string[] = [];

export async function consoleDiscovery(base: string, keys: KeyStore): Promise<Record<string, unknown>> {
  const cavage = await keys.info(keys.active('cavage'));
  return {
    enabled: true,
    apiVersion: '1.5.0',
    endPoint: `${base}${CONSOLE_PATHS.endPoint}`,
    provider: 'OCM Explorer',
    resourceTypes: [
      {
        name: 'file',
        shareTypes: ['user'],
        protocols: {
          webdav: CONSOLE_PATHS.webdav,
          'webdav-receive': { uri: 'absolute' },
          // It sends web-app shares (its own viewer at /apps/open/<share>) and presents the ones it receives.
          webapp: {},
          'webapp-receive': { targets: ['iframe', 'blank'] },
        },
      },
    ],
    capabilities: ['exchange-token', 'http-sig', 'invite-wayf', 'invites', 'notifications', 'protocol-object'],
    ...(CONSOLE_CRITERIA.length ? { criteria: [...CONSOLE_CRITERIA] } : {}),
    // The console's accept page for invites from other providers' WAYF pages (a path, as the spec prefers).
    inviteAcceptDialog: '/invites/accept',
    jwksUri: `${base}${CONSOLE_PATHS.jwks}`,
    tokenEndPoint: `${base}${CONSOLE_PATHS.token}`,
    publicKey: { keyId: `${base}/ocm#signature`, publicKeyPem: cavage.publicKeyPem },
  };
}
