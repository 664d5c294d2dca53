import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.ts';
import type { CliIo } from './types.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../src/protocol/__fixtures__/${name}`, import.meta.url), 'utf8');

function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readInput: async (p) => {
      if (!(p in files)) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      return files[p]!;
    },
    env: {},
  };
  return { io, out, err };
}

async function lint(args: string[], files: Record<string, string>) {
  const f = fakeIo(files);
  const code = await runCli(['lint', ...args], f.io);
  return { code, out: f.out.join('\n'), err: f.err.join('\n') };
}

describe('ocm-explorer lint', () => {
  it('exits 0 on a clean document and says what it guessed on stderr', async () => {
    const r = await lint(['d.json'], { 'd.json': fixture('discovery-1.5.json') });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/no --kind given; linting as "discovery"/);
    expect(r.out).toMatch(/discovery, judged as OCM 1\.5: 0 error\(s\), 0 warning\(s\)/);
  });
  it('prints one line per finding with severity, path, message and section, and exits 1 on errors', async () => {
    const r = await lint(['--kind', 'discovery', 'oc10.json'], { 'oc10.json': fixture('discovery-owncloud10.json') });
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toMatch(
      /^error\s+\/shareTypes\s+The resource types are listed under a top-level "shareTypes".*\[discovery\.owncloud10-share-types; Legacy discovery/m,
    );
  });
  it('reads a compact JWS as the signed Directory Service document, and says its signature was not checked', async () => {
    const b64url = (t: string) => Buffer.from(t).toString('base64url');
    const payload = b64url(
      JSON.stringify({ federation: 'Lab', servers: [{ url: 'https://a.example/ocm', displayName: 'A' }] }),
    );
    const r = await lint(['dir.jws'], { 'dir.jws': `${b64url('{"alg":"ES256"}')}.${payload}.c2ln\n` });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/linting as "directory"/);
    expect(r.out).toMatch(/^error\s+\/servers\/0\/url\s+url "https:\/\/a\.example\/ocm" has a path/m);
    expect(r.out).toMatch(/^info\s+\(document\)\s+The JWS is well formed but its signature was not checked here/m);
  });
  it('prints JSON with the kind, detection, validity and findings', async () => {
    const r = await lint(['-', '--json'], { '-': fixture('share-nextcloud-legacy.json') });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({
      kind: 'share',
      kindGuessed: { reason: expect.any(String) },
      valid: false,
      detected: { version: '1.0', dialect: 'nextcloud', evidence: expect.any(Array) },
    });
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        path: '/providerId',
        code: 'share.provider-id-integer',
        specRef: expect.objectContaining({ section: 'share' }),
      }),
    );
  });
  it('judges against --spec when given', async () => {
    const r = await lint(['x.json', '--kind=discovery', '--spec', '1.2', '--json'], {
      'x.json': fixture('discovery-1.4.json'),
    });
    expect(JSON.parse(r.out)).toMatchObject({
      spec: '1.2',
      findings: expect.arrayContaining([expect.objectContaining({ code: 'discovery.receive-before-1.4' })]),
    });
  });
  it('reports invalid JSON as a finding with line and column', async () => {
    const r = await lint(['bad.json', '--kind', 'share'], { 'bad.json': '{\n  "shareWith": "a@b",\n}' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/json\.syntax/);
    expect(r.out).toMatch(/line 3, column 1: trailing comma/);
  });
  it('survives a 5 MB document, binary input and 10,000-deep nesting', async () => {
    const big = await lint(['big.json'], { 'big.json': `{"x":"${'a'.repeat(5_000_000)}"}` });
    expect([big.code, big.out]).toEqual([1, expect.stringMatching(/5\.0 MB/)]);
    const binary = await lint(['b.bin', '--kind', 'discovery'], { 'b.bin': 'PK\u0003\u0004\u0000\u0000' });
    expect([binary.code, binary.out]).toEqual([1, expect.stringMatching(/binary/)]);
    const deep = await lint(['deep.json', '--kind', 'discovery'], {
      'deep.json': `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    });
    expect([deep.code, deep.out]).toEqual([1, expect.stringMatching(/doc\.too-deep/)]);
  });
  it('exits 2 on usage and I/O errors, with the reason on stderr', async () => {
    expect(await lint([], {})).toMatchObject({ code: 2, err: expect.stringMatching(/which document/) });
    expect(await lint(['x', '--kind', 'shares'], {})).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--kind must be one of/),
    });
    expect(await lint(['x', '--spec', '9'], {})).toMatchObject({ code: 2, err: expect.stringMatching(/--spec/) });
    expect(await lint(['x', '--frobnicate'], {})).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown option/),
    });
    expect(await lint(['missing.json'], {})).toMatchObject({
      code: 2,
      err: expect.stringMatching(/cannot read "missing.json": ENOENT/),
    });
    expect(await lint(['what.json'], { 'what.json': '{"hello": 1}' })).toMatchObject({
      code: 2,
      err: expect.stringMatching(/pass --kind/),
    });
  });
  it('shows its help', async () => {
    expect(await lint(['--help'], {})).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Exit status: 0 no error finding/),
    });
  });
  it('is listed in the command usage', async () => {
    const f = fakeIo({});
    await runCli(['--help'], f.io);
    expect(f.out.join('\n')).toMatch(/lint\s+check an OCM document/);
  });
});

describe('ocm-explorer lint --federation-key', () => {
  // A signed directory made with Node crypto alone, and the key that signed it as a JWK.
  const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
  const jwk = (k: typeof publicKey) => JSON.stringify(k.export({ format: 'jwk' }));
  const header = b64url(JSON.stringify({ alg: 'ES256' }));
  const body = b64url(
    JSON.stringify({ federation: 'Lab', servers: [{ url: 'https://a.example.org', displayName: 'A' }] }),
  );
  const jws = `${header}.${body}.${b64url(
    nodeSign('sha256', Buffer.from(`${header}.${body}`), { key: privateKey, dsaEncoding: 'ieee-p1363' }),
  )}`;

  it('verifies the JWS with the key, says so, and drops the "not checked" note', async () => {
    const r = await lint(['--kind', 'directory', '--federation-key', 'k.jwk', 'd.jws'], {
      'd.jws': jws,
      'k.jwk': jwk(publicKey),
    });
    expect(r.out).toMatch(/^signature: verified with the federation key \(ES256\)$/m);
    expect(r.out).not.toMatch(/directory\.signature-unverified/);
    expect(r.code).toBe(0);
  });

  it('exits 1 when the signature does not verify with the key given, naming why', async () => {
    const r = await lint(['--kind', 'directory', '--federation-key', 'k.jwk', '--json', 'd.jws'], {
      'd.jws': jws,
      'k.jwk': jwk(other),
    });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ signature: { verified: false, reason: expect.any(String) } });
  });

  it('says there is nothing to verify in a plain JSON directory, and that a key is unused for other kinds', async () => {
    const plain = await lint(['--federation-key', 'k.jwk', 'd.json'], {
      'd.json': fixture('directory-plain.json'),
      'k.jwk': jwk(publicKey),
    });
    expect(plain.out).toMatch(/^signature: nothing to verify: the document is plain JSON/m);
    const discovery = await lint(['--federation-key', 'k.jwk', 'x.json'], {
      'x.json': fixture('discovery-1.5.json'),
      'k.jwk': jwk(publicKey),
    });
    expect(discovery.err).toMatch(/--federation-key applies to a Directory Service document only/);
    expect(discovery.code).toBe(0);
  });

  it('names a key file it cannot read', async () => {
    const r = await lint(['--federation-key', 'missing.pem', 'd.jws'], { 'd.jws': jws });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read the federation key "missing\.pem"/);
  });
});
