import { describe, expect, it } from 'vitest';
import { es256Jws } from './__fixtures__/jws.ts';
import { fixture, fixtureText } from './__fixtures__/load.ts';
import {
  compareDirectories,
  directoryServers,
  findingsAfterKeyCheck,
  nothingToVerify,
  readDirectory,
  readDirectoryText,
} from './directory.ts';
import { lint } from './lint/engine.ts';
import { lintText } from './lint-text.ts';

const DRAFT_SERVERS = [
  { url: 'https://ocm-server.example.org', displayName: 'OCM Server 1' },
  { url: 'https://ocm-server.example.com:4443', displayName: 'OCM Server 2' },
  { url: 'http://192.168.1.1:8080', displayName: 'OCM Server 3' },
];

describe('the Directory Service document', () => {
  it("reads the draft's own example as a directory, and says its JWS cannot be verified", () => {
    const reading = readDirectory(fixture('directory-draft-example.json'));
    expect(reading).toMatchObject({ form: 'jws-decoded', at: '/payload', header: { alg: 'ES256' }, problems: [] });
    expect(reading.jws).toBeUndefined();
    expect(directoryServers(reading.payload)).toEqual(DRAFT_SERVERS);

    const result = lintText(fixtureText('directory-draft-example.json'));
    expect(result.kind).toBe('directory');
    expect(result.valid).toBe(true);
    expect(result.findings.map((f) => [f.code, f.path])).toEqual([
      ['directory.jws-decoded', ''],
      ['directory.server-url-http', '/payload/servers/2/url'],
    ]);
    expect(result.findings[0]!.message).toMatch(/cannot be verified against any key/);
    expect(result.findings[0]!.specRef.url).toMatch(/#name-appendix-c-directory-service$/);
  });

  it('reads a compact JWS built with Node crypto: header, payload, and the text a verifier takes', () => {
    const signed = es256Jws(fixture('directory-plain.json'), { kid: 'fed-2026' });
    const reading = readDirectory(signed.compact);
    expect(reading).toMatchObject({ form: 'jws-compact', header: { alg: 'ES256', kid: 'fed-2026' }, problems: [] });
    expect(reading.payload).toEqual(fixture('directory-plain.json'));
    expect(reading.jws).toBe(signed.compact);

    const result = lintText(`${signed.compact}\n`);
    expect(result).toMatchObject({ kind: 'directory', valid: true, version: '1.5' });
    expect(result.findings.map((f) => f.code)).toEqual(['directory.signature-unverified']);
  });

  it('reads the flattened and general JSON serialisations, findings pointing into the payload', () => {
    const signed = es256Jws({ federation: 'Lab', servers: [{ url: 'https://a.example/ocm', displayName: 'A' }] });
    expect(readDirectory(signed.flattened)).toMatchObject({
      form: 'jws-flattened',
      jws: JSON.stringify(signed.flattened),
    });
    const general = {
      payload: signed.flattened.payload,
      signatures: [{ protected: signed.flattened.protected, signature: signed.flattened.signature }],
    };
    expect(readDirectory(general)).toMatchObject({ form: 'jws-general', header: { alg: 'ES256' }, problems: [] });
    const findings = lint('directory', general).findings;
    expect(findings.find((f) => f.code === 'directory.server-url')).toMatchObject({
      path: '/payload/servers/0/url',
      hint: 'Send "https://a.example".',
    });
  });

  it('is not mistaken for a broken discovery document', () => {
    for (const text of [fixtureText('directory-plain.json'), fixtureText('directory-draft-example.json')]) {
      const result = lintText(text);
      expect(result.kind).toBe('directory');
      expect(result.findings.filter((f) => f.code.startsWith('discovery.') || f.code === 'schema.required')).toEqual(
        [],
      );
    }
  });

  it('names a payload that is not a directory', () => {
    const result = lint('directory', { federation: 'Lab', servers: [{ displayName: 'no url' }] });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'schema.required', path: '/servers/0/url' }),
    );
    expect(result.valid).toBe(false);
  });
});

describe('two Directory Service documents compared', () => {
  it('names servers added, removed and renamed, matched by url, whatever the envelope', () => {
    const before = readDirectoryText(es256Jws(fixture('directory-plain.json')).compact)!;
    const after = readDirectoryText(fixtureText('directory-draft-example.json'))!;
    expect([before.form, after.form]).toEqual(['jws-compact', 'jws-decoded']);
    const next = {
      federation: 'Lab Federation',
      servers: [
        { url: 'https://cloud.example.org/', displayName: 'Example Cloud (EU)' },
        { url: 'https://new.example.net', displayName: 'New' },
      ],
    };
    expect(compareDirectories(before.payload, next)).toEqual({
      added: [{ url: 'https://new.example.net', displayName: 'New' }],
      removed: [{ url: 'https://files.example.com:4443', displayName: 'Example Files' }],
      renamed: [{ url: 'https://cloud.example.org/', before: 'Example Cloud', after: 'Example Cloud (EU)' }],
      unchanged: 0,
    });
    expect(compareDirectories(before.payload, after.payload)).toMatchObject({
      federation: { before: 'Lab Federation', after: 'The ScienceMesh Directory' },
      unchanged: 0,
    });
    expect(compareDirectories(after.payload, after.payload)).toEqual({
      added: [],
      removed: [],
      renamed: [],
      unchanged: 3,
    });
  });

  it('does not take other JSON, or a discovery document, for a directory', () => {
    expect(readDirectoryText(fixtureText('discovery-1.5.json'))).toBeNull();
    expect(readDirectoryText('not json')).toBeNull();
    expect(readDirectoryText('{"federation": "x", "servers": []}')?.form).toBe('plain');
  });
});

describe('what a federation key can check', () => {
  it('has a JWS to verify only where there is one, and says why not otherwise', () => {
    expect(nothingToVerify(readDirectoryText(fixtureText('directory-plain.json')))).toMatch(/plain JSON/);
    expect(nothingToVerify(readDirectoryText(fixtureText('directory-draft-example.json')))).toMatch(/decoded view/);
    expect(nothingToVerify(null)).toMatch(/not a Directory Service document/);
    expect(nothingToVerify(readDirectoryText('eyJhbGciOiJFUzI1NiJ9.eyJmZWRlcmF0aW9uIjoiTGFiIn0.c2ln'))).toBeUndefined();
  });

  it('lets the "not checked here" note give way once a key was used, and only then', () => {
    const findings = [{ code: 'directory.signature-unverified' }, { code: 'directory.http-server' }];
    expect(findingsAfterKeyCheck(findings, true)).toEqual([{ code: 'directory.http-server' }]);
    expect(findingsAfterKeyCheck(findings, false)).toEqual(findings);
  });
});
