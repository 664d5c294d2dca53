import { isRecord, stringsOf, type Json } from '../lint/util.ts';
import { compareVersions, type Dialect, type SpecVersion } from '../versions.ts';
import type { Clues, Evidence } from './types.ts';

function collector(start: SpecVersion = '1.0') {
  const evidence: Evidence[] = [];
  const state: { min: SpecVersion; max?: SpecVersion; dialect: Dialect } = { min: start, dialect: 'spec' };
  return {
    evidence,
    state,
    atLeast(v: SpecVersion, path: string, reason: string) {
      evidence.push({ path, reason: `${reason} (${v}+)` });
      if (compareVersions(v, state.min) > 0) state.min = v;
    },
    atMost(v: SpecVersion, path: string, reason: string) {
      evidence.push({ path, reason: `${reason} (up to ${v})` });
      if (!state.max || compareVersions(v, state.max) < 0) state.max = v;
    },
    dialect(d: Dialect, path: string, reason: string) {
      evidence.push({ path, reason });
      state.dialect = d;
    },
    done(): Clues {
      const clues: Clues = { min: state.min, dialect: state.dialect, evidence };
      if (state.max) clues.max = state.max;
      return clues;
    },
  };
}

export function shareClues(doc: Json): Clues {
  const c = collector();
  const p = isRecord(doc.protocol) ? doc.protocol : {};
  const webdav = isRecord(p.webdav) ? p.webdav : undefined;
  const webapp = isRecord(p.webapp) ? p.webapp : undefined;
  if (isRecord(doc.encryption)) c.atLeast('1.5', '/encryption', 'encryption came with draft -07');
  if (webapp && ('targets' in webapp || 'appName' in webapp))
    c.atLeast('1.4', '/protocol/webapp', 'webapp targets/appName come from draft -05');
  if (webapp && 'viewMode' in webapp) c.atMost('1.3', '/protocol/webapp/viewMode', 'viewMode is the old webapp');
  const reqs = [...stringsOf(webdav?.requirements), ...stringsOf(webapp?.requirements)];
  if (reqs.includes('must-exchange-token') || reqs.includes('must-use-mfa'))
    c.atLeast('1.3', '/protocol', 'must-* requirement names came with 1.3');
  if (reqs.includes('use-code')) c.atMost('1.2', '/protocol', 'use-code is the 1.2 requirement');
  if (webdav && 'accessTypes' in webdav)
    c.atLeast('1.3', '/protocol/webdav/accessTypes', 'accessTypes replaced the datatx protocol');
  if (isRecord(p.ssh)) c.atLeast('1.3', '/protocol/ssh', 'ssh came with 1.3');
  if (typeof doc.code === 'string') c.atMost('1.2', '/code', 'a top-level code is the 1.2 code flow');
  if (webdav || webapp) c.atLeast('1.1', '/protocol', 'protocol objects keyed by protocol came with 1.1');
  else if (isRecord(p.options)) c.atMost('1.0', '/protocol/options', 'only {name, options} is the 1.0 form');
  const opts = isRecord(p.options) ? p.options : undefined;
  if (typeof opts?.permissions === 'string' && opts.permissions.includes('open-cloud-mesh.org/ns'))
    c.dialect(
      'nextcloud',
      '/protocol/options/permissions',
      "a WebDAV property name as permissions is Nextcloud's legacy share",
    );
  if (typeof doc.shareWith === 'string' && /@https?:\/\//.test(doc.shareWith))
    c.dialect('nextcloud', '/shareWith', "a URL after the @ in shareWith is Nextcloud's");
  if (typeof doc.sharedBy === 'string' && !('sender' in doc))
    c.dialect('nextcloud', '/sharedBy', "sharedBy/sharedByDisplayName instead of sender is older Nextcloud's");
  if (opts && Object.keys(opts).length === 0 && (webdav || webapp))
    c.dialect('reva', '/protocol/options', 'name "multi" with an empty options object is Reva\'s');
  if (webdav && 'url' in webdav && !('uri' in webdav))
    c.dialect('reva', '/protocol/webdav/url', '"url" instead of "uri" was an OpenCloud/Reva deviation');
  return c.done();
}

export function notificationClues(doc: Json): Clues {
  const c = collector();
  const n = isRecord(doc.notification) ? doc.notification : {};
  const type = typeof doc.notificationType === 'string' ? doc.notificationType : '';
  if (typeof doc.senderDomain === 'string') c.atLeast('1.5', '/senderDomain', 'senderDomain came with draft -07');
  if (isRecord(n.file)) c.atLeast('1.5', '/notification/file', 'notification.file came with draft -07');
  if (['REQUEST_SHARE', 'GROUP_REMOVED'].includes(type))
    c.atLeast('1.5', '/notificationType', `${type} is a draft -07 type`);
  if (type === 'RESHARE_UNDO' || type === 'RESHARE_CHANGE_PERMISSION')
    c.atMost('1.4', '/notificationType', `${type} left the registry in draft -07`);
  if (c.state.min === '1.0' && ('sharedSecret' in n || 'grantee' in n))
    c.atMost('1.4', '/notification', 'binding the share by sharedSecret or grantee is the pre-1.5 envelope');
  else if (c.state.min === '1.0' && typeof doc.providerId === 'string')
    c.atMost('1.4', '/providerId', 'a top-level providerId with no senderDomain is the pre-1.5 envelope');
  if (doc.resourceType === 'talk-room')
    c.dialect('nextcloud-talk', '/resourceType', 'resource type "talk-room" is Nextcloud Talk\'s');
  else if ('grantee' in n)
    c.dialect('reva', '/notification/grantee', 'notification.grantee is how ownCloud Reva binds the share');
  else if ('sharedSecret' in n)
    c.dialect('nextcloud', '/notification/sharedSecret', 'notification.sharedSecret is how Nextcloud binds the share');
  return c.done();
}

export function inviteClues(doc: Json): Clues {
  const c = collector('1.1');
  c.evidence.push({ path: '', reason: '/invite-accepted came with 1.1' });
  if ('userId' in doc && !('userID' in doc))
    c.evidence.push({
      path: '/userId',
      reason: '"userId" instead of "userID" (Nextcloud\'s controller parameter name)',
    });
  return c.done();
}

export function tokenClues(doc: Json): Clues {
  const c = collector('1.3');
  c.evidence.push({ path: '', reason: 'the OAuth-aligned token endpoint came with 1.3' });
  if ('grant_type' in doc || 'access_token' in doc) return c.done();
  return c.done();
}

export function requestShareClues(doc: Json): Clues {
  const c = collector('1.4');
  c.atMost('1.4', '', '/request-share existed in drafts -05/-06; draft -07 made it the REQUEST_SHARE notification');
  if ('shareId' in doc)
    c.evidence.push({
      path: '/shareId',
      reason: 'shareId is the field set of the request-share pull request, before the draft merged "share"',
    });
  return c.done();
}
