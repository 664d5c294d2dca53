import { copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKey, exportPkcs8Pem } from '../../src/signing/index.ts';
import { KeyStore } from './key-store.ts';

const open = (dir?: string) => KeyStore.open(dir, { kidPrefix: 'console.example:8080' });

describe('the console key store', () => {
  it('creates an Ed25519 RFC 9421 key and an RSA draft-cavage key on first start, in a 0600 file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const store = await open(dir);
    const keys = store.all();
    expect(keys.map((k) => [k.use, k.material.kty, k.material.crv ?? null, k.active])).toEqual([
      ['rfc9421', 'OKP', 'Ed25519', true],
      ['cavage', 'RSA', null, true],
    ]);
    expect(keys[0]!.kid).toMatch(/^console\.example:8080#ed25519-[\w-]{8}$/);
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600);
    // Same keys after a restart.
    expect((await open(dir)).all().map((k) => k.kid)).toEqual(keys.map((k) => k.kid));
  });

  it('publishes only public RFC 9421 keys in its JWKS, with kid and alg', async () => {
    const store = await open();
    const jwks = store.jwks();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'Ed25519',
      kid: store.active('rfc9421').kid,
    });
    expect(jwks.keys[0]!.d).toBeUndefined();
  });

  it('rotates: the new key signs, the old one stays published until deleted; the active key cannot be deleted', async () => {
    const store = await open();
    const old = store.active('rfc9421');
    const next = await store.rotate('rfc9421');
    expect(store.active('rfc9421').kid).toBe(next.kid);
    expect(store.jwks().keys.map((k) => k.kid)).toEqual([next.kid, old.kid]);
    expect(() => store.delete(next.kid)).toThrow(/active rfc9421 key: rotate first/);
    store.delete(old.kid);
    expect(store.jwks().keys.map((k) => k.kid)).toEqual([next.kid]);
  });

  it('imports a private PEM key and refuses what cannot be published', async () => {
    const store = await open();
    const p256 = await generateKey('ecdsa-p256-sha256');
    const pem = await exportPkcs8Pem(p256);
    if (!pem.ok) throw new Error(pem.error.message);
    const imported = await store.import(pem.value, 'rfc9421', 'lab#p256');
    expect(imported).toMatchObject({ kid: 'lab#p256', active: false });
    await expect(store.import('{"kty":"oct","k":"c2VjcmV0"}', 'rfc9421')).rejects.toThrow(/HMAC/);
    await expect(store.import('not a key', 'rfc9421')).rejects.toThrow(/neither a JWK/);
    await expect(store.import(pem.value, 'cavage')).rejects.toThrow(/RSA/);
  });

  it('exports a private key as PKCS#8 PEM only when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const store = await open(dir);
    const pem = await store.exportPrivatePem(store.active('rfc9421').kid);
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    // The key file holds the private JWK; nothing else writes it anywhere.
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toContain('"d"');
  });
});

const fixture = join(import.meta.dirname, '__fixtures__', 'keys-format-1.json');

/** A data folder whose keys.json is the fixture, or the given text. */
function dataDir(text?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'keys-'));
  if (text === undefined) copyFileSync(fixture, join(dir, 'keys.json'));
  else writeFileSync(join(dir, 'keys.json'), text, { mode: 0o600 });
  return dir;
}

describe('key files written by earlier consoles', () => {
  const written = JSON.parse(readFileSync(fixture, 'utf8')) as { version: number; keys: { kid: string }[] };

  it('reads a keys.json of format 1 as it is, making no new keys and leaving the file alone', async () => {
    const dir = dataDir();
    const store = await open(dir);
    expect(store.all().map((k) => [k.kid, k.use, k.active, k.material.type])).toEqual([
      ['127.0.0.1:8080#ed25519-uGOo2mVs', 'rfc9421', true, 'private'],
      ['127.0.0.1:8080#rsa-v1_5-sha256-IHw23pTq', 'cavage', true, 'private'],
      ['127.0.0.1:8080#ecdsa-p256-sha256-pb1Z_WWG', 'rfc9421', false, 'private'],
    ]);
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toBe(readFileSync(fixture, 'utf8'));
  });

  it('reads a keys.json without a version as format 1', async () => {
    const store = await open(dataDir(JSON.stringify({ keys: written.keys })));
    expect(store.all().map((k) => k.kid)).toEqual(written.keys.map((k) => k.kid));
  });

  it('refuses a file it cannot read instead of replacing the keys, and leaves it as it was', async () => {
    const broken = {
      ...written,
      keys: [written.keys[0], { ...written.keys[1], jwk: { kty: 'RSA' } }, written.keys[2]],
    };
    for (const [text, why] of [
      ['{"version": 1, "keys": [', /cannot be read: not JSON \(/],
      ['{}', /cannot be read: it has no list of keys\./],
      ['{"version": 2, "keys": []}', /written by a newer OCM Explorer \(format version 2; this one reads up to 1\)/],
      [JSON.stringify(broken), /1 of 3 keys are unreadable \(key 127\.0\.0\.1:8080#rsa-v1_5-sha256-IHw23pTq: /],
      [
        JSON.stringify({ keys: [{ kid: 'k', use: 'hmac' }] }),
        /1 of 1 keys are unreadable \(key 1: not of the expected shape/,
      ],
    ] as const) {
      const dir = dataDir(text);
      await expect(open(dir)).rejects.toThrow(why);
      expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toBe(text);
    }
  });
});
