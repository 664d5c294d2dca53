import { MESSAGE_PATHS } from '../endpoints.ts';
import { atLeast, below } from '../versions.ts';
import { WEBAPP_TARGETS } from '../vocabulary.ts';
import { isRecord, stringsOf } from '../lint/util.ts';
import {
  endpointUrl,
  identityAddress,
  identityOrigin,
  targetFacts,
  type BuiltPayload,
  type ConsoleIdentity,
} from './target.ts';

export interface ShareChoices {
  shareWith: string;
  name: string;
  providerId: string;
  sharedSecret: string;
  /** Protocols to offer; webdav by default. */
  protocols?: Array<'webdav' | 'webapp' | 'ssh'>;
  resourceType?: 'file' | 'folder';
  shareType?: 'user' | 'group';
  permissions?: Array<'read' | 'write' | 'share'>;
  /** Ask for the code flow even when the receiver does not insist. */
  mustExchangeToken?: boolean;
  /** Resource key under the console's webdav path; defaults to providerId. */
  resourceKey?: string;
  webappUri?: string;
  sshUri?: string;
  expiration?: number;
}

/** Whether a receiver takes web-app shares, and with which targets; or why it does not, in a sentence. */
export type WebappReceive = { ok: true; targets: string[] } | { ok: false; why: string };

/**
 * A web-app share goes only to a receiver whose discovery advertises webapp-receive with targets it can open
 * ("blank", "iframe"), and only with those targets (Reva advertises webapp-receive with apiVersion "1.3.0": the
 * advertisement decides, not the version), in a version that has the web-app shape (1.3 on).
 */
export function webappReceiveOf(discovery: unknown): WebappReceive {
  const facts = targetFacts(discovery);
  const receive = facts.protocols['webapp-receive'];
  const targets = stringsOf(isRecord(receive) ? receive.targets : undefined).filter((t) =>
    (WEBAPP_TARGETS as readonly string[]).includes(t),
  );
  if (targets.length && atLeast(facts.version, '1.3')) return { ok: true, targets };
  return {
    ok: false,
    why: targets.length
      ? `the ${facts.version} web-app shape is not supported by this builder; it needs a receiver that advertises webapp-receive.`
      : isRecord(receive)
        ? 'the receiver\'s webapp-receive lists no target ("blank" or "iframe") it can open, so it cannot take a web-app share.'
        : 'the receiver does not advertise webapp-receive, so it does not take web-app shares.',
  };
}

/** A share creation payload in the receiver's version and dialect. */
export function buildShare(discovery: unknown, identity: ConsoleIdentity, choices: ShareChoices): BuiltPayload {
  const facts = targetFacts(discovery);
  const { version } = facts;
  const notes: string[] = [];
  const me = identityAddress(identity);
  const payload: Record<string, unknown> = {
    shareWith: choices.shareWith,
    name: choices.name,
    providerId: choices.providerId,
    owner: me,
    sender: me,
    shareType: choices.shareType ?? 'user',
    resourceType: choices.resourceType ?? 'file',
  };
  if (identity.displayName) payload.ownerDisplayName = payload.senderDisplayName = identity.displayName;
  if (choices.expiration !== undefined) payload.expiration = choices.expiration;
  const key = choices.resourceKey ?? choices.providerId;
  const webdavPath = (identity.webdavPath ?? '/ocm/webdav/').replace(/\/?$/, '/');
  const permissions = choices.permissions ?? ['read'];

  if (below(version, '1.1')) {
    payload.protocol = {
      name: 'webdav',
      options: { sharedSecret: choices.sharedSecret, permissions: permissions.join(',') },
    };
    notes.push(`The receiver looks like OCM ${version}: sent the legacy {name, options} protocol it understands.`);
    return {
      kind: 'share',
      payload,
      version,
      dialect: facts.dialect,
      url: endpointUrl(facts, MESSAGE_PATHS.share),
      notes,
    };
  }

  const wanted = choices.protocols ?? ['webdav'];
  const receiverWantsCode = facts.criteria.includes('must-exchange-token') || facts.criteria.includes('token-exchange');
  const receive = webappReceiveOf(discovery);
  const advertisedTargets = receive.ok ? receive.targets : [];
  const webapp = wanted.includes('webapp') && receive.ok;
  if (wanted.includes('webapp') && !receive.ok) notes.push(`Left out webapp: ${receive.why}`);
  const requireCode = (receiverWantsCode || choices.mustExchangeToken || webapp) && atLeast(version, '1.3');
  if (receiverWantsCode)
    notes.push(
      'The receiver requires the code flow (criterion must-exchange-token): every protocol carries must-exchange-token.',
    );
  const requirements = requireCode ? { requirements: ['must-exchange-token'] } : {};
  const protocol: Record<string, unknown> = { name: 'multi' };

  if (wanted.includes('webdav')) {
    const receive = facts.protocols['webdav-receive'];
    const receiveUri = isRecord(receive) ? receive.uri : undefined;
    const relative =
      receiveUri === 'relative' || (receiveUri === undefined && (version === '1.2' || version === '1.3'));
    const uri = relative ? key : `${identityOrigin(identity)}${webdavPath}${encodeURIComponent(key)}`;
    notes.push(
      relative
        ? "webdav.uri is relative: the receiver appends it to this server's protocols.webdav path."
        : 'webdav.uri is an absolute URL.',
    );
    const accessTypes = atLeast(version, '1.3') ? { accessTypes: ['remote'] } : {};
    protocol.webdav = { uri, sharedSecret: choices.sharedSecret, permissions, ...requirements, ...accessTypes };
  }
  if (webapp) {
    notes.push(`webapp.targets are the ones the receiver advertises: ${advertisedTargets.join(', ')}.`);
    protocol.webapp = {
      uri: choices.webappUri ?? `${identityOrigin(identity)}/apps/open/${encodeURIComponent(key)}`,
      targets: advertisedTargets,
      permissions: permissions.includes('write') ? ['write'] : ['view'],
      requirements: ['must-exchange-token'],
      sharedSecret: choices.sharedSecret,
    };
  }
  if (wanted.includes('ssh'))
    protocol.ssh = {
      uri: choices.sshUri ?? `${identity.user}@${identity.host.replace(/:\d+$/, '')}:22/${key}`,
      ...(atLeast(version, '1.3') ? { accessTypes: ['remote'] } : {}),
    };
  const offered = Object.keys(protocol).filter((k) => k !== 'name');
  if (offered.length === 1 && below(version, '1.2')) protocol.name = offered[0];
  payload.protocol = protocol;
  return {
    kind: 'share',
    payload,
    version,
    dialect: facts.dialect,
    url: endpointUrl(facts, MESSAGE_PATHS.share),
    notes,
  };
}
