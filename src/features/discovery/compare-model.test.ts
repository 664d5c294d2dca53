import { describe, expect, it } from 'vitest';
import seafile from '../../protocol/__fixtures__/discovery-seafile.json';
import { columnOf, matrixRows, targetsFrom } from './compare-model.ts';

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
    ).toEqual({ targets: ['https://a.example'], source: 'directory', federation: 'Lab' });
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
