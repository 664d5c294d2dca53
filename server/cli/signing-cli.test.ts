import { describe, expect, it } from 'vitest';
import { runCli } from './main.ts';
import type { CliIo } from './types.ts';

const ED25519_JWK = JSON.stringify({
  kty: 'OKP',
  crv: 'Ed25519',
  kid: 'sender.example.org#key1',
  alg: 'Ed25519',
  d: 'n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU',
  x: 'JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs',
});
const PUBLIC_JWKS = JSON.stringify({
  keys: [
    {
      kty: 'OKP',
      crv: 'Ed25519',
      kid: 'sender.example.org#key1',
      alg: 'Ed25519',
      x: 'JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs',
    },
  ],
});
const REQUEST = JSON.stringify({
  method: 'POST',
  url: 'https://receiver.example.org/ocm/shares',
  headers: { 'Content-Type': 'application/json' },
  body: '{"shareWith":"alice@receiver.example.org"}',
});

function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readInput: async (p) => {
      if (!(p in files)) throw new Error('ENOENT: no such file');
      return files[p]!;
    },
    env: {},
  };
  return { io, out, err, files };
}

async function signOcm(created = 1785060500) {
  const f = fakeIo({ 'req.json': REQUEST, 'key.jwk': ED25519_JWK });
  const code = await runCli(
    ['sign', '--request', 'req.json', '--key', 'key.jwk', '--created', String(created), '--json'],
    f.io,
  );
  return {
    code,
    result: JSON.parse(f.out.join('')) as {
      signatureBase: string;
      signatureInput: string;
      signature: string;
      headers: Record<string, string>;
    },
  };
}

describe('ocm-explorer sign', () => {
  it('with the OCM profile adds Content-Digest and Content-Length and prints full header values', async () => {
    const { code, result } = await signOcm();
    expect(code).toBe(0);
    expect(Object.keys(result.headers)).toEqual(['Content-Digest', 'Content-Length', 'Signature-Input', 'Signature']);
    expect(result.signatureInput).toBe(
      'sig1=("@method" "@target-uri" "content-digest" "content-length");created=1785060500;keyid="sender.example.org#key1";tag="ocm"',
    );
    expect(result.signature).toMatch(/^sig1=:[A-Za-z0-9+/]{86}==:$/);
    expect(result.signatureBase.split('\n')).toHaveLength(5);
  });

  it('with explicit components signs exactly what it is told, alg only with --include-alg', async () => {
    const f = fakeIo({ 'req.json': REQUEST, 'key.jwk': ED25519_JWK });
    const code = await runCli(
      [
        'sign',
        '--request',
        'req.json',
        '--key',
        'key.jwk',
        '--profile',
        'rfc9421',
        '--components',
        '"@method" "@path"',
        '--created',
        '1',
        '--nonce',
        'n1',
        '--tag',
        't',
        '--label',
        'x',
        '--include-alg',
        '--json',
      ],
      f.io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(f.out.join(''));
    expect(result.signatureInput).toBe(
      'x=("@method" "@path");created=1;keyid="sender.example.org#key1";nonce="n1";alg="ed25519";tag="t"',
    );
    expect(Object.keys(result.headers)).toEqual(['Signature-Input', 'Signature']);
  });

  it('exits 2 with a message on stderr for a missing file, a bad key and an unknown option', async () => {
    for (const [args, words] of [
      [['sign', '--request', 'nope.json', '--key', 'key.jwk'], 'cannot read nope.json'],
      [['sign', '--request', 'req.json', '--key', 'bad.pem'], 'bad.pem: no PEM block'],
      [['sign', '--request', 'req.json', '--key', 'key.jwk', '--frobnicate'], 'unknown argument'],
      [['sign', '--request', 'req.json', '--key', 'key.jwk', '--alg', 'rsa-pss-sha512'], 'needs RSA'],
    ] as const) {
      const f = fakeIo({ 'req.json': REQUEST, 'key.jwk': ED25519_JWK, 'bad.pem': '-----BEGIN' });
      expect(await runCli([...args], f.io)).toBe(2);
      expect(f.err.join('')).toContain(words);
    }
  });
});

describe('ocm-explorer verify', () => {
  async function signedRequest(created = 1785060500) {
    const { result } = await signOcm(created);
    const request = JSON.parse(REQUEST);
    request.headers = { ...request.headers, ...result.headers };
    return JSON.stringify(request);
  }

  it('verifies with a JWKS under the OCM rules and exits 0', async () => {
    const f = fakeIo({ 'signed.json': await signedRequest(), 'jwks.json': PUBLIC_JWKS });
    const code = await runCli(
      ['verify', '--request', 'signed.json', '--jwks', 'jwks.json', '--now', '1785060510', '--json'],
      f.io,
    );
    const report = JSON.parse(f.out.join(''));
    expect(report).toMatchObject({
      ok: true,
      profile: 'ocm',
      label: 'sig1',
      keyid: 'sender.example.org#key1',
      alg: 'ed25519',
    });
    expect(code).toBe(0);
  });

  it('exits 1 and gives the reason when the signature is too old', async () => {
    const f = fakeIo({ 'signed.json': await signedRequest(), 'jwks.json': PUBLIC_JWKS });
    const code = await runCli(
      ['verify', '--request', 'signed.json', '--jwks', 'jwks.json', '--now', '1785070000', '--json'],
      f.io,
    );
    expect(code).toBe(1);
    const report = JSON.parse(f.out.join(''));
    expect(report.ok).toBe(false);
    expect(report.reason).toContain('s old');
    expect(report.diagnostics[0].code).toBe('created-too-old');
  });

  it('prints a human report without --json', async () => {
    const f = fakeIo({ 'signed.json': await signedRequest(), 'key.jwk': ED25519_JWK });
    expect(await runCli(['verify', '--request', 'signed.json', '--key', 'key.jwk', '--now', '1785060510'], f.io)).toBe(
      0,
    );
    expect(f.out.join('')).toMatch(/^Verified \(ocm, label sig1, keyid sender.example.org#key1, ed25519\)/);
  });

  it('verifies a draft-cavage request signed by the CLI', async () => {
    const rsa = await import('../../src/signing/__fixtures__/cavage.ts');
    const f = fakeIo({ 'req.json': REQUEST, 'key.pem': rsa.CAVAGE_PRIVATE_KEY, 'pub.pem': rsa.CAVAGE_PUBLIC_KEY });
    expect(
      await runCli(
        [
          'sign',
          '--request',
          'req.json',
          '--key',
          'key.pem',
          '--profile',
          'cavage',
          '--keyid',
          'https://sender.example.org/ocm#signature',
          '--json',
        ],
        f.io,
      ),
    ).toBe(0);
    const signed = JSON.parse(f.out.join(''));
    expect(signed.signature).toMatch(
      /^keyId="https:\/\/sender.example.org\/ocm#signature",algorithm="rsa-sha256",headers="\(request-target\) content-length date digest host",signature="/,
    );
    const request = JSON.parse(REQUEST);
    request.headers = { ...request.headers, ...signed.headers };
    f.files['signed.json'] = JSON.stringify(request);
    f.out.length = 0;
    expect(await runCli(['verify', '--request', 'signed.json', '--key', 'pub.pem', '--json'], f.io)).toBe(0);
    expect(JSON.parse(f.out.join(''))).toMatchObject({
      ok: true,
      profile: 'cavage',
      keyid: 'https://sender.example.org/ocm#signature',
      alg: 'rsa-sha256',
    });
  });

  it('compares with the base the signer logged (--base) and shows the line that differs', async () => {
    const { result } = await signOcm();
    const request = JSON.parse(REQUEST);
    request.headers = { ...request.headers, ...result.headers };
    request.url = 'https://receiver.example.org/ocm/shares/';
    const f = fakeIo({
      'signed.json': JSON.stringify(request),
      'key.jwk': ED25519_JWK,
      'base.txt': `${result.signatureBase}\n`,
    });
    expect(
      await runCli(
        ['verify', '--request', 'signed.json', '--key', 'key.jwk', '--now', '1785060510', '--base', 'base.txt'],
        f.io,
      ),
    ).toBe(1);
    const text = f.out.join('');
    expect(text).toContain('trailing slash');
    expect(text).toContain('- "@target-uri": https://receiver.example.org/ocm/shares/');
    expect(text).toContain('+ "@target-uri": https://receiver.example.org/ocm/shares\n');
  });

  it('exits 2 when neither --key nor --jwks is given', async () => {
    const f = fakeIo({ 'signed.json': REQUEST });
    expect(await runCli(['verify', '--request', 'signed.json'], f.io)).toBe(2);
    expect(f.err.join('')).toContain('exactly one of --key or --jwks');
  });
});
