import { describe, expect, it } from 'vitest';
import {
  afterTransportFailure,
  DISCOVERY_PATHS,
  discoveryTarget,
  discoveryUrls,
  findDiscovery,
  type FetchJson,
} from './discovery-target.ts';

const bases = (target: string, scheme?: 'http' | 'https') => {
  const r = discoveryTarget(target, scheme);
  return r.ok ? r.bases : r.error;
};

describe('discoveryTarget', () => {
  it('reads a host name as https first, then http', () => {
    expect(bases('cloud.example.org')).toEqual(['https://cloud.example.org', 'http://cloud.example.org']);
    expect(bases('  Cloud.Example.org:8443/some/path ')).toEqual([
      'https://cloud.example.org:8443',
      'http://cloud.example.org:8443',
    ]);
  });

  it('tries a lab host (loopback or IP literal) over http first', () => {
    expect(bases('127.0.0.1:9200')).toEqual(['http://127.0.0.1:9200', 'https://127.0.0.1:9200']);
    expect(bases('localhost')).toEqual(['http://localhost', 'https://localhost']);
    expect(bases('[::1]:8080')).toEqual(['http://[::1]:8080', 'https://[::1]:8080']);
    expect(bases('192.0.2.10')).toEqual(['http://192.0.2.10', 'https://192.0.2.10']);
  });

  it('keeps the first guess first: the OCM-stub at a bare localhost (https on 443 only) is the second candidate', () => {
    expect(bases('localhost')).toEqual(['http://localhost', 'https://localhost']);
    expect(bases('einstein@localhost')).toEqual(['http://localhost', 'https://localhost']);
  });

  it('keeps the scheme of a URL and ignores its path', () => {
    expect(bases('https://cloud.example.org/index.php/ocm')).toEqual(['https://cloud.example.org']);
    expect(bases('http://127.0.0.1:9201/')).toEqual(['http://127.0.0.1:9201']);
  });

  it('reads an OCM address as its server', () => {
    expect(bases('bob@cloud.example.org')).toEqual(['https://cloud.example.org', 'http://cloud.example.org']);
    expect(bases('nomen.nescio@example.org@cloud.example.org:8443')).toEqual([
      'https://cloud.example.org:8443',
      'http://cloud.example.org:8443',
    ]);
    expect(discoveryTarget('bob@127.0.0.1:9201')).toMatchObject({ ok: true, authority: '127.0.0.1:9201' });
    expect(bases('bob@cloud.example.org/index.php/')).toEqual([
      'https://cloud.example.org',
      'http://cloud.example.org',
    ]);
    expect(bases('bob@[2001:db8::1]:9200')).toEqual(['http://[2001:db8::1]:9200', 'https://[2001:db8::1]:9200']);
  });

  it('reads the URL form Nextcloud sends (bob@https://host/) as that host over that scheme', () => {
    expect(bases('bob@https://cloud.example.org/')).toEqual(['https://cloud.example.org']);
    expect(bases('bob@http://127.0.0.1:9201/')).toEqual(['http://127.0.0.1:9201']);
    expect(discoveryTarget('bob@https://cloud.example.org/')).toMatchObject({ authority: 'cloud.example.org' });
  });

  it('lets the caller choose the scheme', () => {
    expect(bases('cloud.example.org', 'http')).toEqual(['http://cloud.example.org']);
    expect(bases('https://cloud.example.org', 'http')).toEqual(['http://cloud.example.org']);
    expect(bases('bob@https://cloud.example.org/', 'http')).toEqual(['http://cloud.example.org']);
  });

  it('says why a target names no server', () => {
    expect(bases('   ')).toMatch(/Give a host/);
    expect(bases('https://')).toMatch(/not a valid URL/);
    expect(bases('bob@')).toMatch(/not an OCM address/);
    expect(bases('bob@not a host')).toMatch(/not an OCM address/);
    expect(bases('exa mple.org')).toMatch(/names no host/);
    expect(bases('/path-only')).toMatch(/names no host/);
  });
});

describe('afterTransportFailure', () => {
  it('moves to the next candidate only where nothing answered over that scheme and port', () => {
    expect(afterTransportFailure({ kind: 'refused' })).toBe('next-base');
    // A port that does not speak TLS at all (a plain http server behind the https guess).
    expect(afterTransportFailure({ kind: 'tls', code: 'ERR_SSL_WRONG_VERSION_NUMBER' })).toBe('next-base');
    expect(afterTransportFailure({ kind: 'tls', code: 'EPROTO' })).toBe('next-base');
    expect(afterTransportFailure({ kind: 'network' })).toBe('next-base');
    expect(afterTransportFailure({ kind: 'timeout', phase: 'connect' })).toBe('next-base');
  });

  it('gives up where the other scheme would fail the same way (the same name, the same guard)', () => {
    expect(afterTransportFailure({ kind: 'dns' })).toBe('give-up');
    expect(afterTransportFailure({ kind: 'blocked' })).toBe('give-up');
  });

  it('never falls back to plain http from a server whose certificate was refused (no downgrade)', () => {
    for (const code of [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'CERT_HAS_EXPIRED',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'ERR_TLS_CERT_ALTNAME_INVALID',
    ])
      expect(afterTransportFailure({ kind: 'tls', code })).toBe('give-up');
  });

  it('still asks the other path of a server that was reached but did not finish answering', () => {
    expect(afterTransportFailure({ kind: 'timeout', phase: 'headers' })).toBe('next-path');
    expect(afterTransportFailure({ kind: 'timeout', phase: 'total' })).toBe('next-path');
    expect(afterTransportFailure({ kind: 'too-large' })).toBe('next-path');
  });
});

describe('discovery order', () => {
  it('asks /.well-known/ocm before the legacy /ocm-provider, base by base', () => {
    expect(DISCOVERY_PATHS).toEqual(['/.well-known/ocm', '/ocm-provider']);
    expect(discoveryUrls(['https://a.example', 'http://a.example/']).map((u) => u.url)).toEqual([
      'https://a.example/.well-known/ocm',
      'https://a.example/ocm-provider',
      'http://a.example/.well-known/ocm',
      'http://a.example/ocm-provider',
    ]);
  });

  const fake = (answers: Record<string, Awaited<ReturnType<FetchJson>>>) => {
    const asked: string[] = [];
    const fetchJson: FetchJson = async (url) => {
      asked.push(url);
      return answers[url] ?? { ok: true, status: 404, json: null };
    };
    return { asked, fetchJson };
  };
  const refused = {
    ok: false as const,
    error: 'a.example:443 refused the connection.',
    failure: { kind: 'refused' as const },
  };

  it('asks the other scheme only when nothing answered over the first, and says what each URL answered', async () => {
    const { asked, fetchJson } = fake({
      'https://a.example/.well-known/ocm': refused,
      'http://a.example/.well-known/ocm': { ok: true, status: 200, json: ['not', 'an', 'object'] },
      'http://a.example/ocm-provider': { ok: true, status: 200, json: { endPoint: 'http://a.example/ocm' } },
    });
    const found = await findDiscovery(fetchJson, ['https://a.example', 'http://a.example']);
    expect(found).toEqual({
      ok: true,
      base: 'http://a.example',
      url: 'http://a.example/ocm-provider',
      doc: { endPoint: 'http://a.example/ocm' },
    });
    // The legacy path over https is on the same refused port: not asked.
    expect(asked).toEqual([
      'https://a.example/.well-known/ocm',
      'http://a.example/.well-known/ocm',
      'http://a.example/ocm-provider',
    ]);
    expect(await findDiscovery(fetchJson, ['https://a.example'])).toEqual({
      ok: false,
      tried: ['https://a.example/.well-known/ocm: a.example:443 refused the connection.'],
    });
  });

  it('takes a 404 or 500 as an answer: the other scheme of that host is not asked, another host is', async () => {
    const { asked, fetchJson } = fake({
      'https://a.example/ocm-provider': { ok: true, status: 500, json: null },
      'https://b.example/.well-known/ocm': { ok: true, status: 200, json: { endPoint: 'https://b.example/ocm' } },
    });
    const found = await findDiscovery(fetchJson, ['https://a.example', 'http://a.example', 'https://b.example']);
    expect(found).toMatchObject({ ok: true, base: 'https://b.example' });
    expect(asked).toEqual([
      'https://a.example/.well-known/ocm',
      'https://a.example/ocm-provider',
      'https://b.example/.well-known/ocm',
    ]);
  });

  it('does not try the other scheme of a name that does not resolve', async () => {
    const { asked, fetchJson } = fake({
      'https://a.example/.well-known/ocm': {
        ok: false,
        error: 'a.example could not be resolved (ENOTFOUND).',
        failure: { kind: 'dns' },
      },
    });
    expect(await findDiscovery(fetchJson, ['https://a.example', 'http://a.example'])).toEqual({
      ok: false,
      tried: ['https://a.example/.well-known/ocm: a.example could not be resolved (ENOTFOUND).'],
    });
    expect(asked).toEqual(['https://a.example/.well-known/ocm']);
  });

  it('stops at the well-known document when it is usable', async () => {
    const asked: string[] = [];
    const found = await findDiscovery(
      async (url) => {
        asked.push(url);
        return { ok: true, status: 200, json: {} };
      },
      ['https://a.example'],
    );
    expect(found.ok).toBe(true);
    expect(asked).toEqual(['https://a.example/.well-known/ocm']);
  });
});
