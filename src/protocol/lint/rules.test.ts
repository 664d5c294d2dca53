import { describe, expect, it } from 'vitest';
import { discoveryFires, discoveryQuiet } from '../__fixtures__/rule-cases-discovery.ts';
import { identifierFires, identifierQuiet } from '../__fixtures__/rule-cases-identifiers.ts';
import { kindsFires, kindsQuiet } from '../__fixtures__/rule-cases-kinds.ts';
import { otherFires, otherQuiet } from '../__fixtures__/rule-cases-other.ts';
import { shareFires, shareQuiet } from '../__fixtures__/rule-cases-share.ts';
import type { RuleCase } from '../__fixtures__/rule-case.ts';
import { fixture, variant } from '../__fixtures__/load.ts';
import { lintText } from '../lint-text.ts';
import { RULES, type RuleCode } from './catalogue.ts';
import { lint } from './engine.ts';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

// Input and schema rules, on text where the rule is about text.
const genericFires: Array<RuleCase & { text?: string }> = [
  { code: 'json.syntax', kind: 'discovery', doc: null, text: '{"enabled": true,}', path: '' },
  { code: 'json.too-large', kind: 'discovery', doc: null, text: `{"x": "${'a'.repeat(1_100_000)}"}`, path: '' },
  { code: 'json.binary', kind: 'discovery', doc: null, text: '\u0000\u0001PK\u0003\u0004', path: '' },
  { code: 'doc.too-deep', kind: 'discovery', doc: null, text: `{"resourceTypes": ${nested(10_000)}}` },
  { code: 'doc.not-object', kind: 'share', doc: [1, 2], path: '' },
  {
    code: 'schema.required',
    kind: 'discovery',
    path: '/endPoint',
    doc: variant('discovery-1.5.json', (d) => delete d.endPoint),
  },
  {
    code: 'schema.type',
    kind: 'discovery',
    path: '/enabled',
    doc: variant('discovery-1.5.json', (d) => (d.enabled = 'yes')),
  },
  {
    code: 'schema.type',
    kind: 'share',
    path: '/expiration',
    doc: variant('share-1.5-canonical.json', (d) => (d.expiration = 1.5)),
  },
  {
    code: 'schema.null',
    kind: 'discovery',
    path: '/publicKey',
    doc: variant('discovery-nextcloud-signatory.json', (d) => (d.publicKey = null)),
  },
  {
    code: 'schema.enum',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols/webdav-receive/uri',
    doc: variant('discovery-1.5.json', (d) => (d.resourceTypes[0].protocols['webdav-receive'].uri = 'both')),
  },
  {
    code: 'schema.too-small',
    kind: 'notification',
    path: '/notificationType',
    doc: variant('notification-1.5-share-accepted.json', (d) => (d.notificationType = '')),
  },
  {
    code: 'schema.forbidden-key',
    kind: 'discovery',
    path: '/resourceTypes/0/protocols/webapp-receive/modes',
    doc: variant('discovery-1.5.json', (d) => (d.resourceTypes[0].protocols['webapp-receive'].modes = ['popup'])),
  },
  {
    code: 'fields.unknown',
    kind: 'share',
    path: '/protocol/webdav/sharedSecrets',
    doc: variant('share-1.5-canonical.json', (d) => (d.protocol.webdav.sharedSecrets = 'typo')),
  },
  {
    code: 'token.json-body',
    kind: 'token-request',
    doc: null,
    path: '',
    text: '{"grant_type": "authorization_code", "client_id": "receiver.example.org", "code": "my_secret_code"}',
  },
];
const genericQuiet: Array<RuleCase & { text?: string }> = [
  {
    code: 'token.json-body',
    kind: 'token-request',
    doc: null,
    text: 'grant_type=authorization_code&client_id=receiver.example.org&code=my_secret_code',
  },
  ...[
    'json.syntax',
    'json.too-large',
    'json.binary',
    'doc.too-deep',
    'doc.not-object',
    'schema.required',
    'schema.type',
    'schema.null',
    'schema.enum',
    'schema.too-small',
    'schema.forbidden-key',
    'fields.unknown',
  ].map((code) => ({ code: code as RuleCode, kind: 'discovery' as const, doc: fixture('discovery-1.5.json') })),
];

const fires = [...genericFires, ...discoveryFires, ...shareFires, ...otherFires, ...kindsFires, ...identifierFires];
const quiet = [...genericQuiet, ...discoveryQuiet, ...shareQuiet, ...otherQuiet, ...kindsQuiet, ...identifierQuiet];

function run(c: RuleCase & { text?: string }) {
  if (c.text !== undefined) return lintText(c.text, { kind: c.kind, ...(c.spec ? { spec: c.spec } : {}) }).findings;
  return lint(c.kind, c.doc, c.spec ? { spec: c.spec } : {}).findings;
}

describe('every rule fires on a document that breaks it', () => {
  it.each(fires.map((c) => [c.code, c.path ?? '', c] as const))('%s at "%s"', (code, _path, c) => {
    const hits = run(c).filter((f) => f.code === code);
    expect(hits.length, `expected ${code}`).toBeGreaterThan(0);
    const hit = c.path === undefined ? hits[0]! : hits.find((f) => f.path === c.path);
    expect(hit, `paths: ${hits.map((f) => f.path).join(', ')}`).toBeDefined();
    if (c.severity) expect(hit!.severity).toBe(c.severity);
    expect(hit!.message.length).toBeGreaterThan(10);
    expect(hit!.specRef.url).toMatch(/^https:\/\//);
  });
});

describe('and stays quiet on one that does not', () => {
  it.each(quiet.map((c, i) => [c.code, i, c] as const))('%s (case %i)', (code, _i, c) => {
    expect(run(c).filter((f) => f.code === code)).toEqual([]);
  });
});

describe('the rule catalogue', () => {
  const codes = Object.keys(RULES) as RuleCode[];
  it('has a firing and a quiet test for every rule', () => {
    const fired = new Set(fires.map((c) => c.code));
    const quieted = new Set(quiet.map((c) => c.code));
    expect(codes.filter((c) => !fired.has(c))).toEqual([]);
    expect(codes.filter((c) => !quieted.has(c))).toEqual([]);
  });
  it('only produces catalogued codes', () => {
    for (const c of fires) for (const f of run(c)) expect(codes).toContain(f.code);
  });
});

describe('verdicts the spec gives (draft-07, spec.yaml 1.4, RFC 6749)', () => {
  it('a SHARE_UNSHARED without resourceType is not valid: spec.yaml 1.4 and draft-07 require it', () => {
    const doc = variant('nextcloud-files-notification-share-unshared.json', (d) => delete d.resourceType);
    const result = lint('notification', doc);
    expect(result.valid).toBe(false);
    expect(result.findings.find((f) => f.code === 'notification.resource-type-missing')?.severity).toBe('error');
  });

  it('an OAuth error answer under token-response is an error answer, not a token missing its fields', () => {
    const result = lint('token-response', { error: 'server_error' });
    expect(result.findings.map((f) => f.code)).not.toContain('schema.required');
    const answer = result.findings.find((f) => f.code === 'answer.error-answer');
    expect(answer?.severity).toBe('info');
    expect(answer?.message).toContain('RFC 6749 §5.2');
    // A well-formed error answer with a code draft-07 lists for the token endpoint is valid as an answer.
    expect(lint('token-response', { error: 'invalid_grant', error_description: 'code expired' }).valid).toBe(true);
  });

  it('an OCM error body under share-response is graded as an error body', () => {
    const result = lint('share-response', { validationErrors: [{ name: 'shareWith', message: 'NOT_FOUND' }] });
    expect(result.findings.map((f) => f.code).sort()).toEqual(['answer.error-answer', 'error.no-message']);
    expect(result.valid).toBe(false);
  });

  it('the legacy /ocs-provider document is not valid OCM discovery', () => {
    const result = lint('discovery', fixture('ocs-provider-nextcloud.json'));
    expect(result.valid).toBe(false);
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['discovery.ocs-provider', 'error']]);
  });
});
