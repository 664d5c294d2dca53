import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { checkTarget, guardedLookup, nonPublicRange, type LookupFn } from './ssrf.ts';

const PUBLIC = { publicMode: true, allowHosts: [] };
const LOCAL = { publicMode: false, allowHosts: [] };

describe('the SSRF guard', () => {
  it.each([
    'http://127.1/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://127.0.0.1:8080/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fc00::1]/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://0.0.0.0/',
    'http://localhost:8080/',
    'http://api.localhost/',
  ])('blocks %s in public mode, and says why', (url) => {
    const blocked = checkTarget(new URL(url), PUBLIC);
    expect(blocked?.message).toMatch(/public mode reaches only public addresses/);
  });

  it.each(['file:///etc/passwd', 'ftp://example.org/', 'gopher://example.org/', 'javascript:alert(1)'])(
    'refuses the non-http scheme of %s in every mode',
    (url) => {
      expect(checkTarget(new URL(url), LOCAL)?.message).toMatch(/Only http and https/);
    },
  );

  it('lets local mode reach loopback and private lab servers', () => {
    for (const url of ['http://127.0.0.1:8080/', 'http://10.0.0.5/', 'http://[::1]/', 'http://localhost/'])
      expect(checkTarget(new URL(url), LOCAL)).toBeNull();
  });

  it('lets public mode reach public addresses, and allow-listed lab hosts', () => {
    expect(checkTarget(new URL('https://93.184.215.14/'), PUBLIC)).toBeNull();
    expect(checkTarget(new URL('https://cloud.example.org/'), PUBLIC)).toBeNull();
    expect(checkTarget(new URL('http://10.0.0.5/'), { publicMode: true, allowHosts: ['10.0.0.5'] })).toBeNull();
  });

  it.each([
    ['::7f00:1', '127.0.0.1', 'loopback'],
    ['::127.0.0.1', '127.0.0.1', 'loopback'],
    ['::ffff:127.0.0.1', '127.0.0.1', 'loopback'],
    ['::ffff:0:7f00:1', '127.0.0.1', 'loopback'],
    ['64:ff9b::7f00:1', '127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', '169.254.169.254', 'linkLocal'],
    ['2002:7f00:1::', '127.0.0.1', 'loopback'],
    ['2002:c0a8:101::1', '192.168.1.1', 'private'],
  ])('judges [%s] in public mode by the IPv4 address it carries (%s)', (address, carried, range) => {
    const blocked = checkTarget(new URL(`http://[${address}]/`), PUBLIC);
    expect(blocked?.message).toMatch(`carries ${carried}, a ${range} address; public mode reaches only public`);
  });

  it('lets public mode reach a public IPv4 address wrapped in IPv6, and still refuses IPv6 loopback', () => {
    for (const address of ['64:ff9b::808:808', '2002:808:808::', '::ffff:8.8.8.8'])
      expect(checkTarget(new URL(`http://[${address}]/`), PUBLIC)).toBeNull();
    expect(checkTarget(new URL('http://[::1]/'), PUBLIC)?.message).toBe(
      '::1 is a loopback address; public mode reaches only public addresses.',
    );
  });

  it('names the range of an address', () => {
    expect(nonPublicRange('127.0.0.1')).toBe('loopback');
    expect(nonPublicRange('::ffff:10.0.0.1')).toBe('private');
    expect(nonPublicRange('fe80::1')).toBe('linkLocal');
    expect(nonPublicRange('8.8.8.8')).toBeNull();
  });

  const resolvingTo =
    (...addresses: string[]): LookupFn =>
    (_host, _opts, cb) =>
      cb(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })) as LookupAddress[]);
  const run = (lookup: LookupFn, all: boolean) =>
    new Promise<{ err: NodeJS.ErrnoException | null; result: unknown }>((resolve) =>
      lookup('rebind.example', { all }, (err, result) => resolve({ err, result })),
    );

  it('refuses, at connect time, a name that resolves to loopback (DNS rebinding), with or without options.all', async () => {
    for (const all of [true, false]) {
      const { err } = await run(guardedLookup(PUBLIC, resolvingTo('93.184.215.14', '127.0.0.1')), all);
      expect(err?.message).toMatch(/rebind\.example resolves to 127\.0\.0\.1, a loopback address/);
    }
    const { err } = await run(guardedLookup(PUBLIC, resolvingTo('::7f00:1')), true);
    expect(err?.message).toMatch(/rebind\.example resolves to ::7f00:1, an address that carries 127\.0\.0\.1/);
  });

  it('passes public answers through in the shape the caller asked for', async () => {
    expect((await run(guardedLookup(PUBLIC, resolvingTo('93.184.215.14')), true)).result).toEqual([
      { address: '93.184.215.14', family: 4 },
    ]);
    expect((await run(guardedLookup(PUBLIC, resolvingTo('93.184.215.14')), false)).result).toBe('93.184.215.14');
    expect((await run(guardedLookup(LOCAL, resolvingTo('127.0.0.1')), false)).result).toBe('127.0.0.1');
  });
});
