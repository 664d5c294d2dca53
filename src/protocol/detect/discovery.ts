import { isRecord, stringsOf, type Json } from '../lint/util.ts';
import { PATH_CAPABILITIES } from '../vocabulary.ts';
import { compareVersions, parseSpecVersion, type Dialect, type SpecVersion } from '../versions.ts';
import type { Clues, Evidence } from './types.ts';

/** The resource type entries wherever the dialect put them, with their pointers. */
export function resourceTypeEntries(doc: Json): Array<{ entry: unknown; pointer: string }> {
  const rt = doc.resourceTypes;
  if (Array.isArray(rt)) return rt.map((entry, i) => ({ entry, pointer: `/resourceTypes/${i}` }));
  if (isRecord(rt)) {
    if ('name' in rt || 'protocols' in rt) return [{ entry: rt, pointer: '/resourceTypes' }];
    return Object.entries(rt).map(([key, entry]) => ({
      entry: isRecord(entry) ? { name: key, ...entry } : entry,
      pointer: `/resourceTypes/${key}`,
    }));
  }
  if (rt === undefined && Array.isArray(doc.shareTypes))
    return doc.shareTypes.map((entry, i) => ({ entry, pointer: `/shareTypes/${i}` }));
  return [];
}

/** The version a discovery document claims: apiVersion, or Nextcloud's "version" beside its frozen apiVersion. */
export function declaredVersion(
  doc: Json,
): { field: 'apiVersion' | 'version'; text: string; version: SpecVersion } | null {
  if (doc.apiVersion === '1.0-proposal1' && typeof doc.version === 'string') {
    const version = parseSpecVersion(doc.version);
    if (version) return { field: 'version', text: doc.version, version };
  }
  if (typeof doc.apiVersion !== 'string') return null;
  const version = parseSpecVersion(doc.apiVersion);
  return version ? { field: 'apiVersion', text: doc.apiVersion, version } : null;
}

/**
 * A legacy `/ocs-provider` document (Nextcloud and ownCloud's OCS service list: `{version, services: {
 * FEDERATED_SHARING, PROVISIONING, …}}`), which is OCS, not OCM discovery.
 */
export function isOcsProvider(doc: Json): boolean {
  return (
    isRecord(doc.services) &&
    doc.endPoint === undefined &&
    doc.resourceTypes === undefined &&
    Object.keys(doc.services).some((k) => /^[A-Z][A-Z_]+$/.test(k))
  );
}

/**
 * Declared versions are trusted first: a field that the spec text introduced in a later version than the
 * declared one does not raise the version when deployed servers are known to publish it at the declared
 * version (`publishedFrom`); Reva publishes `*-receive` protocols, webapp as `{}` and `must-*` criteria
 * with `apiVersion: "1.3.0"`. The field is still named in the evidence.
 */
export function discoveryClues(doc: Json): Clues {
  const evidence: Evidence[] = [];
  let min: SpecVersion = '1.0';
  let max: SpecVersion | undefined;
  let dialect: Dialect = 'spec';
  const declaration = declaredVersion(doc);
  const declared = declaration?.version;
  const atLeastBy = (v: SpecVersion, path: string, reason: string, publishedFrom?: SpecVersion) => {
    if (
      declared &&
      publishedFrom &&
      compareVersions(declared, v) < 0 &&
      compareVersions(declared, publishedFrom) >= 0
    ) {
      evidence.push({
        path,
        reason: `${reason} (spec text ${v}; deployed servers publish it at ${publishedFrom}, so the declared ${declared} stands)`,
      });
      return;
    }
    evidence.push({ path, reason: `${reason} (${v}+)` });
    if (compareVersions(v, min) > 0) min = v;
  };
  const atMost = (v: SpecVersion) => {
    if (!max || compareVersions(v, max) < 0) max = v;
  };
  const caps = stringsOf(doc.capabilities);
  const criteria = stringsOf(doc.criteria);
  if (typeof doc.jwksUri === 'string') atLeastBy('1.5', '/jwksUri', 'jwksUri appeared in draft -07');
  if (criteria.some((c) => c.startsWith('must-')))
    atLeastBy('1.4', '/criteria', 'must-* criteria names come from draft -05', '1.3');
  if (typeof doc.tokenEndPoint === 'string')
    atLeastBy('1.3', '/tokenEndPoint', 'tokenEndPoint was added with the OAuth-aligned code flow');
  if (caps.includes('exchange-token')) atLeastBy('1.3', '/capabilities', 'exchange-token replaced receive-code');
  if (caps.includes('http-sig')) atLeastBy('1.3', '/capabilities', 'http-sig is the RFC 9421 capability');
  if (Array.isArray(doc.publicKeys)) atLeastBy('1.3', '/publicKeys', 'publicKeys[] existed briefly before JWKS');
  if (
    caps.some((c) =>
      ['webdav-uri', 'receive-code', 'invites', 'protocol-object', 'invite-wayf', 'notifications'].includes(c),
    )
  )
    atLeastBy('1.2', '/capabilities', 'capability tokens without "/" came with 1.2');
  if (criteria.length) atLeastBy('1.2', '/criteria', 'criteria came with 1.2');
  if (typeof doc.inviteAcceptDialog === 'string')
    atLeastBy('1.2', '/inviteAcceptDialog', 'inviteAcceptDialog came with 1.2.1');
  if (caps.includes('webdav-uri')) atMost('1.3');
  if (caps.includes('receive-code')) atMost('1.2');
  if (caps.some((c) => c in PATH_CAPABILITIES)) {
    atLeastBy('1.1', '/capabilities', 'endpoint-style capabilities are the 1.1 form');
    dialect = 'reva';
    evidence.push({ path: '/capabilities', reason: 'path-style capabilities are still published by oCIS/Reva' });
  }
  if (isRecord(doc.publicKey) || typeof doc.publicKey === 'string')
    atLeastBy('1.1', '/publicKey', 'publicKey (draft-cavage) came with 1.1');
  if (typeof doc.provider === 'string') atLeastBy('1.1', '/provider', 'provider came with 1.1');
  for (const { entry, pointer } of resourceTypeEntries(doc)) {
    if (!isRecord(entry) || !isRecord(entry.protocols)) continue;
    const protocols = entry.protocols;
    if (Object.keys(protocols).some((k) => k.endsWith('-receive')))
      atLeastBy('1.4', `${pointer}/protocols`, '-receive protocol keys come from draft -05', '1.3');
    if (isRecord(protocols.webapp))
      atLeastBy('1.4', `${pointer}/protocols/webapp`, 'webapp as {} is the draft -05 form', '1.3');
    if (typeof protocols.webapp === 'string') {
      atLeastBy('1.2', `${pointer}/protocols/webapp`, 'webapp as a path string is the 1.2–1.3 form');
      atMost('1.3');
    }
    if (typeof protocols.ssh === 'string') atLeastBy('1.3', `${pointer}/protocols/ssh`, 'ssh came with 1.3');
    if ('seafile' in protocols || entry.name === 'library') {
      dialect = 'seafile';
      evidence.push({
        path: `${pointer}/protocols`,
        reason: 'the "seafile" protocol for "library" resources is Seafile\'s native OCM',
      });
    }
    if (protocols.webdav === 'seafdav') {
      dialect = 'seafile';
      evidence.push({ path: `${pointer}/protocols/webdav`, reason: '"seafdav" instead of a path is Seafile\'s' });
    }
    if (entry.name === 'talk-room' || entry.name === 'calendar') {
      dialect = 'nextcloud';
      evidence.push({ path: `${pointer}/name`, reason: `resource type "${String(entry.name)}" is Nextcloud's` });
    }
  }
  // Reva names itself "reva", "Reva", "reva1" (ScienceMesh deployments), "CERNBox (reva)"…
  if (typeof doc.provider === 'string' && /\breva\d*\b/i.test(doc.provider) && dialect === 'spec') {
    dialect = 'reva';
    evidence.push({ path: '/provider', reason: 'provider names Reva (CERNBox, oCIS, OpenCloud)' });
  }
  if (Array.isArray(doc.shareTypes) && doc.resourceTypes === undefined) {
    dialect = 'owncloud10';
    evidence.push({ path: '/shareTypes', reason: "top-level shareTypes instead of resourceTypes is ownCloud 10's" });
  }
  if (isRecord(doc.resourceTypes)) {
    dialect = 'seafile';
    evidence.push({ path: '/resourceTypes', reason: "resourceTypes as an object is Seafile's" });
  }
  if (
    dialect === 'spec' &&
    (doc.apiVersion === '1.0-proposal1' ||
      (isRecord(doc.publicKey) && String(doc.publicKey.keyId).endsWith('/ocm#signature')))
  ) {
    dialect = 'nextcloud';
    evidence.push({
      path: doc.apiVersion === '1.0-proposal1' ? '/apiVersion' : '/publicKey/keyId',
      reason: 'Nextcloud reports "1.0-proposal1" and a keyId ending in /ocm#signature',
    });
  }
  if (isOcsProvider(doc))
    evidence.push({
      path: '/services',
      reason: 'a services list (FEDERATED_SHARING, PROVISIONING…) is the legacy /ocs-provider document: OCS, not OCM',
    });
  if (declaration)
    evidence.push({
      path: `/${declaration.field}`,
      reason: `${declaration.field} "${declaration.text}" declares ${declaration.version}${declaration.field === 'version' ? ' (Nextcloud keeps apiVersion "1.0-proposal1" for old peers and puts the real version in "version")' : ''}`,
    });
  const clues: Clues = { min, dialect, evidence };
  if (max) clues.max = max;
  if (declared) clues.declared = declared;
  return clues;
}
