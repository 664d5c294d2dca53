import type { RuleCase } from './rule-case.ts';
import { fixture, variant } from './load.ts';

const S15 = 'share-1.5-canonical.json';
const S14 = 'share-1.4-webapp.json';

export const shareFires: RuleCase[] = [
  {
    code: 'share.provider-id-integer',
    kind: 'share',
    path: '/providerId',
    doc: fixture('share-nextcloud-legacy.json'),
  },
  {
    code: 'share.shared-by-instead-of-sender',
    kind: 'share',
    path: '/sharedBy',
    doc: fixture('share-nextcloud-captured-by-seafile.json'),
  },
  {
    code: 'share.url-instead-of-uri',
    kind: 'share',
    path: '/protocol/webdav/url',
    doc: fixture('share-reva-url.json'),
  },
  {
    code: 'share.url-instead-of-uri',
    kind: 'share',
    path: '/protocol/webapp/url',
    doc: variant(S14, (d) => {
      d.protocol.webapp.url = d.protocol.webapp.uri;
      delete d.protocol.webapp.uri;
    }),
  },
  {
    code: 'share.address-invalid',
    kind: 'share',
    path: '/shareWith',
    doc: variant(S15, (d) => (d.shareWith = 'marie')),
  },
  { code: 'share.address-invalid', kind: 'share', path: '/owner', doc: variant(S15, (d) => (d.owner = 'einstein@')) },
  { code: 'share.address-scheme', kind: 'share', path: '/shareWith', doc: fixture('share-nextcloud-legacy.json') },
  {
    code: 'share.share-type-unknown',
    kind: 'share',
    path: '/shareType',
    doc: variant(S15, (d) => (d.shareType = 'team')),
  },
  {
    code: 'share.protocol-legacy',
    kind: 'share',
    path: '/protocol',
    severity: 'warning',
    doc: fixture('share-1.0-legacy.json'),
    spec: '1.4',
  },
  {
    code: 'share.protocol-legacy',
    kind: 'share',
    path: '/protocol',
    severity: 'info',
    doc: fixture('share-1.0-legacy.json'),
  },
  {
    code: 'share.protocol-empty',
    kind: 'share',
    path: '/protocol',
    doc: variant(S15, (d) => (d.protocol = { name: 'multi' })),
  },
  {
    code: 'share.protocol-name',
    kind: 'share',
    path: '/protocol/name',
    doc: variant(S15, (d) => (d.protocol.name = 'webdav')),
  },
  {
    code: 'share.protocol-name',
    kind: 'share',
    path: '/protocol/name',
    doc: variant('share-1.1-multi.json', (d) => (d.protocol.name = 'webapp')),
  },
  {
    code: 'share.legacy-permission-property',
    kind: 'share',
    path: '/protocol/options/permissions',
    doc: fixture('share-nextcloud-legacy.json'),
  },
  { code: 'share.webdav-uri-form', kind: 'share', spec: '1.2', path: '/protocol/webdav/uri', doc: fixture(S15) },
  {
    code: 'share.shared-secret-missing',
    kind: 'share',
    path: '/protocol/webdav/sharedSecret',
    severity: 'error',
    doc: variant(S15, (d) => delete d.protocol.webdav.sharedSecret),
  },
  {
    code: 'share.shared-secret-missing',
    kind: 'share',
    path: '/protocol/webdav/sharedSecret',
    severity: 'warning',
    spec: '1.2',
    doc: variant('share-1.1-multi.json', (d) => delete d.protocol.webdav.sharedSecret),
  },
  {
    code: 'share.shared-secret-missing',
    kind: 'share',
    path: '/protocol/options/sharedSecret',
    doc: variant('share-1.0-legacy.json', (d) => delete d.protocol.options.sharedSecret),
  },
  {
    code: 'share.shared-secret-missing',
    kind: 'share',
    path: '/protocol/webapp/sharedSecret',
    doc: variant(S15, (d) => delete d.protocol.webapp.sharedSecret),
  },
  {
    code: 'share.secret-in-uri',
    kind: 'share',
    path: '/protocol/webdav/uri',
    doc: variant(
      S15,
      (d) => (d.protocol.webdav.uri = `https://sender.example.org/s/${d.protocol.webdav.sharedSecret}`),
    ),
  },
  {
    code: 'share.permissions-unknown',
    kind: 'share',
    path: '/protocol/webdav/permissions/1',
    doc: variant(S15, (d) => (d.protocol.webdav.permissions = ['read', 'delete'])),
  },
  {
    code: 'share.permissions-unknown',
    kind: 'share',
    path: '/protocol/webapp/permissions/0',
    doc: variant(S15, (d) => (d.protocol.webapp.permissions = ['edit'])),
  },
  {
    code: 'share.requirements-unknown',
    kind: 'share',
    path: '/protocol/webdav/requirements/1',
    doc: variant(S15, (d) => d.protocol.webdav.requirements.push('must-smile')),
  },
  {
    code: 'share.requirements-renamed',
    kind: 'share',
    spec: '1.4',
    path: '/protocol/webdav/requirements/0',
    severity: 'warning',
    doc: variant('share-1.1-multi.json', (d) => (d.protocol.webdav.requirements = ['use-code'])),
  },
  {
    code: 'share.requirements-renamed',
    kind: 'share',
    path: '/protocol/webdav/requirements/0',
    severity: 'info',
    doc: variant('share-1.1-multi.json', (d) => (d.protocol.webdav.requirements = ['use-code'])),
  },
  {
    code: 'share.requirements-empty',
    kind: 'share',
    path: '/protocol/webdav/requirements',
    doc: variant('share-1.1-multi.json', (d) => (d.protocol.webdav.requirements = [])),
  },
  {
    code: 'share.requirements-disagree',
    kind: 'share',
    path: '/protocol/webapp/requirements',
    doc: variant(S15, (d) => d.protocol.webapp.requirements.push('must-use-mfa')),
  },
  {
    code: 'share.access-types-unknown',
    kind: 'share',
    path: '/protocol/webdav/accessTypes/0',
    doc: variant(S15, (d) => (d.protocol.webdav.accessTypes = ['copy'])),
  },
  {
    code: 'share.access-types-unknown',
    kind: 'share',
    path: '/protocol/ssh/accessTypes/0',
    doc: variant(S15, (d) => (d.protocol.ssh.accessTypes = ['scp'])),
  },
  {
    code: 'share.webapp-requirements',
    kind: 'share',
    path: '/protocol/webapp/requirements',
    doc: variant(S14, (d) => {
      delete d.protocol.webapp.requirements;
      delete d.protocol.webdav.requirements;
    }),
  },
  {
    code: 'share.webapp-uri',
    kind: 'share',
    path: '/protocol/webapp/uri',
    doc: variant(S14, (d) => (d.protocol.webapp.uri = '/open/7c084226')),
  },
  {
    code: 'share.webapp-uri',
    kind: 'share',
    path: '/protocol/webapp/uri',
    doc: variant(S14, (d) => delete d.protocol.webapp.uri),
  },
  {
    code: 'share.webapp-uri',
    kind: 'share',
    spec: '1.2',
    path: '/protocol/webapp/uri',
    doc: variant('share-1.2-code.json', (d) => delete d.protocol.webapp.uriTemplate),
  },
  {
    code: 'share.webapp-targets',
    kind: 'share',
    path: '/protocol/webapp/targets',
    doc: variant(S14, (d) => delete d.protocol.webapp.targets),
  },
  {
    code: 'share.webapp-targets',
    kind: 'share',
    path: '/protocol/webapp/targets/0',
    doc: variant(S14, (d) => (d.protocol.webapp.targets = ['popup'])),
  },
  {
    code: 'share.webapp-permissions',
    kind: 'share',
    path: '/protocol/webapp/permissions',
    doc: variant(S14, (d) => (d.protocol.webapp.permissions = [])),
  },
  {
    code: 'share.webapp-view-mode',
    kind: 'share',
    path: '/protocol/webapp/viewMode',
    doc: variant(S14, (d) => (d.protocol.webapp.viewMode = 'write')),
  },
  {
    code: 'share.ssh-uri-form',
    kind: 'share',
    path: '/protocol/ssh/uri',
    doc: variant(S15, (d) => (d.protocol.ssh.uri = 'sftp://sftp.sender.example.org/data')),
  },
  {
    code: 'share.expiration',
    kind: 'share',
    path: '/expiration',
    doc: variant(S15, (d) => (d.expiration = 4102444800000)),
  },
  {
    code: 'share.expiration',
    kind: 'share',
    path: '/expiration',
    doc: variant(S15, (d) => (d.expiration = 946684800)),
  },
  // Some servers send 0 for "no expiry": explained, not called expired.
  {
    code: 'share.expiration',
    kind: 'share',
    path: '/expiration',
    severity: 'info',
    doc: variant(S15, (d) => (d.expiration = 0)),
  },
  {
    code: 'share.requirements-disagree',
    kind: 'share',
    path: '/protocol/webdav/requirements',
    doc: variant(S15, (d) => delete d.protocol.webapp.requirements),
  },
  {
    code: 'share.empty-value',
    kind: 'share',
    path: '/protocol/webdav/sharedSecret',
    doc: variant(S15, (d) => (d.protocol.webdav.sharedSecret = '')),
  },
  {
    code: 'share.empty-value',
    kind: 'share',
    path: '/protocol/webdav/uri',
    doc: variant(S15, (d) => (d.protocol.webdav.uri = '')),
  },
  {
    code: 'share.webapp-uri-template',
    kind: 'share',
    path: '/protocol/webapp/uri',
    doc: variant(S15, (d) => (d.protocol.webapp.uri = 'https://apps.sender.example.org/hedgedoc/{id}')),
  },
  {
    code: 'share.protocol-ambiguous',
    kind: 'share',
    path: '/protocol',
    doc: variant('share-1.0-legacy.json', (d) => {
      d.protocol.name = 'webdav';
      d.protocol.webdav = { uri: 'https://sender.example.org/public.php/webdav/', sharedSecret: 'secret-token' };
    }),
  },
  { code: 'share.encryption-version', kind: 'share', spec: '1.4', path: '/encryption', doc: fixture(S15) },
  {
    code: 'share.encryption-scheme',
    kind: 'share',
    path: '/encryption',
    doc: variant(S15, (d) => delete d.encryption['ocm-pgp']),
  },
  {
    code: 'share.encryption-scheme-fields',
    kind: 'share',
    path: '/encryption/ocm-pgp/fingerprints',
    doc: variant(S15, (d) => (d.encryption['ocm-pgp'].fingerprints = [])),
  },
  {
    code: 'share.encryption-scheme-fields',
    kind: 'share',
    path: '/encryption/ocm-mls/cipher',
    doc: variant(S15, (d) => {
      d.encryption.scheme = 'ocm-mls';
      d.encryption['ocm-mls'] = { groupId: 'g-1' };
    }),
  },
  { code: 'share.code-field', kind: 'share', path: '/code', doc: fixture('share-1.2-code.json') },
];

export const shareQuiet: RuleCase[] = [
  ...[
    'share.provider-id-integer',
    'share.shared-by-instead-of-sender',
    'share.url-instead-of-uri',
    'share.address-invalid',
    'share.address-scheme',
    'share.share-type-unknown',
    'share.protocol-legacy',
    'share.protocol-empty',
    'share.protocol-name',
    'share.legacy-permission-property',
    'share.webdav-uri-form',
    'share.shared-secret-missing',
    'share.secret-in-uri',
    'share.permissions-unknown',
    'share.requirements-unknown',
    'share.requirements-renamed',
    'share.requirements-empty',
    'share.requirements-disagree',
    'share.empty-value',
    'share.webapp-uri-template',
    'share.protocol-ambiguous',
    'share.access-types-unknown',
    'share.webapp-requirements',
    'share.webapp-uri',
    'share.webapp-targets',
    'share.webapp-permissions',
    'share.webapp-view-mode',
    'share.ssh-uri-form',
    'share.expiration',
    'share.encryption-version',
    'share.encryption-scheme',
    'share.encryption-scheme-fields',
    'share.code-field',
  ].map((code) => ({ code, kind: 'share', doc: fixture(S15) }) as RuleCase),
  {
    code: 'share.encryption-scheme-fields',
    kind: 'share',
    doc: variant(S15, (d) => {
      d.encryption.scheme = 'ocm-mls';
      d.encryption['ocm-mls'] = { cipher: 'DHKEM(X25519, HKDF-SHA256)' };
    }),
  },
  { code: 'share.webapp-view-mode', kind: 'share', spec: '1.2', doc: fixture('share-1.2-code.json') },
  { code: 'share.webdav-uri-form', kind: 'share', spec: '1.2', doc: fixture('share-1.1-multi.json') },
  {
    code: 'share.protocol-name',
    kind: 'share',
    doc: variant('share-1.1-multi.json', (d) => (d.protocol.name = 'webdav')),
  },
  { code: 'share.requirements-renamed', kind: 'share', doc: fixture('share-1.4-webapp.json') },
  {
    code: 'share.address-scheme',
    kind: 'share',
    doc: variant(S15, (d) => (d.shareWith = 'nomen.nescio@example.org@cloud.example.org:8443')),
  },
  // The legacy {name, options} form alone is deprecated, not ambiguous.
  { code: 'share.protocol-ambiguous', kind: 'share', doc: fixture('share-1.0-legacy.json') },
];
