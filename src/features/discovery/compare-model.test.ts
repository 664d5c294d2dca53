import { describe, expect, it } from 'vitest';
import seafile from '../../protocol/__fixtures__/discovery-seafile.json';
import draftExample from '../../protocol/__fixtures__/directory-draft-example.json';
import { es256Jws } from '../../protocol/__fixtures__/jws.ts';
import { verifyJws } from '../../signing/index.ts';
import { columnOf, fetchedDirectoryText, matrixRows, pastedSummary, targetsFrom } from './compare-model.ts';
import type { Exchange } from '../../contract/exchange.ts';

const result = (target: string, document: unknown, version = '1.5', dialect = 'spec') => ({
  target,
  base: `https://${target}`,
  wellKnown: { url: 'x' },
  legacy: null,
  answeredBy: document ? ('well-known' as const) : null,
  document,
  detected: document ? { version, versions: [version], dialect, evidence: [] } : null,
  findings: [],
  ...(document ? {} : { problem: 'refused' }),
});

describe('compare', () => {
  it('reads a pasted list, and a Directory Service document', () => {
    expect(targetsFrom('a.example\nb.example, a.example')).toEqual({
      targets: ['a.example', 'b.example'],
      source: 'list',
    });
    expect(
      targetsFrom(JSON.stringify({ federation: 'Lab', servers: [{ url: 'https://a.example', displayName: 'A' }] })),
    ).toEqual({
      targets: ['https://a.example'],
      source: 'directory',
      federation: 'Lab',
      form: 'plain',
      names: { 'https://a.example': 'A' },
    });
    const payload = btoa(
      JSON.stringify({ federation: 'Signed', servers: [{ url: 'https://s.example', displayName: 'S' }] }),
    )
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    const compact = `eyJhbGciOiJFUzI1NiJ9.${payload}.c2ln`;
    expect(targetsFrom(compact)).toMatchObject({
      targets: ['https://s.example'],
      source: 'directory',
      federation: 'Signed',
      jws: compact,
    });
  });

  it("reads the draft's own example as a directory, whose decoded JWS has nothing to verify", () => {
    const parsed = targetsFrom(JSON.stringify(draftExample, null, 2));
    expect(parsed).toMatchObject({
      source: 'directory',
      federation: 'The ScienceMesh Directory',
      form: 'jws-decoded',
      targets: ['https://ocm-server.example.org', 'https://ocm-server.example.com:4443', 'http://192.168.1.1:8080'],
      names: { 'http://192.168.1.1:8080': 'OCM Server 3' },
    });
    expect(parsed.jws).toBeUndefined();
    expect(pastedSummary(parsed)).toBe(
      'Directory Service document "The ScienceMesh Directory", 3 servers, in the decoded form of the draft\'s example: not a real JWS, so there is no signature to verify against any key',
    );
  });

  it('verifies a flattened JWS made with Node crypto with the federation key, and names a tampered one', async () => {
    // Signed with Node's crypto in the fixture helper, not with the console's code.
    const signed = es256Jws(draftExample.payload);
    const { protected: header, signature } = signed.flattened;
    const key = JSON.stringify(signed.publicJwk);
    const b64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const parsed = targetsFrom(JSON.stringify(signed.flattened));
    expect(parsed).toMatchObject({
      form: 'jws-flattened',
      targets: expect.arrayContaining(['http://192.168.1.1:8080']),
    });
    expect(pastedSummary(parsed)).toMatch(/signed \(flattened JWS JSON\); not verified: paste the federation key/);
    expect(pastedSummary(parsed, await verifyJws(parsed.jws!, key))).toMatch(/; signature verified \(ES256\)$/);
    const tampered = targetsFrom(`${header}.${b64url(JSON.stringify({ federation: 'X', servers: [] }))}.${signature}`);
    expect(tampered.form).toBe('jws-compact');
    expect(pastedSummary(tampered, await verifyJws(tampered.jws!, key))).toMatch(
      /signature NOT verified: .*does not verify/,
    );
  });

  it("lists the protocol of Seafile's single resourceTypes object", () => {
    expect(columnOf(result('seafile.example.org', seafile, '1.0', 'seafile')).protocols).toEqual(['seafile']);
  });

  it('lines capabilities, criteria and protocols up across servers', () => {
    const a = columnOf(
      result('a.example', {
        capabilities: ['http-sig'],
        jwksUri: 'j',
        resourceTypes: [{ name: 'file', protocols: { webdav: '/dav/', 'webapp-receive': {} } }],
      }),
    );
    const b = columnOf(
      result(
        'b.example',
        {
          capabilities: ['notifications'],
          criteria: ['must-use-http-sig'],
          publicKey: 'x',
          resourceTypes: [{ name: 'file', protocols: { webdav: '/dav/' } }],
        },
        '1.1',
        'nextcloud',
      ),
    );
    const down = columnOf(result('c.example', null));
    expect(matrixRows([a, b, down])).toEqual({
      capabilities: ['http-sig', 'notifications'],
      criteria: ['must-use-http-sig'],
      protocols: ['webapp-receive', 'webdav'],
    });
    expect([a.keys, b.keys, down.keys]).toEqual(['JWKS', 'legacy publicKey', '–']);
    expect(down).toMatchObject({ answered: 'no document', findings: 'refused' });
  });
});

describe('a Directory Service document fetched by URL', () => {
  const url = 'https://directory.example.org/servers.jws';
  const answer = (status: number, data: string, extra: Partial<Exchange['response']['body']> = {}) => ({
    exchange: {
      response: {
        status,
        statusText: '',
        headers: [],
        body: { encoding: 'utf8', data, size: data.length, truncated: false, ...extra },
      },
    } as unknown as Exchange,
  });

  it('reads the text of a 200, and names where it came from in the summary', () => {
    const doc = JSON.stringify({ federation: 'Lab', servers: [{ url: 'https://a.example' }] });
    const fetched = fetchedDirectoryText(url, answer(200, doc));
    expect(fetched).toEqual({ text: doc });
    const parsed = targetsFrom((fetched as { text: string }).text);
    expect(pastedSummary(parsed, undefined, url)).toBe(
      `Directory Service document "Lab" from ${url}, 1 servers, unsigned (plain JSON)`,
    );
  });

  it('says why an answer is not a document to read', () => {
    expect(fetchedDirectoryText(url, answer(404, 'not here'))).toEqual({
      error: `${url} answered 404, not a Directory Service document.`,
    });
    expect(fetchedDirectoryText(url, answer(200, 'AAAA', { encoding: 'base64' }))).toEqual({
      error: `${url} answered a body that is not text.`,
    });
    expect(fetchedDirectoryText(url, answer(200, '{"servers":[', { truncated: true }))).toMatchObject({
      error: expect.stringMatching(/cut short/),
    });
    expect(
      fetchedDirectoryText(url, {
        failure: {
          kind: 'refused',
          address: 'directory.example.org:443',
          message: 'directory.example.org:443 refused the connection.',
        },
      }),
    ).toEqual({
      error: `${url} could not be fetched: Connection refused: directory.example.org:443 refused the connection.`,
    });
  });
});
