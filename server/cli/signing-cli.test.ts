import { webcrypto } from 'node:crypto';
import { createSignature } from 'http-message-sig';
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
    // --include-alg came after --tag, so alg is written after tag (the command line's order).
    expect(result.signatureInput).toBe(
      'x=("@method" "@path");created=1;keyid="sender.example.org#key1";nonce="n1";tag="t";alg="ed25519"',
    );
    expect(Object.keys(result.headers)).toEqual(['Signature-Input', 'Signature']);
  });

  it('writes parameters given as flags in the order given (RFC 9421 §4.3 puts expires last)', async () => {
    const run = async (flags: string[]) => {
      const f = fakeIo({ 'req.json': REQUEST, 'key.jwk': ED25519_JWK });
      const base = ['sign', '--request', 'req.json', '--key', 'key.jwk', '--profile', 'rfc9421'];
      expect(await runCli([...base, '--components', '"@method"', ...flags, '--json'], f.io)).toBe(0);
      return JSON.parse(f.out.join('')).signatureInput as string;
    };
    expect(await run(['--created', '1', '--keyid', 'k', '--expires', '9'])).toBe(
      'sig1=("@method");created=1;keyid="k";expires=9',
    );
    expect(await run(['--expires', '9', '--created', '1'])).toBe(
      'sig1=("@method");expires=9;created=1;keyid="sender.example.org#key1"',
    );
    // Without ordering flags, the default (the OCM profile's) order.
    expect(await run(['--expires', '9'])).toMatch(
      /^sig1=\("@method"\);created=\d+;expires=9;keyid="sender.example.org#key1"$/,
    );
  });

  describe('reproduces the RFC 9421 examples from the command line, byte for byte', () => {
    const load = async () => ({
      K: await import('../../src/signing/__fixtures__/rfc9421-keys.ts'),
      M: await import('../../src/signing/__fixtures__/rfc9421-messages.ts'),
    });
    /** The flags that write a vector's Signature-Input parameters, in the order the vector has them. */
    const paramFlags = (signatureInput: string): string[] =>
      [...signatureInput.slice(signatureInput.indexOf(')') + 1).matchAll(/;(\w+)=("[^"]*"|\d+)/g)].flatMap(
        ([, name, raw]) => (name === 'alg' ? ['--include-alg'] : [`--${name}`, raw!.replace(/^"|"$/g, '')]),
      );
    const sign = async (message: unknown, key: string, vector: { label: string; signatureInput: string }) => {
      const f = fakeIo({ 'req.json': JSON.stringify(message), key });
      const components = /^[^=]+=\(([^)]*)\)/.exec(vector.signatureInput)![1]!;
      const args = ['sign', '--request', 'req.json', '--key', 'key', '--profile', 'rfc9421'];
      const rest = ['--components', components, '--label', vector.label, ...paramFlags(vector.signatureInput)];
      const code = await runCli([...args, ...rest, '--json'], f.io);
      expect(code, f.err.join('')).toBe(0);
      return JSON.parse(f.out.join('')) as { signatureBase: string; signatureInput: string; signature: string };
    };

    it.each(['B21', 'B22', 'B23', 'B24', 'B25', 'B26'] as const)('Appendix %s', async (name) => {
      const { K, M } = await load();
      const vector = M[name];
      const secretJwk = JSON.stringify({
        kty: 'oct',
        k: K.TEST_SHARED_SECRET.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
        alg: 'HS256',
      });
      const key = {
        B21: K.TEST_KEY_RSA_PSS_PRIVATE,
        B22: K.TEST_KEY_RSA_PSS_PRIVATE,
        B23: K.TEST_KEY_RSA_PSS_PRIVATE,
        B24: K.TEST_KEY_ECC_P256_PRIVATE,
        B25: secretJwk,
        B26: K.TEST_KEY_ED25519_PRIVATE,
      }[name];
      const message = name === 'B24' ? M.TEST_RESPONSE : M.TEST_REQUEST;
      const result = await sign(message, key, vector);
      expect(result.signatureBase).toBe(vector.base);
      expect(result.signatureInput).toBe(vector.signatureInput);
      // HMAC and Ed25519 are deterministic: the published value itself. RSA-PSS and ECDSA are randomised.
      if (name === 'B25' || name === 'B26') expect(result.signature).toBe(vector.signature);
    });

    it("§4.3's proxy_sig, its alg parameter where the command line puts it", async () => {
      const { K, M } = await load();
      const proxyInput = (M.MULTI_PROXY_REQUEST.headers as Array<[string, string]>)
        .find(([n]) => n === 'Signature-Input')![1]
        .split(', proxy_sig=')[1]!;
      const vector = { label: 'proxy_sig', signatureInput: `proxy_sig=${proxyInput}` };
      const request = {
        ...M.MULTI_PROXY_REQUEST,
        headers: (M.MULTI_PROXY_REQUEST.headers as Array<[string, string]>)
          .map(([n, v]): [string, string] => (n === 'Signature' ? [n, v.split(', proxy_sig=')[0]!] : [n, v]))
          .filter(([n]) => n !== 'Signature-Input'),
      };
      const result = await sign(request, K.TEST_KEY_RSA_PRIVATE, vector);
      expect(result.signatureBase).toBe(M.PROXY_SIG_BASE);
      expect(result.signature).toBe(`proxy_sig=:${M.PROXY_SIG_VALUE}:`);
      // The same parameters with alg before expires, as other printings of the example have them.
      const reordered = await sign(request, K.TEST_KEY_RSA_PRIVATE, {
        label: 'proxy_sig',
        signatureInput:
          'proxy_sig=("signature";key="sig1" "forwarded");created=1618884480;keyid="test-key-rsa";alg="rsa-v1_5-sha256";expires=1618884540',
      });
      expect(reordered.signatureInput).toBe(
        'proxy_sig=("signature";key="sig1" "forwarded");created=1618884480;keyid="test-key-rsa";alg="rsa-v1_5-sha256";expires=1618884540',
      );
    });
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
    expect(report.reason).toContain('2 h 38 min before the verification time; the window is 300 s');
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

  describe('freshness: the window is 300 s by default, --max-age sets it', () => {
    // Mon, 27 Jul 2026 10:00:00 GMT is Unix 1785146400; two days and three hours later is 1785330000.
    const DATE = 'Mon, 27 Jul 2026 10:00:00 GMT';
    const cavageSigned = async (date: string) => {
      const rsa = await import('../../src/signing/__fixtures__/cavage.ts');
      const request = JSON.parse(REQUEST);
      request.headers = { ...request.headers, Date: date };
      const f = fakeIo({ 'req.json': JSON.stringify(request), 'key.pem': rsa.CAVAGE_PRIVATE_KEY });
      f.files['pub.pem'] = rsa.CAVAGE_PUBLIC_KEY;
      const args = ['sign', '--request', 'req.json', '--key', 'key.pem', '--profile', 'cavage', '--json'];
      expect(await runCli([...args, '--keyid', 'https://sender.example.org/ocm#signature'], f.io)).toBe(0);
      const signed = JSON.parse(f.out.join(''));
      request.headers = { ...request.headers, ...signed.headers };
      f.files['signed.json'] = JSON.stringify(request);
      f.out.length = 0;
      return f;
    };
    const verify = async (f: ReturnType<typeof fakeIo>, extra: string[]) => {
      const code = await runCli(['verify', '--request', 'signed.json', '--json', ...extra], f.io);
      return { code, report: JSON.parse(f.out.join('')) };
    };

    it('refuses a draft-cavage Date two days before --now, saying its age and the window', async () => {
      const f = await cavageSigned(DATE);
      const { code, report } = await verify(f, ['--key', 'pub.pem', '--now', '1785330000']);
      expect(code).toBe(1);
      expect(report.diagnostics[0]).toMatchObject({ code: 'date-too-old', severity: 'error' });
      expect(report.reason).toBe(
        'Date is 2 d 3 h before the verification time; the window is 300 s (deployed receivers such as Nextcloud refuse it)',
      );
    });

    it('verifies the same request inside the window, and a wider --max-age takes the old one', async () => {
      const f = await cavageSigned(DATE);
      expect((await verify(f, ['--key', 'pub.pem', '--now', '1785146500'])).code).toBe(0);
      f.out.length = 0;
      expect((await verify(f, ['--key', 'pub.pem', '--now', '1785330000', '--max-age', '200000'])).code).toBe(0);
    });

    it('refuses "Date: wrong date": not an HTTP date, so nothing shows the request is fresh', async () => {
      const f = await cavageSigned('wrong date');
      const { code, report } = await verify(f, ['--key', 'pub.pem', '--now', '1785146500']);
      expect(code).toBe(1);
      expect(report.diagnostics[0].code).toBe('date-unparsable');
      expect(report.reason).toMatch(/^the Date header "wrong date" is not an HTTP date \(RFC 9110 §5\.6\.7/);
    });

    it('under plain RFC 9421 a day-old created verifies with a named warning; --max-age makes it a refusal', async () => {
      const f = fakeIo({ 'signed.json': await signedRequest(1785146400), 'jwks.json': PUBLIC_JWKS });
      const plain = await verify(f, ['--jwks', 'jwks.json', '--profile', 'rfc9421', '--now', '1785232800']);
      expect(plain.code).toBe(0);
      expect(plain.report.diagnostics).toContainEqual(
        expect.objectContaining({
          code: 'created-too-old',
          severity: 'warning',
          message: expect.stringMatching(
            /^created=1785146400 is 1 d before the verification time; the window is 300 s/,
          ),
        }),
      );
      f.out.length = 0;
      const bounded = await verify(f, [
        '--jwks',
        'jwks.json',
        '--profile',
        'rfc9421',
        '--now',
        '1785232800',
        '--max-age',
        '600',
      ]);
      expect(bounded.code).toBe(1);
      expect(bounded.report.diagnostics[0]).toMatchObject({ code: 'created-too-old', severity: 'error' });
      f.out.length = 0;
      const ocm = await verify(f, ['--jwks', 'jwks.json', '--profile', 'ocm', '--now', '1785232800']);
      expect(ocm.code).toBe(1);
      expect(ocm.report.reason).toMatch(/is 1 d before the verification time; the window is 300 s/);
    });

    it('exits 2 for a --max-age that is not a number of seconds', async () => {
      const f = await cavageSigned(DATE);
      expect(await runCli(['verify', '--request', 'signed.json', '--key', 'pub.pem', '--max-age', '5m'], f.io)).toBe(2);
      expect(f.err.join('')).toContain('--max-age must be a number of seconds');
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

  /** A request signed by http-message-sig (not our signer) with the test key, with the given parameters. */
  async function signedByThem(parameters: Record<string, string | number>) {
    const { d, x } = JSON.parse(ED25519_JWK) as { d: string; x: string };
    const privateKey = await webcrypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', d, x }, 'Ed25519', false, [
      'sign',
    ]);
    const request = JSON.parse(REQUEST);
    const digest = Buffer.from(await webcrypto.subtle.digest('SHA-256', Buffer.from(request.body))).toString('base64');
    const fields: Array<[string, string]> = [
      ['Content-Type', 'application/json'],
      ['Content-Digest', `sha-256=:${digest}:`],
      ['Content-Length', String(Buffer.byteLength(request.body))],
    ];
    const signature = await createSignature(
      {
        kind: 'request',
        method: 'POST',
        targetUri: request.url,
        fields: fields.map(([name, value]) => ({ name, value })),
      },
      {
        components: ['@method', '@target-uri', 'content-digest', 'content-length'],
        parameters: { created: 1785060500, keyid: 'sender.example.org#key1', ...parameters },
        signer: {
          algorithm: 'ed25519',
          sign: async (data) => new Uint8Array(await webcrypto.subtle.sign('Ed25519', privateKey, data)),
        },
      },
    );
    request.headers = [...fields, ['Signature-Input', signature.signatureInput], ['Signature', signature.signature]];
    return JSON.stringify(request);
  }

  it('--profile ocm calls a request without tag="ocm" unsigned for OCM; --profile rfc9421 checks it plainly', async () => {
    const f = fakeIo({ 'signed.json': await signedByThem({}), 'jwks.json': PUBLIC_JWKS });
    const args = ['verify', '--request', 'signed.json', '--jwks', 'jwks.json', '--now', '1785060510'];
    expect(await runCli([...args, '--profile', 'ocm', '--json'], f.io)).toBe(1);
    const report = JSON.parse(f.out.join(''));
    expect(report).toMatchObject({ ok: false, profile: 'ocm', unsigned: { others: [{ label: 'sig1' }] } });
    expect(report.diagnostics[0].code).toBe('not-tagged');
    f.out.length = 0;
    expect(await runCli([...args, '--profile', 'ocm'], f.io)).toBe(1);
    expect(f.out.join('')).toMatch(/^Unsigned for OCM: no signature carries tag="ocm"/);
    f.out.length = 0;
    expect(await runCli([...args, '--profile', 'rfc9421', '--json'], f.io)).toBe(0);
    expect(JSON.parse(f.out.join(''))).toMatchObject({ ok: true, profile: 'rfc9421' });
  });

  it('--profile ocm refuses a JWKS key without alg and says which alg would verify', async () => {
    const jwks = JSON.parse(PUBLIC_JWKS);
    delete jwks.keys[0].alg;
    const f = fakeIo({ 'signed.json': await signedByThem({ tag: 'ocm' }), 'jwks.json': JSON.stringify(jwks) });
    const args = ['verify', '--request', 'signed.json', '--jwks', 'jwks.json', '--now', '1785060510', '--json'];
    expect(await runCli([...args, '--profile', 'ocm'], f.io)).toBe(1);
    const report = JSON.parse(f.out.join(''));
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['key-alg-missing', 'note']);
    expect(report.diagnostics[1].message).toContain('"alg": "Ed25519"');
    f.out.length = 0;
    // With the alg published, the same request verifies.
    f.files['jwks.json'] = PUBLIC_JWKS;
    expect(await runCli([...args, '--profile', 'ocm'], f.io)).toBe(0);
  });

  it('exits 2 when neither --key nor --jwks is given', async () => {
    const f = fakeIo({ 'signed.json': REQUEST });
    expect(await runCli(['verify', '--request', 'signed.json'], f.io)).toBe(2);
    expect(f.err.join('')).toContain('exactly one of --key or --jwks');
  });
});
