import { describe, expect, it } from 'vitest';
import { discoveryUrlFor, formatOcmAddress, parseOcmAddress } from './address.ts';

describe('parseOcmAddress', () => {
  it('splits at the last @ so identifiers may hold one', () => {
    const r = parseOcmAddress('nomen.nescio@example.org@cloud.example.org');
    expect(r).toMatchObject({
      ok: true,
      address: { identifier: 'nomen.nescio@example.org', host: 'cloud.example.org' },
      warnings: [],
    });
  });
  it('reads ports and IPv6 literals', () => {
    expect(parseOcmAddress('bob@cloud.example.org:8443')).toMatchObject({
      ok: true,
      address: { host: 'cloud.example.org', port: 8443 },
    });
    expect(parseOcmAddress('bob@[2001:db8::1]:9200')).toMatchObject({
      ok: true,
      address: { host: '[2001:db8::1]', port: 9200 },
      text: 'bob@[2001:db8::1]:9200',
    });
    expect(parseOcmAddress('bob@192.0.2.10')).toMatchObject({ ok: true, address: { host: '192.0.2.10' } });
  });
  it('tolerates the URL forms Nextcloud sends, and says so', () => {
    expect(parseOcmAddress('bob@https://cloud.example.org/')).toMatchObject({
      ok: true,
      text: 'bob@cloud.example.org',
      warnings: ['scheme', 'trailing-slash'],
    });
    expect(parseOcmAddress('bob@http://cloud.example.org:8080/nextcloud')).toMatchObject({
      ok: true,
      text: 'bob@cloud.example.org:8080',
      warnings: ['scheme', 'path'],
    });
  });
  it.each([
    ['bob', /no "@"/],
    ['@cloud.example.org', /nothing before/],
    ['bob@', /no host/],
    ['bob@cloud example.org', /not a host/],
    ['bob@cloud.example.org:99999', /port/],
    ['bob@[2001:db8::1', /closing/],
  ])('rejects %j', (text, error) => {
    const r = parseOcmAddress(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
  it('formats and finds the discovery URL', () => {
    const address = { identifier: 'marie', host: 'cloud.example.org', port: 8443 };
    expect(formatOcmAddress(address)).toBe('marie@cloud.example.org:8443');
    expect(discoveryUrlFor(address)).toBe('https://cloud.example.org:8443/.well-known/ocm');
  });
});
