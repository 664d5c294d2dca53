import { randomUUID } from 'node:crypto';
import { discoveryTarget, findDiscovery, localUserOf, messageUrl, type MessageKind } from '../../src/protocol/index.ts';
import { NEXTCLOUD_CAVAGE_PROFILE, OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import {
  createContentDigest,
  createLegacyDigest,
  headerPairs,
  signCavageWithProfile,
  signWithProfile,
  type HeaderPairs,
} from '../../src/signing/index.ts';
import type { PeerNet, ReceivedResponse, SentRequest } from './net.ts';
import { hostOf, randomSecret } from './peer-state.ts';
import type { OutgoingShare, PeerState } from './types.ts';

export type SendKind = 'share' | 'notification' | 'invite-accepted' | 'request-share';

export interface SendCommand {
  kind: SendKind;
  /** An OCM address (user@host[:port]) for shares and share requests; a host or address for the rest. */
  to: string;
  /** Which local user acts (default: the peer's first user). */
  from?: string;
  protocol?: 'webdav' | 'webapp';
  name?: string;
  notificationType?: string;
  providerId?: string;
  /** The invite token, for invite-accepted. */
  token?: string;
}

export interface SendOutcome {
  ok: boolean;
  /** What went wrong before or instead of an answer (discovery, signing, transport). */
  error?: string;
  request?: SentRequest;
  response?: ReceivedResponse;
  signatureBase?: string;
  share?: Pick<OutgoingShare, 'id' | 'name' | 'protocol'>;
}

const STALE_SECONDS = 600;

async function discover(net: PeerNet, to: string): Promise<{ doc: Record<string, unknown> } | { error: string }> {
  const target = discoveryTarget(to);
  if (!target.ok) return { error: target.error };
  const found = await findDiscovery((url) => net.fetchJson(url), target.bases);
  return found.ok
    ? { doc: found.doc }
    : { error: `no OCM discovery at ${target.authority} (${found.tried.join('; ')})` };
}

function receiverTargets(doc: Record<string, unknown>): string[] {
  const types = Array.isArray(doc.resourceTypes) ? doc.resourceTypes : [];
  for (const t of types as Record<string, unknown>[]) {
    const receive = (t?.protocols as Record<string, { targets?: unknown }> | undefined)?.['webapp-receive'];
    if (Array.isArray(receive?.targets)) return receive.targets as string[];
  }
  return [];
}

/** Notifications a share's sender sends about it to its receiver. */
const SENDER_SIDE = new Set(['SHARE_UNSHARED', 'SHARE_CHANGE_PERMISSION']);

/** The newest share this peer sent to an address (or to any user at that host). */
function lastShareTo(peer: PeerState, to: string): OutgoingShare | undefined {
  const shares = [...peer.shares.values()].reverse();
  return shares.find((s) => s.shareWith === to) ?? shares.find((s) => s.shareWith.endsWith(`@${to}`));
}

/** Builds the body of a message in this peer's dialect (what a real server of that kind sends). */
function buildBody(
  peer: PeerState,
  cmd: SendCommand,
  receiver: Record<string, unknown>,
): { body: unknown; share?: OutgoingShare } | { error: string } {
  const me = hostOf(peer);
  const user = cmd.from ?? peer.spec.users[0]!;
  const address = `${user}@${me}`;
  const display = `${user.charAt(0).toUpperCase()}${user.slice(1)}`;
  const modern = peer.spec.dialect === 'ocm-1.5';
  switch (cmd.kind) {
    case 'share': {
      const protocol = cmd.protocol ?? 'webdav';
      const id = randomUUID();
      const share: OutgoingShare = {
        id,
        owner: address,
        shareWith: cmd.to,
        name: cmd.name ?? (protocol === 'webapp' ? 'notes.md' : 'report.txt'),
        content: `Hello from ${peer.spec.name}: this is ${cmd.name ?? 'a demo file'}, shared by ${address} with ${cmd.to}.\n`,
        protocol,
        secret: randomSecret(),
        mustExchangeToken: modern,
        createdAt: new Date().toISOString(),
      };
      const common = {
        shareWith: cmd.to,
        name: share.name,
        providerId: id,
        owner: address,
        sender: address,
        ownerDisplayName: display,
        senderDisplayName: display,
        shareType: 'user',
        resourceType: 'file',
      };
      if (!modern && protocol === 'webapp') {
        // The historic (≤1.3) web app: a uri template the receiver fills with the secret, which then
        // travels in the URL. Kept for contrast: the group replaced it with the token POSTed in a form.
        return {
          share,
          body: {
            ...common,
            protocol: {
              name: 'multi',
              webapp: {
                uriTemplate: `${peer.origin}/apps/viewer/${id}?sharedSecret={sharedSecret}`,
                viewMode: 'read',
                sharedSecret: share.secret,
              },
            },
          },
        };
      }
      if (!modern) {
        return {
          share,
          body: {
            ...common,
            description: '',
            protocol: {
              name: 'webdav',
              options: { sharedSecret: share.secret, permissions: '{http://open-cloud-mesh.org/ns}share-permissions' },
            },
          },
        };
      }
      if (protocol === 'webapp') {
        const offered = receiverTargets(receiver);
        const targets = ['iframe', 'blank'].filter((t) => offered.includes(t));
        if (!targets.length)
          return { error: 'the receiver advertises no webapp-receive targets this peer can use (iframe, blank)' };
        return {
          share,
          body: {
            ...common,
            protocol: {
              name: 'multi',
              webapp: {
                uri: `${peer.origin}/apps/viewer/${id}`,
                sharedSecret: share.secret,
                targets,
                permissions: ['view'],
                requirements: ['must-exchange-token'],
                appName: `${peer.spec.name} viewer`,
              },
            },
          },
        };
      }
      return {
        share,
        body: {
          ...common,
          protocol: {
            name: 'multi',
            webdav: {
              uri: `${peer.origin}/webdav/${id}`,
              sharedSecret: share.secret,
              permissions: ['read'],
              requirements: ['must-exchange-token'],
            },
          },
        },
      };
    }
    case 'notification': {
      const type = cmd.notificationType ?? 'SHARE_ACCEPTED';
      // An unshare or permission change is about a share this peer sent: by default the last one to that address.
      const providerId = cmd.providerId ?? (SENDER_SIDE.has(type) ? lastShareTo(peer, cmd.to)?.id : undefined);
      if (!providerId && SENDER_SIDE.has(type))
        return { error: `${peer.spec.name} has sent no share to ${cmd.to} yet: send one first, then ${type}` };
      const permissions = type === 'SHARE_CHANGE_PERMISSION' ? ['read', 'write'] : undefined;
      return modern
        ? {
            body: {
              notificationType: type,
              senderDomain: me,
              resourceType: 'file',
              shareType: 'user',
              notification: {
                message: `${display} says ${type}`,
                file: { providerId: providerId ?? randomUUID(), ...(permissions ? { permissions } : {}) },
              },
            },
          }
        : {
            body: {
              // Before -07 the permission change was RESHARE_CHANGE_PERMISSION (Nextcloud's name).
              notificationType: type === 'SHARE_CHANGE_PERMISSION' ? 'RESHARE_CHANGE_PERMISSION' : type,
              resourceType: 'file',
              providerId: providerId ?? randomUUID(),
              notification: {
                sharedSecret: (providerId && peer.shares.get(providerId)?.secret) || randomSecret(),
                message: `${display} says ${type}`,
              },
            },
          };
    }
    case 'invite-accepted':
      if (!cmd.token) return { error: 'an invite acceptance needs the invite token' };
      return {
        body: {
          recipientProvider: me,
          token: cmd.token,
          [modern ? 'userID' : 'userId']: user,
          email: `${user}@${new URL(peer.origin).hostname}.example`,
          name: display,
        },
      };
    case 'request-share':
      if (!modern)
        return {
          error:
            'the legacy (Nextcloud 1.1) peer cannot ask for shares: requests for a share came with OCM 1.4 / draft-05',
        };
      // -07 replaced /request-share with the REQUEST_SHARE notification; alpha speaks -07.
      return {
        body: {
          notificationType: 'REQUEST_SHARE',
          senderDomain: me,
          resourceType: 'file',
          notification: {
            message: `${display} asks for a share`,
            file: {
              owner: cmd.to,
              shareWith: address,
              shareId: cmd.providerId ?? 'q3-plan.md',
              permissions: ['read'],
            },
          },
        },
      };
  }
}

/** Where each command's message goes: alpha sends share requests as REQUEST_SHARE notifications (1.5). */
const MESSAGE_KIND: Record<SendKind, MessageKind> = {
  share: 'share',
  notification: 'notification',
  'invite-accepted': 'invite-accepted',
  'request-share': 'notification',
};

/** Signs a request in the peer's dialect, applying any faults switched on. */
async function sign(peer: PeerState, request: { method: string; url: string; headers: HeaderPairs; body: string }) {
  const { faults } = peer;
  const now = Math.floor(Date.now() / 1000) - (faults.staleCreated ? STALE_SECONDS : 0);
  const headers: HeaderPairs = [...request.headers];
  if (peer.spec.dialect === 'ocm-1.5') {
    if (faults.wrongDigest) headers.push(['Content-Digest', await createContentDigest(`${request.body} `)]);
    const keyid = faults.unknownKeyid ? `${hostOf(peer)}#no-such-key` : peer.keyId;
    const signed = await signWithProfile({ ...request, headers }, OCM_RFC9421_PROFILE, { key: peer.key, keyid, now });
    return signed.ok
      ? { headers: headerPairs(signed.value.message.headers), base: signed.value.signatureBase }
      : { error: signed.error.message };
  }
  if (faults.wrongDigest) headers.push(['Digest', await createLegacyDigest(`${request.body} `)]);
  const keyId = faults.unknownKeyid ? `${peer.origin}/ocm#no-such-key` : peer.keyId;
  const signed = await signCavageWithProfile({ ...request, headers }, NEXTCLOUD_CAVAGE_PROFILE, {
    key: peer.key,
    keyId,
    now,
  });
  return signed.ok
    ? { headers: headerPairs(signed.value.message.headers), base: signed.value.signingString }
    : { error: signed.error.message };
}

/** Makes the peer send one signed OCM message to another server, exactly as it would on its own. */
export async function sendFromPeer(peer: PeerState, net: PeerNet, cmd: SendCommand): Promise<SendOutcome> {
  if ((cmd.kind === 'share' || cmd.kind === 'request-share') && !cmd.to.includes('@'))
    return { ok: false, error: `"${cmd.to}" is not an OCM address (user@host)` };
  const found = await discover(net, cmd.to);
  if ('error' in found) return { ok: false, error: found.error };
  const endPoint = found.doc.endPoint;
  if (typeof endPoint !== 'string') return { ok: false, error: `the discovery of ${cmd.to} has no endPoint` };
  const built = buildBody(peer, cmd, found.doc);
  if ('error' in built) return { ok: false, error: built.error };
  if (cmd.kind === 'share' && localUserOf(cmd.to) === '') return { ok: false, error: 'the address has no user part' };

  const body = JSON.stringify(built.body);
  const url = messageUrl(endPoint, MESSAGE_KIND[cmd.kind]);
  const signed = await sign(peer, { method: 'POST', url, headers: [['Content-Type', 'application/json']], body });
  if ('error' in signed) return { ok: false, error: `signing failed: ${signed.error}` };
  if (built.share) peer.shares.set(built.share.id, built.share);
  const request: SentRequest = { method: 'POST', url, headers: signed.headers as [string, string][], body };
  const sent = await net.send(request);
  const share = built.share
    ? { id: built.share.id, name: built.share.name, protocol: built.share.protocol }
    : undefined;
  if (!sent.ok) return { ok: false, error: sent.error, request, signatureBase: signed.base, share };
  return { ok: sent.response.status < 400, request, response: sent.response, signatureBase: signed.base, share };
}
