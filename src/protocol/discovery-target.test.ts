import { describe, expect, it } from 'vitest';
import { DISCOVERY_PATHS, discoveryTarget, discoveryUrls, findDiscovery, type FetchJson } from './discovery-target.ts';

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

  it('takes the first 200 with a JSON object, and says what every earlier URL answered', async () => {
    const asked: string[] = [];
    const answers: Record<string, Awaited<ReturnType<FetchJson>>> = {
      'https://a.example/.well-known/ocm': { ok: false, error: 'connection refused' },
      'https://a.example/ocm-provider': { ok: true, status: 404, json: undefined },
      'http://a.example/.well-known/ocm': { ok: true, status: 200, json: ['not', 'an', 'object'] },
      'http://a.example/ocm-provider': { ok: true, status: 200, json: { endPoint: 'http://a.example/ocm' } },
    };
    const fetchJson: FetchJson = async (url) => {
      asked.push(url);
      return answers[url]!;
    };
    const found = await findDiscovery(fetchJson, ['https://a.example', 'http://a.example']);
    expect(found).toEqual({
      ok: true,
      base: 'http://a.example',
      url: 'http://a.example/ocm-provider',
      doc: { endPoint: 'http://a.example/ocm' },
    });
    expect(asked).toHaveLength(4);
    const none = await findDiscovery(fetchJson, ['https://a.example']);
    expect(none).toEqual({
      ok: false,
      tried: ['https://a.example/.well-known/ocm: connection refused', 'https://a.example/ocm-provider: HTTP 404'],
    });
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
