import { describe, expect, it } from 'vitest';
import type { InboundRecord } from '../src/contract/inbound.ts';
import { CONTENT_SECURITY_POLICY, labContentSecurityPolicy } from './static.ts';
import { labOriginsFrom } from './webapp-lab.ts';

const share = (webapp: unknown): InboundRecord => ({
  id: 'in-7',
  seq: 1,
  receivedAt: '2026-11-27T10:00:00Z',
  remoteAddress: null,
  method: 'POST',
  target: '/ocm/shares',
  endpoint: 'shares',
  headers: [],
  body: { encoding: 'utf8', data: JSON.stringify({ protocol: { name: 'multi', webapp } }), size: 1, truncated: false },
  stage: 'done',
  problems: [],
});

describe('the webapp lab page opens frame-src and form-action to one app origin only', () => {
  const records = new Map<string, InboundRecord>([
    ['in-7', share({ uri: 'https://apps.example.org/viewer/1?x=1', targets: ['iframe'] })],
    ['in-8', share({ uri: 'javascript:alert(1)' })],
    ['in-9', share({ uri: 'http://*/app', targets: ['iframe'] })],
    ['in-10', share({ uri: 'https://*.example.org/app', targets: ['iframe'] })],
    ['in-11', share({ uri: "http://a.org;script-src-elem 'unsafe-inline'/app" })],
  ]);
  const origins = labOriginsFrom({ get: (id) => records.get(id) });

  it.each([
    ['/webapp/in-7', '', ['https://apps.example.org']],
    ['/webapp/in-7/ended', '', ['https://apps.example.org']],
    ['/webapp/in-8', '', []],
    ['/webapp/unknown', '', []],
    ['/webapp', 'app=http%3A%2F%2F127.0.0.1%3A4001', ['http://127.0.0.1:4001']],
    ['/webapp', 'app=http%3A%2F%2F127.0.0.1%3A4001%2Fpath', []],
    ['/webapp', "app=https%3A%2F%2Fa.org+'unsafe-inline'", []],
    ['/webapp', 'app=data%3Atext%2Fhtml', []],
    ['/webapp/in-9', '', []],
    ['/webapp/in-10', '', []],
    ['/webapp/in-11', '', []],
    ['/webapp', 'app=http%3A%2F%2F*', []],
    ['/webapp', 'app=https%3A%2F%2F*.example.org', []],
    ['/webapp', 'app=http%3A%2F%2Fa.org%3Bframe-src', []],
    ['/webapp', 'app=http%3A%2F%2Fa.org%3Bscript-src+*', []],
  ])('%s?%s → %j', (path, query, expected) => {
    expect(origins(path, new URLSearchParams(query))).toEqual(expected);
  });

  it('adds the origin to frame-src and form-action, and nowhere else', () => {
    const csp = labContentSecurityPolicy(['https://apps.example.org']);
    expect(csp).toContain("frame-src 'self' https://apps.example.org;");
    expect(csp).toContain("form-action 'self' https://apps.example.org;");
    expect(csp.replaceAll(' https://apps.example.org', '')).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("frame-ancestors 'self'");
  });

  it('never names a wildcard, a second directive or a path, whoever passes it in', () => {
    for (const bad of ['http://*', 'https://*.example.org', 'http://a.org;script-src *', 'http://a.org/x', '*'])
      expect(labContentSecurityPolicy([bad])).toBe(CONTENT_SECURITY_POLICY);
    expect(labContentSecurityPolicy(['http://*', 'http://127.0.0.1:4001'])).toBe(
      labContentSecurityPolicy(['http://127.0.0.1:4001']),
    );
  });
});
