import { resourceTypeEntries } from '../detect/discovery.ts';
import { childPointer } from '../json/pointer.ts';
import { atLeast, below } from '../versions.ts';
import { SHARE_TYPES, WEBAPP_TARGETS, includes } from '../vocabulary.ts';
import type { CheckContext } from './context.ts';
import { checkHttpUrl, isRecord, quote } from './util.ts';

/** resourceTypes entries and their protocols, wherever the dialect put them. */
export function checkResourceTypes(ctx: CheckContext): void {
  const { doc } = ctx;
  if (Array.isArray(doc.resourceTypes) && doc.resourceTypes.length === 0)
    ctx.report(
      'discovery.resource-types-empty',
      '/resourceTypes',
      'resourceTypes is empty: a server must offer at least one resource type.',
      { hint: 'e.g. [{"name": "file", "shareTypes": ["user"], "protocols": {"webdav": "/remote/dav/ocm/"}}]' },
    );
  const seen = new Map<string, string>();
  for (const { entry, pointer } of resourceTypeEntries(doc)) {
    if (!isRecord(entry)) continue;
    const name = typeof entry.name === 'string' ? entry.name : undefined;
    if (name !== undefined) {
      const first = seen.get(name);
      if (first)
        ctx.report(
          'discovery.resource-type-duplicate',
          `${pointer}/name`,
          `Resource type "${name}" is listed twice (first at ${first}).`,
        );
      else seen.set(name, pointer);
    }
    if (Array.isArray(entry.shareTypes)) {
      const types = entry.shareTypes.filter((t): t is string => typeof t === 'string');
      if (!types.includes('user'))
        ctx.report(
          'discovery.share-types-user',
          `${pointer}/shareTypes`,
          `Resource type ${quote(name ?? '?')} does not list "user"; every resource type must support sharing with users.`,
        );
      types.forEach((t, i) => {
        if (!includes(SHARE_TYPES, t))
          ctx.report(
            'discovery.share-type-unknown',
            childPointer(`${pointer}/shareTypes`, i),
            `Share type ${quote(t)} is not registered (user, group; federation comes from OCM-MLS).`,
          );
      });
    }
    if (isRecord(entry.protocols)) checkProtocols(ctx, entry.protocols, `${pointer}/protocols`, name);
  }
}

function checkProtocols(
  ctx: CheckContext,
  protocols: Record<string, unknown>,
  pointer: string,
  name: string | undefined,
): void {
  const { version } = ctx;
  if ((name === 'file' || name === 'folder') && !('webdav' in protocols))
    ctx.report(
      'discovery.file-without-webdav',
      pointer,
      `Resource type "${name}" has no "webdav" protocol; ${name === 'file' ? 'file shares are WebDAV shares' : 'folders are expected to be served over WebDAV too'}.`,
      { severity: name === 'file' ? 'error' : 'warning' },
    );
  const webdav = protocols.webdav;
  if (typeof webdav === 'string' && !webdav.startsWith('/')) {
    if (checkHttpUrl(webdav).ok) {
      const old = below(version, '1.2');
      ctx.report(
        'discovery.webdav-path',
        `${pointer}/webdav`,
        `protocols.webdav is an absolute URL; ${old ? '1.1 implementations accept that, but' : ''} the schema wants a path starting with "/".`,
        {
          severity: old ? 'info' : 'warning',
          hint: 'Publish the path only, e.g. "/remote.php/dav/ocm/"; the host comes from the share\'s sender.',
        },
      );
    } else
      ctx.report(
        'discovery.webdav-path',
        `${pointer}/webdav`,
        `protocols.webdav is ${quote(webdav)}, not a path starting with "/"${webdav === 'seafdav' ? ' (Seafile names its WebDAV server instead)' : ''}; receivers cannot build a URL from it.`,
      );
  }
  const webapp = protocols.webapp;
  if (typeof webapp === 'string' && atLeast(version, '1.4'))
    ctx.report(
      'discovery.webapp-shape',
      `${pointer}/webapp`,
      `protocols.webapp is a path string (the 1.2–1.3 form); from 1.4 on it is an empty object {} that only says "can send web-app shares".`,
      { hint: 'Use "webapp": {} and advertise receiving with "webapp-receive": {"targets": [...]}' },
    );
  // Reva publishes the 1.4 forms (webapp {}, *-receive) with apiVersion "1.3.0": only older documents are told.
  if (isRecord(webapp) && below(version, '1.3'))
    ctx.report(
      'discovery.webapp-shape',
      `${pointer}/webapp`,
      `protocols.webapp is an object (the 1.4+ form, published by deployed 1.3 servers too) in a ${version} document, where it was a path string.`,
      { severity: 'info' },
    );
  for (const key of Object.keys(protocols)) {
    if (key.endsWith('-receive') && below(version, '1.3'))
      ctx.report(
        'discovery.receive-before-1.4',
        childPointer(pointer, key),
        `"${key}" is a 1.4+ key (deployed 1.3 servers such as Reva publish it too); ${version} peers do not read it.`,
      );
  }
  const receive = protocols['webapp-receive'];
  if (isRecord(receive) && Array.isArray(receive.targets)) {
    const targets = receive.targets;
    if (targets.length === 0)
      ctx.report(
        'discovery.webapp-receive-targets',
        `${pointer}/webapp-receive/targets`,
        'webapp-receive.targets is empty; list at least one of "blank", "iframe".',
      );
    targets.forEach((t, i) => {
      const at = `${pointer}/webapp-receive/targets/${i}`;
      if (typeof t === 'string' && !includes(WEBAPP_TARGETS, t))
        ctx.report('discovery.webapp-receive-targets', at, `Target ${quote(t)} is not one of "blank", "iframe".`, {
          hint:
            t === 'popup' || t === 'redirect'
              ? 'The design proposal\'s "popup" and "redirect" both became "blank".'
              : undefined,
        });
      else if (targets.indexOf(t) !== i)
        ctx.report('discovery.webapp-receive-targets', at, `Target ${quote(t)} is listed twice.`, {
          severity: 'warning',
        });
    });
  }
  if ('datatx' in protocols)
    ctx.report(
      'discovery.datatx-protocol',
      `${pointer}/datatx`,
      'The "datatx" protocol was removed; transfers are webdav shares with "accessTypes": ["datatx"].',
      { severity: below(version, '1.3') ? 'info' : 'warning' },
    );
  if (typeof protocols.ssh === 'string' && !/^(?:\[[0-9a-f:.]+\]|[^\s:/@]+):\d{1,5}$/i.test(protocols.ssh))
    ctx.report(
      'discovery.ssh-form',
      `${pointer}/ssh`,
      `protocols.ssh should be host:port; got ${quote(protocols.ssh)}.`,
      { hint: 'e.g. "sftp.example.org:22"' },
    );
}
