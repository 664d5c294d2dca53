import { es256Jws, unsignedCompact } from './jws.ts';
import { fixture, variant } from './load.ts';
import type { RuleCase } from './rule-case.ts';

// The invite acceptance response and the Directory Service document.
const IR = 'invite-response.json';
const DIR = 'directory-plain.json';
const signed = es256Jws(fixture(DIR));

export const kindsFires: RuleCase[] = [
  {
    code: 'invite.user-id-case',
    kind: 'invite-response',
    path: '/userId',
    doc: fixture('invite-response-userid.json'),
  },
  { code: 'invite.email', kind: 'invite-response', path: '/email', doc: variant(IR, (d) => (d.email = 'einstein')) },
  {
    code: 'invite.email',
    kind: 'invite-response',
    path: '/email',
    severity: 'info',
    doc: variant(IR, (d) => (d.email = '')),
  },
  { code: 'invite-response.name', kind: 'invite-response', path: '/name', doc: variant(IR, (d) => (d.name = ' ')) },
  {
    code: 'invite-response.request-echoed',
    kind: 'invite-response',
    path: '/token',
    doc: variant(IR, (d) => (d.token = 'a55a966e-15c1-4cb9-a39d-4e4c54399baf')),
  },
  { code: 'directory.unsigned', kind: 'directory', path: '', doc: fixture(DIR) },
  { code: 'directory.jws-decoded', kind: 'directory', path: '', doc: fixture('directory-draft-example.json') },
  {
    code: 'directory.jws-malformed',
    kind: 'directory',
    path: '',
    doc: unsignedCompact({ alg: 'ES256' }, fixture(DIR)),
  },
  {
    code: 'directory.jws-malformed',
    kind: 'directory',
    path: '/protected',
    doc: { ...signed.flattened, protected: { alg: 'ES256' } },
  },
  {
    code: 'directory.jws-malformed',
    kind: 'directory',
    path: '/payload',
    doc: { ...signed.flattened, payload: 'not-json' },
  },
  { code: 'directory.jws-alg', kind: 'directory', path: '', doc: unsignedCompact({ alg: 'none' }, fixture(DIR), 'x') },
  { code: 'directory.jws-alg', kind: 'directory', path: '', doc: unsignedCompact({ alg: 'HS256' }, fixture(DIR), 'x') },
  {
    code: 'directory.jws-alg',
    kind: 'directory',
    path: '/protected',
    doc: variant('directory-draft-example.json', (d) => delete d.protected.alg),
  },
  { code: 'directory.signature-unverified', kind: 'directory', path: '', doc: signed.compact },
  { code: 'directory.signature-unverified', kind: 'directory', path: '', doc: signed.flattened },
  { code: 'directory.servers-empty', kind: 'directory', path: '/servers', doc: variant(DIR, (d) => (d.servers = [])) },
  {
    code: 'directory.server-url',
    kind: 'directory',
    path: '/servers/0/url',
    doc: variant(DIR, (d) => (d.servers[0].url = 'https://cloud.example.org/ocm')),
  },
  {
    code: 'directory.server-url',
    kind: 'directory',
    path: '/servers/1/url',
    doc: variant(DIR, (d) => (d.servers[1].url = 'files.example.com')),
  },
  {
    code: 'directory.server-url',
    kind: 'directory',
    path: '/payload/servers/0/url',
    doc: variant('directory-draft-example.json', (d) => (d.payload.servers[0].url = 'https://u:p@ocm.example.org?x=1')),
  },
  {
    code: 'directory.server-url-http',
    kind: 'directory',
    path: '/payload/servers/2/url',
    doc: fixture('directory-draft-example.json'),
  },
  {
    code: 'directory.server-duplicate',
    kind: 'directory',
    path: '/servers/1/url',
    doc: variant(DIR, (d) => (d.servers[1].url = 'https://CLOUD.example.org/')),
  },
];

export const kindsQuiet: RuleCase[] = [
  ...['invite.user-id-case', 'invite.email', 'invite-response.name', 'invite-response.request-echoed'].map(
    (code) => ({ code, kind: 'invite-response', doc: fixture(IR) }) as RuleCase,
  ),
  // Before the JWS requirement an unsigned list was the form.
  { code: 'directory.unsigned', kind: 'directory', doc: fixture(DIR), spec: '1.2' },
  { code: 'directory.unsigned', kind: 'directory', doc: signed.compact },
  ...[
    'directory.jws-decoded',
    'directory.jws-malformed',
    'directory.jws-alg',
    'directory.servers-empty',
    'directory.server-url',
    'directory.server-url-http',
    'directory.server-duplicate',
  ].map((code) => ({ code, kind: 'directory', doc: signed.compact }) as RuleCase),
  { code: 'directory.jws-malformed', kind: 'directory', doc: signed.flattened },
  { code: 'directory.jws-malformed', kind: 'directory', doc: fixture('directory-draft-example.json') },
  // The decoded view has nothing to verify: it is named as such, not as an unchecked signature.
  { code: 'directory.signature-unverified', kind: 'directory', doc: fixture('directory-draft-example.json') },
  { code: 'directory.signature-unverified', kind: 'directory', doc: fixture(DIR) },
  { code: 'directory.server-url', kind: 'directory', doc: fixture('directory-draft-example.json') },
];
