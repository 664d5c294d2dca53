import { childPointer } from '../json/pointer.ts';
import { atLeast, below } from '../versions.ts';
import {
  ACCESS_TYPES,
  BUILTIN_PROTOCOLS,
  RENAMED_REQUIREMENTS,
  REQUIREMENTS,
  WEBAPP_PERMISSIONS,
  WEBAPP_TARGETS,
  WEBDAV_PERMISSIONS,
  includes,
} from '../vocabulary.ts';
import type { CheckContext } from './context.ts';
import { checkHttpUrl, isRecord, quote, stringsOf, type Json } from './util.ts';

const P = '/protocol';

/** The protocol object: legacy or keyed, name vs offered protocols, and each protocol's fields. */
export function checkShareProtocol(ctx: CheckContext): void {
  const protocol = ctx.doc.protocol;
  if (!isRecord(protocol)) return;
  const offered = Object.keys(protocol).filter((k) => k !== 'name' && k !== 'options');
  const options = isRecord(protocol.options) ? protocol.options : undefined;
  if (offered.length === 0) {
    if (options) checkLegacyOptions(ctx, options);
    else
      ctx.report('share.protocol-empty', P, 'The protocol object offers no protocol: add "webdav", "webapp" or "ssh".');
    return;
  }
  const name = protocol.name;
  if (typeof name === 'string') {
    if (offered.length > 1 && name !== 'multi')
      ctx.report(
        'share.protocol-name',
        `${P}/name`,
        `Several protocols are offered (${offered.join(', ')}), so "name" must be "multi"; got ${quote(name)}.`,
      );
    else if (offered.length === 1 && name !== 'multi' && name !== offered[0])
      ctx.report(
        'share.protocol-name',
        `${P}/name`,
        `"name" is ${quote(name)} but the protocol offered is "${offered[0]}".`,
        { hint: 'Use "multi" (canonical) or the name of the one protocol.' },
      );
  }
  const webdav = isRecord(protocol.webdav) ? protocol.webdav : undefined;
  const webapp = isRecord(protocol.webapp) ? protocol.webapp : undefined;
  if (webdav) checkWebdav(ctx, webdav);
  if (webapp) checkWebapp(ctx, webapp);
  if (isRecord(protocol.ssh)) checkSsh(ctx, protocol.ssh);
  for (const key of offered) {
    const value = protocol[key];
    if (isRecord(value) && includes(BUILTIN_PROTOCOLS, key)) checkSecretInUri(ctx, value, `${P}/${key}`);
  }
  // Requirements apply to the share: a protocol without them while another has them is a disagreement too.
  // (webdav and webapp carry requirements; ssh has none in the draft.)
  const withRequirements = ['webdav', 'webapp'].filter((k) => isRecord(protocol[k]));
  const required = (k: string) => {
    const list = (protocol[k] as Json).requirements;
    return Array.isArray(list) ? [...new Set(stringsOf(list))].sort().join(',') : '';
  };
  const first = withRequirements[0];
  if (first) {
    // Before 1.4 the webapp had no requirements field: only two lists that differ disagree there.
    const listed = (k: string) => Array.isArray((protocol[k] as Json).requirements);
    const other = withRequirements.find(
      (k) => required(k) !== required(first) && (atLeast(ctx.version, '1.4') || (listed(k) && listed(first))),
    );
    if (other) {
      const [a, b] = [required(first), required(other)];
      ctx.report(
        'share.requirements-disagree',
        `${P}/${b ? other : first}/requirements`,
        `${first} ${a ? `requires [${a}]` : 'has no requirements'} but ${other} ${b ? `requires [${b}]` : 'has none'}; requirements must agree across the protocols of one share.`,
        { hint: 'Give every protocol of the share the same requirements.' },
      );
    }
  }
  if (name === 'webdav' && options && webdav)
    ctx.report(
      'share.protocol-ambiguous',
      P,
      'name "webdav" with both "options" (the legacy form) and "webdav" (the protocol object form): receivers read one or the other, and may not read the one you mean.',
      { hint: 'Send {"name": "multi", "webdav": {...}} only, or the legacy {name, options} only.' },
    );
  for (const key of offered) {
    const value = protocol[key];
    if (!isRecord(value)) continue;
    for (const field of ['sharedSecret', 'uri'])
      if (value[field] === '')
        ctx.report(
          'share.empty-value',
          `${P}/${key}/${field}`,
          `${key}.${field} is an empty string where a value is required: receivers treat it as missing.`,
        );
  }
}

function checkLegacyOptions(ctx: CheckContext, options: Json): void {
  ctx.report(
    'share.protocol-legacy',
    P,
    'The {name, options} protocol form is deprecated since 1.1; receivers that advertise "protocol-object" expect {"name": "multi", "webdav": {...}}.',
    { severity: below(ctx.version, '1.1') ? 'info' : 'warning' },
  );
  if (typeof options.sharedSecret !== 'string')
    ctx.report(
      'share.shared-secret-missing',
      `${P}/options/sharedSecret`,
      'options.sharedSecret is missing: the receiver has no credential to access the resource.',
    );
  if (typeof options.permissions === 'string' && options.permissions.includes('open-cloud-mesh.org/ns'))
    ctx.report(
      'share.legacy-permission-property',
      `${P}/options/permissions`,
      `options.permissions is the WebDAV property name ${quote(options.permissions)} (Nextcloud's legacy share), not a list of permissions.`,
      {
        hint: 'Receivers find the permissions by PROPFIND on that property; the protocol object form carries ["read", …] instead.',
      },
    );
}

function checkList(
  ctx: CheckContext,
  value: unknown,
  pointer: string,
  allowed: readonly string[],
  code: 'share.permissions-unknown' | 'share.access-types-unknown',
  what: string,
): void {
  if (!Array.isArray(value)) return;
  value.forEach((v, i) => {
    if (typeof v === 'string' && !includes(allowed, v))
      ctx.report(
        code,
        childPointer(pointer, i),
        `${what} ${quote(v)} is not one of ${allowed.map((a) => `"${a}"`).join(', ')}.`,
      );
  });
}

function checkRequirements(ctx: CheckContext, value: unknown, pointer: string): void {
  if (!Array.isArray(value)) return;
  if (value.length === 0)
    ctx.report(
      'share.requirements-empty',
      pointer,
      '"requirements" is present but empty; leave it out instead (spec.yaml: if present, not empty).',
    );
  value.forEach((v, i) => {
    if (typeof v !== 'string' || includes(REQUIREMENTS, v)) return;
    const at = childPointer(pointer, i);
    const now = RENAMED_REQUIREMENTS[v];
    if (now)
      ctx.report(
        'share.requirements-renamed',
        at,
        `Requirement "${v}" is the old name of "${now}" (renamed in 1.3); receivers must reject requirements they do not understand.`,
        { severity: below(ctx.version, '1.3') ? 'info' : 'warning' },
      );
    else
      ctx.report(
        'share.requirements-unknown',
        at,
        `Requirement ${quote(v)} is unknown; receivers must reject a share whose requirements they do not understand.`,
      );
  });
}

function checkWebdav(ctx: CheckContext, webdav: Json): void {
  const at = `${P}/webdav`;
  if (typeof webdav.uri === 'string' && checkHttpUrl(webdav.uri).ok && (ctx.version === '1.2' || ctx.version === '1.3'))
    ctx.report(
      'share.webdav-uri-form',
      `${at}/uri`,
      `webdav.uri is an absolute URL; ${ctx.version} preferred a relative key appended to the sender's protocols.webdav path (1.4 allows absolute URLs again).`,
    );
  if (typeof webdav.sharedSecret !== 'string')
    ctx.report(
      'share.shared-secret-missing',
      `${at}/sharedSecret`,
      `webdav.sharedSecret is missing: ${atLeast(ctx.version, '1.4') ? 'it is required since 1.4' : 'the receiver has no credential'}.`,
      { severity: atLeast(ctx.version, '1.4') ? 'error' : 'warning' },
    );
  const historic = below(ctx.version, '1.3') ? ['mfa-enforced'] : [];
  checkList(
    ctx,
    webdav.permissions,
    `${at}/permissions`,
    [...WEBDAV_PERMISSIONS, ...historic],
    'share.permissions-unknown',
    'WebDAV permission',
  );
  checkRequirements(ctx, webdav.requirements, `${at}/requirements`);
  checkList(ctx, webdav.accessTypes, `${at}/accessTypes`, ACCESS_TYPES, 'share.access-types-unknown', 'Access type');
}

function checkWebapp(ctx: CheckContext, webapp: Json): void {
  const at = `${P}/webapp`;
  if (typeof webapp.uri !== 'string' && typeof webapp.url === 'string')
    ctx.report('share.url-instead-of-uri', `${at}/url`, 'webapp carries "url" where the spec names the field "uri".', {
      hint: 'Rename "url" to "uri".',
    });
  if (below(ctx.version, '1.4')) {
    if (typeof webapp.uri !== 'string' && typeof webapp.uriTemplate !== 'string' && typeof webapp.url !== 'string')
      ctx.report('share.webapp-uri', `${at}/uri`, 'webapp needs a "uri" (or the older "uriTemplate").');
    return;
  }
  if (typeof webapp.uri === 'string' && /\{[^}]*\}/.test(webapp.uri))
    ctx.report(
      'share.webapp-uri-template',
      `${at}/uri`,
      `webapp.uri holds a {…} template (${quote(webapp.uri)}): that is the historic uriTemplate form. Since 1.4 uri is a plain absolute URL the receiver form-POSTs the token to.`,
    );
  else if (typeof webapp.uri === 'string' && webapp.uri !== '' && !checkHttpUrl(webapp.uri).ok)
    ctx.report(
      'share.webapp-uri',
      `${at}/uri`,
      `webapp.uri must be an absolute URL since 1.4 (the browser form-POSTs the token to it); got ${quote(webapp.uri)}.`,
    );
  else if (typeof webapp.uri !== 'string' && typeof webapp.url !== 'string')
    ctx.report(
      'share.webapp-uri',
      `${at}/uri`,
      'webapp.uri is required: the absolute URL the receiver form-POSTs the access token to.',
    );
  if ('viewMode' in webapp)
    ctx.report(
      'share.webapp-view-mode',
      `${at}/viewMode`,
      '"viewMode" is the 1.2–1.3 webapp; since 1.4 use "permissions" and "targets".',
    );
  if (!Array.isArray(webapp.targets) || webapp.targets.length === 0)
    ctx.report(
      'share.webapp-targets',
      `${at}/targets`,
      'webapp.targets is required and must list "blank" and/or "iframe" (only targets the receiver advertises in webapp-receive).',
    );
  else checkTargets(ctx, webapp.targets, `${at}/targets`);
  if (!Array.isArray(webapp.permissions) || webapp.permissions.length === 0)
    ctx.report(
      'share.webapp-permissions',
      `${at}/permissions`,
      'webapp.permissions is required (at least one of "view", "read", "write", "share").',
    );
  else
    checkList(
      ctx,
      webapp.permissions,
      `${at}/permissions`,
      WEBAPP_PERMISSIONS,
      'share.permissions-unknown',
      'Web-app permission',
    );
  const reqs = stringsOf(webapp.requirements);
  if (!reqs.includes('must-exchange-token'))
    ctx.report(
      'share.webapp-requirements',
      `${at}/requirements`,
      'A webapp share must require "must-exchange-token": the app only ever sees an exchanged token, never the shared secret.',
    );
  checkRequirements(ctx, webapp.requirements, `${at}/requirements`);
  if (typeof webapp.sharedSecret !== 'string')
    ctx.report(
      'share.shared-secret-missing',
      `${at}/sharedSecret`,
      'webapp.sharedSecret is missing: it is the code the receiver exchanges at the tokenEndPoint.',
    );
}

function checkTargets(ctx: CheckContext, targets: unknown[], pointer: string): void {
  targets.forEach((t, i) => {
    if (typeof t === 'string' && !includes(WEBAPP_TARGETS, t))
      ctx.report(
        'share.webapp-targets',
        childPointer(pointer, i),
        `Target ${quote(t)} is not one of "blank", "iframe".`,
      );
  });
}

function checkSsh(ctx: CheckContext, ssh: Json): void {
  if (typeof ssh.uri === 'string' && !/^[^@\s]+@(?:\[[0-9a-f:.]+\]|[^\s:/@]+)(?::\d{1,5})?(?:\/\S*)?$/i.test(ssh.uri))
    ctx.report('share.ssh-uri-form', `${P}/ssh/uri`, `ssh.uri should be user@host:port/path; got ${quote(ssh.uri)}.`);
  checkList(ctx, ssh.accessTypes, `${P}/ssh/accessTypes`, ACCESS_TYPES, 'share.access-types-unknown', 'Access type');
}

function checkSecretInUri(ctx: CheckContext, proto: Json, pointer: string): void {
  const secret = proto.sharedSecret;
  if (typeof secret !== 'string' || secret.length < 4) return;
  for (const field of ['uri', 'uriTemplate']) {
    const uri = proto[field];
    if (typeof uri === 'string' && uri.includes(secret))
      ctx.report(
        'share.secret-in-uri',
        `${pointer}/${field}`,
        `The sharedSecret appears in ${field}: URLs end up in logs, history and Referer headers.`,
        { hint: 'Keep the secret in sharedSecret only; the receiver sends it as a bearer token or exchanges it.' },
      );
  }
}
