import { generateKeyPairSync } from 'node:crypto';
import type { RuleCase } from './rule-case.ts';
import { fixture, variant } from './load.ts';

const D15 = 'discovery-1.5.json';
const rsa = (bits: number) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const RSA_2048 = rsa(2048);
const EC = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();
const withKey = (pem: string) =>
  variant(
    'discovery-1.2.json',
    (d) => (d.publicKey = { keyId: 'https://cloud.example.org/ocm#signature', publicKeyPem: pem }),
  );

export const discoveryFires: RuleCase[] = [
  { code: 'discovery.disabled', kind: 'discovery', path: '/enabled', doc: variant(D15, (d) => (d.enabled = false)) },
  {
    code: 'discovery.url-invalid',
    kind: 'discovery',
    path: '/endPoint',
    doc: variant(D15, (d) => (d.endPoint = '/ocm')),
  },
  {
    code: 'discovery.url-invalid',
    kind: 'discovery',
    path: '/inviteAcceptDialog',
    doc: variant(D15, (d) => (d.inviteAcceptDialog = 'accept page')),
  },
  {
    code: 'discovery.url-http',
    kind: 'discovery',
    path: '/endPoint',
    doc: variant(D15, (d) => (d.endPoint = 'http://localhost:8080/ocm')),
  },
  {
    code: 'discovery.url-http',
    kind: 'discovery',
    path: '/jwksUri',
    doc: variant(D15, (d) => (d.jwksUri = 'http://cloud.example.org/jwks')),
  },
  {
    code: 'discovery.api-version-format',
    kind: 'discovery',
    path: '/apiVersion',
    doc: variant(D15, (d) => (d.apiVersion = 'latest')),
  },
  {
    code: 'discovery.api-version-mismatch',
    kind: 'discovery',
    path: '/apiVersion',
    doc: variant(D15, (d) => (d.apiVersion = '1.2.0')),
  },
  {
    code: 'discovery.api-version-mismatch',
    kind: 'discovery',
    path: '/apiVersion',
    doc: variant('discovery-1.2.json', (d) => (d.apiVersion = '1.5.0')),
  },
  {
    code: 'discovery.owncloud10-share-types',
    kind: 'discovery',
    path: '/shareTypes',
    doc: fixture('discovery-owncloud10.json'),
  },
  {
    code: 'discovery.resource-types-object',
    kind: 'discovery',
    path: '/resourceTypes',
    doc: fixture('discovery-seafile.json'),
  },
  {
    code: 'discovery.resource-types-empty',
    kind: 'discovery',
    path: '/resourceTypes',
    doc: variant(D15, (d) => (d.resourceTypes = [])),
  },
  {
    code: 'discovery.resource-type-duplicate',
    kind: 'discovery',
    path: '/resourceTypes/1/name',
    doc: variant(D15, (d) => d.resourceTypes.push(d.resourceTypes[0])),
  },
  {
    code: 'discovery.share-types-user',
    kind: 'discovery',
    path: '/resourceTypes/0/shareTypes',
    doc: variant(D15, (d) => (d.resourceTypes[0].shareTypes = ['group'])),
  },
  {
    code: 'discovery.share-type-unknown',
    kind: 'discovery',
    path: '/resourceTypes/0/shareTypes/1',
    doc: variant(D15, (d) => (d.resourceTypes[0].shareTypes = ['user', 'team'])),
  },
  {
    code: 'discovery.file-without-webdav',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols',
    doc: variant(D15, (d) => delete d.resourceTypes[0].protocols.webdav),
  },
  {
    code: 'discovery.webdav-path',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols/webdav',
    doc: variant(D15, (d) => (d.resourceTypes[0].protocols.webdav = 'https://cloud.example.org/remote/dav/ocm/')),
  },
  {
    code: 'discovery.webdav-path',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols/webdav',
    doc: fixture('discovery-seafile-webdav.json'),
  },
  {
    code: 'discovery.ocs-provider',
    kind: 'discovery',
    path: '/services',
    doc: fixture('ocs-provider-nextcloud.json'),
  },
  {
    code: 'discovery.webapp-shape',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols/webapp',
    doc: variant(D15, (d) => (d.resourceTypes[0].protocols.webapp = '/apps/ocm/')),
  },
  {
    code: 'discovery.receive-before-1.4',
    kind: 'discovery',
    spec: '1.2',
    path: '/resourceTypes/0/protocols/webdav-receive',
    doc: fixture('discovery-1.4.json'),
  },
  {
    code: 'discovery.webapp-receive-targets',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols/webapp-receive/targets/1',
    doc: variant(D15, (d) => (d.resourceTypes[0].protocols['webapp-receive'].targets = ['blank', 'popup'])),
  },
  {
    code: 'discovery.webapp-receive-targets',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols/webapp-receive/targets',
    doc: variant(D15, (d) => (d.resourceTypes[0].protocols['webapp-receive'].targets = [])),
  },
  {
    code: 'discovery.datatx-protocol',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols/datatx',
    doc: variant(D15, (d) => (d.resourceTypes[0].protocols.datatx = '/remote/dav/ocm/')),
  },
  {
    code: 'discovery.ssh-form',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols/ssh',
    doc: variant(D15, (d) => (d.resourceTypes[0].protocols.ssh = 'ssh://sftp.example.org')),
  },
  {
    code: 'discovery.capability-unknown',
    kind: 'discovery',
    path: '/capabilities/6',
    doc: variant(D15, (d) => d.capabilities.push('teleport')),
  },
  {
    code: 'discovery.capability-renamed',
    kind: 'discovery',
    path: '/capabilities/6',
    doc: variant(D15, (d) => d.capabilities.push('webdav-uri')),
  },
  {
    code: 'discovery.capability-renamed',
    kind: 'discovery',
    spec: '1.3',
    path: '/capabilities/3',
    doc: fixture('discovery-1.2.json'),
  },
  {
    code: 'discovery.capability-path-style',
    kind: 'discovery',
    path: '/capabilities/6',
    doc: variant(D15, (d) => d.capabilities.push('/notifications')),
  },
  {
    code: 'discovery.criterion-unknown',
    kind: 'discovery',
    path: '/criteria/1',
    doc: variant(D15, (d) => d.criteria.push('must-be-nice')),
  },
  {
    code: 'discovery.criterion-renamed',
    kind: 'discovery',
    path: '/criteria/1',
    doc: variant(D15, (d) => d.criteria.push('http-request-signatures')),
  },
  {
    code: 'discovery.criterion-renamed',
    kind: 'discovery',
    path: '/criteria/1',
    doc: variant(D15, (d) => d.criteria.push('token-exchange')),
  },
  {
    code: 'discovery.criterion-needs-capability',
    kind: 'discovery',
    path: '/criteria/0',
    doc: variant(D15, (d) => (d.capabilities = d.capabilities.filter((c: string) => c !== 'http-sig'))),
  },
  {
    code: 'discovery.criterion-needs-capability',
    kind: 'discovery',
    path: '/criteria/1',
    doc: variant(D15, (d) => {
      d.criteria.push('must-exchange-token');
      d.capabilities = ['http-sig'];
    }),
  },
  {
    code: 'discovery.http-sig-needs-jwks-uri',
    kind: 'discovery',
    path: '/capabilities/1',
    severity: 'error',
    doc: variant(D15, (d) => delete d.jwksUri),
  },
  {
    code: 'discovery.http-sig-needs-jwks-uri',
    kind: 'discovery',
    path: '/capabilities/1',
    severity: 'info',
    doc: fixture('discovery-1.4.json'),
  },
  {
    code: 'discovery.exchange-token-needs-endpoint',
    kind: 'discovery',
    path: '/capabilities/0',
    doc: variant(D15, (d) => delete d.tokenEndPoint),
  },
  {
    code: 'discovery.invites-without-dialog',
    kind: 'discovery',
    path: '/capabilities/2',
    doc: variant(D15, (d) => delete d.inviteAcceptDialog),
  },
  {
    code: 'discovery.invite-dialog-form',
    kind: 'discovery',
    path: '/inviteAcceptDialog',
    doc: variant(D15, (d) => (d.inviteAcceptDialog = 'https://cloud.example.org/accept')),
  },
  {
    code: 'discovery.public-key-bare-pem',
    kind: 'discovery',
    path: '/publicKey',
    doc: variant('discovery-1.2.json', (d) => (d.publicKey = RSA_2048)),
  },
  {
    code: 'discovery.public-key-pem',
    kind: 'discovery',
    path: '/publicKey/publicKeyPem',
    doc: withKey('-----BEGIN PUBLIC KEY-----\\nMIIB...\\n-----END PUBLIC KEY-----'),
  },
  {
    code: 'discovery.public-key-pem',
    kind: 'discovery',
    path: '/publicKey/publicKeyPem',
    doc: withKey(RSA_2048.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n')),
  },
  { code: 'discovery.public-key-pem', kind: 'discovery', path: '/publicKey/publicKeyPem', doc: withKey(EC) },
  {
    code: 'discovery.public-key-pem',
    kind: 'discovery',
    path: '/publicKey/publicKeyPem',
    severity: 'warning',
    doc: withKey(rsa(1024)),
  },
  {
    code: 'discovery.public-key-removed',
    kind: 'discovery',
    path: '/publicKey',
    doc: variant(
      D15,
      (d) => (d.publicKey = { keyId: 'https://cloud.example.org/ocm#signature', publicKeyPem: RSA_2048 }),
    ),
  },
  {
    code: 'discovery.public-keys-transitional',
    kind: 'discovery',
    path: '/publicKeys',
    doc: variant(
      'discovery-1.3.json',
      (d) => (d.publicKeys = [{ keyId: 'k1', publicKeyPem: EC, algorithm: 'ecdsa-p256-sha256' }]),
    ),
  },
];

export const discoveryQuiet: RuleCase[] = [
  ...[
    'discovery.disabled',
    'discovery.ocs-provider',
    'discovery.url-invalid',
    'discovery.url-http',
    'discovery.api-version-format',
    'discovery.api-version-mismatch',
    'discovery.resource-types-empty',
    'discovery.resource-type-duplicate',
    'discovery.share-types-user',
    'discovery.share-type-unknown',
    'discovery.file-without-webdav',
    'discovery.webdav-path',
    'discovery.webapp-shape',
    'discovery.receive-before-1.4',
    'discovery.webapp-receive-targets',
    'discovery.datatx-protocol',
    'discovery.ssh-form',
    'discovery.capability-unknown',
    'discovery.capability-renamed',
    'discovery.capability-path-style',
    'discovery.criterion-unknown',
    'discovery.criterion-renamed',
    'discovery.criterion-needs-capability',
    'discovery.http-sig-needs-jwks-uri',
    'discovery.exchange-token-needs-endpoint',
    'discovery.invites-without-dialog',
    'discovery.invite-dialog-form',
    'discovery.public-key-removed',
    'discovery.public-keys-transitional',
    'discovery.owncloud10-share-types',
    'discovery.resource-types-object',
  ].map((code) => ({ code, kind: 'discovery', doc: fixture(D15) }) as RuleCase),
  // Old names are right in the versions that used them.
  { code: 'discovery.capability-renamed', kind: 'discovery', doc: fixture('discovery-1.2.json') },
  { code: 'discovery.criterion-renamed', kind: 'discovery', doc: fixture('discovery-1.3.json') },
  { code: 'discovery.webdav-path', kind: 'discovery', doc: fixture('discovery-1.0-ocm-provider.json') },
  { code: 'discovery.webapp-shape', kind: 'discovery', doc: fixture('discovery-1.2.json') },
  { code: 'discovery.public-key-pem', kind: 'discovery', doc: withKey(RSA_2048) },
  { code: 'discovery.public-key-removed', kind: 'discovery', doc: withKey(RSA_2048) },
  { code: 'discovery.public-key-bare-pem', kind: 'discovery', doc: withKey(RSA_2048) },
  {
    code: 'discovery.public-key-pem',
    kind: 'discovery',
    doc: variant('discovery-1.3.json', (d) => (d.publicKeys = [{ keyId: 'k1', publicKeyPem: EC }])),
  },
  { code: 'discovery.api-version-mismatch', kind: 'discovery', doc: fixture('discovery-1.2.json') },
  // Declared versions come first: Reva publishes the 1.4 forms with apiVersion "1.3.0", a 1.3 document.
  { code: 'discovery.api-version-mismatch', kind: 'discovery', doc: fixture('discovery-reva-2026.json') },
  { code: 'discovery.receive-before-1.4', kind: 'discovery', doc: fixture('discovery-reva-2026.json') },
  { code: 'discovery.webapp-shape', kind: 'discovery', doc: fixture('discovery-reva-2026.json') },
  // Nextcloud's OCM discovery at /ocm-provider is OCM, not the OCS service list.
  { code: 'discovery.ocs-provider', kind: 'discovery', doc: fixture('nextcloud-discovery-ocm-provider-2024.json') },
];
