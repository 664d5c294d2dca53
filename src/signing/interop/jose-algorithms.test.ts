// Draft-07 "Keys and Algorithms": the algorithm comes from the JWK's `alg`, any asymmetric JOSE algorithm,
// and the `alg` parameter is left out when the RFC 9421 registry has no name for it. The signatures here
// are made by http-message-sig (an independent implementation) over keys made with plain WebCrypto, never
// by our signer, except where our signer is the subject (and then http-message-sig verifies it).
import { createSignature, verifySignature, type RequestDescriptor, type Signer, type Verifier } from 'http-message-sig';
import { describe, expect, it } from 'vitest';
import { OCM_RFC9421_PROFILE } from '../../protocol/signature-profile.ts';
import { parseJwks } from '../keys/jwks.ts';
import { headerPairs, type HttpRequestInput } from '../message.ts';
import { signWithProfile } from '../rfc9421/sign.ts';
import { verifyMessage } from '../rfc9421/verify.ts';
import { subtle, type AlgorithmParams, type CryptoKeyLike, type JwkObject } from '../webcrypto.ts';
import { importJwk } from '../keys/import.ts';
import { diagnose } from '../doctor.ts';

const NOW = 1785060500;
const KID = 'sender.example.org#key1';
const share: HttpRequestInput = {
  method: 'POST',
  url: 'https://receiver.example.org/ocm/shares',
  headers: [
    ['Content-Type', 'application/json'],
    ['Content-Digest', 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:'],
    ['Content-Length', '18'],
  ],
  body: '{"hello": "world"}',
};
const COMPONENTS = ['@method', '@target-uri', 'content-digest', 'content-length'];

interface Jose {
  gen: AlgorithmParams;
  sign: AlgorithmParams;
  /** The RFC 9421 name, when the registry has one. */
  registry?: string;
}
const RSA = { modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
const JOSE: Record<string, Jose> = {
  RS256: {
    gen: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', ...RSA },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
    registry: 'rsa-v1_5-sha256',
  },
  RS384: { gen: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384', ...RSA }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
  RS512: { gen: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512', ...RSA }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
  PS256: { gen: { name: 'RSA-PSS', hash: 'SHA-256', ...RSA }, sign: { name: 'RSA-PSS', saltLength: 32 } },
  PS384: { gen: { name: 'RSA-PSS', hash: 'SHA-384', ...RSA }, sign: { name: 'RSA-PSS', saltLength: 48 } },
  PS512: {
    gen: { name: 'RSA-PSS', hash: 'SHA-512', ...RSA },
    sign: { name: 'RSA-PSS', saltLength: 64 },
    registry: 'rsa-pss-sha512',
  },
  ES256: {
    gen: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
    registry: 'ecdsa-p256-sha256',
  },
  ES384: {
    gen: { name: 'ECDSA', namedCurve: 'P-384' },
    sign: { name: 'ECDSA', hash: 'SHA-384' },
    registry: 'ecdsa-p384-sha384',
  },
  ES512: { gen: { name: 'ECDSA', namedCurve: 'P-521' }, sign: { name: 'ECDSA', hash: 'SHA-512' } },
  Ed25519: { gen: { name: 'Ed25519' }, sign: { name: 'Ed25519' }, registry: 'ed25519' },
  EdDSA: { gen: { name: 'Ed25519' }, sign: { name: 'Ed25519' }, registry: 'ed25519' },
};

interface Pair {
  privateKey: CryptoKeyLike;
  publicKey: CryptoKeyLike;
  /** The public JWK as a signer publishes it: kid and, unless told otherwise, alg. */
  published: JwkObject;
  privateJwk: JwkObject;
}

async function keyPair(alg: string, publish: { alg?: string | null } = {}): Promise<Pair> {
  const spec = JOSE[alg]!;
  const pair = (await subtle().generateKey(spec.gen, true, ['sign', 'verify'])) as {
    privateKey: CryptoKeyLike;
    publicKey: CryptoKeyLike;
  };
  const jwk = await subtle().exportKey('jwk', pair.publicKey);
  const privateJwk = await subtle().exportKey('jwk', pair.privateKey);
  const published: JwkObject = { kty: jwk.kty, crv: jwk.crv, n: jwk.n, e: jwk.e, x: jwk.x, y: jwk.y, kid: KID };
  for (const k of Object.keys(published)) if (published[k] === undefined) delete published[k];
  const declared = publish.alg === undefined ? alg : publish.alg;
  if (declared !== null) published.alg = declared;
  return { ...pair, published, privateJwk: { ...privateJwk, kid: KID, alg } };
}

function descriptor(message: HttpRequestInput): RequestDescriptor {
  return {
    kind: 'request',
    method: message.method,
    targetUri: message.url,
    fields: headerPairs(message.headers).map(([name, value]) => ({ name, value })),
  };
}

async function signedByThem(pair: Pair, alg: string, parameters: Record<string, string | number> = {}) {
  const signer: Signer = {
    algorithm: JOSE[alg]!.registry ?? alg,
    sign: async (data) => new Uint8Array(await subtle().sign(JOSE[alg]!.sign, pair.privateKey, new Uint8Array(data))),
  };
  const fields = await createSignature(descriptor(share), {
    label: 'ocm',
    components: COMPONENTS,
    parameters: { created: NOW, keyid: KID, tag: 'ocm', ...parameters },
    signer,
  });
  return {
    ...share,
    headers: [
      ...headerPairs(share.headers),
      ['Signature-Input', fields.signatureInput],
      ['Signature', fields.signature],
    ],
  } as HttpRequestInput;
}

function jwksOf(...keys: JwkObject[]) {
  const jwks = parseJwks({ keys });
  if (!jwks.ok) throw new Error(jwks.error.message);
  expect(jwks.value.skipped).toEqual([]);
  return jwks.value;
}

const verifyOcm = (message: HttpRequestInput, published: JwkObject) =>
  verifyMessage(message, { jwks: jwksOf(published), profile: OCM_RFC9421_PROFILE, now: NOW + 1 });

describe('draft-07 Keys and Algorithms: the JWK alg decides', () => {
  it.each(Object.keys(JOSE))(
    '%s: a valid signature verifies; the same signature over other bytes does not',
    async (alg) => {
      const pair = await keyPair(alg);
      const message = await signedByThem(pair, alg);
      const outcome = await verifyOcm(message, pair.published);
      expect(outcome.problems).toEqual([]);
      expect(outcome.ok).toBe(true);
      expect(outcome.alg).toBe(JOSE[alg]!.registry ?? alg);

      const tampered = await verifyOcm({ ...message, method: 'PUT' }, pair.published);
      expect(tampered.problems.map((p) => p.code)).toEqual(['signature-mismatch']);
    },
  );

  it.each(['RS512', 'ES512'])('%s: the doctor finds nothing to fix, and no size warning for a bad one', async (alg) => {
    const pair = await keyPair(alg);
    const message = await signedByThem(pair, alg);
    const options = { jwks: jwksOf(pair.published), profile: OCM_RFC9421_PROFILE, now: NOW + 1 };
    const report = await diagnose(message, options);
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([]);
    const tampered = await diagnose({ ...message, method: 'PUT' }, options);
    expect(tampered.findings.map((f) => f.code)).toEqual(['signature-mismatch']);
    expect(tampered.findings[0]?.message).toContain(alg);
  });

  it('an alg parameter is accepted when it names the JWK algorithm in the registry', async () => {
    const pair = await keyPair('ES256');
    const outcome = await verifyOcm(await signedByThem(pair, 'ES256', { alg: 'ecdsa-p256-sha256' }), pair.published);
    expect(outcome.problems).toEqual([]);
  });

  it('an alg parameter is refused when the JWK algorithm has no registry name (it must be left out)', async () => {
    const pair = await keyPair('RS512');
    // The signer claims rsa-v1_5-sha256 while signing with the RS512 key: the claim is the problem.
    const spec = JOSE.RS512!;
    const signer: Signer = {
      algorithm: 'rsa-v1_5-sha256',
      sign: async (data) => new Uint8Array(await subtle().sign(spec.sign, pair.privateKey, new Uint8Array(data))),
    };
    const fields = await createSignature(descriptor(share), {
      components: COMPONENTS,
      parameters: { created: NOW, keyid: KID, alg: 'rsa-v1_5-sha256', tag: 'ocm' },
      signer,
    });
    const message = {
      ...share,
      headers: [
        ...headerPairs(share.headers),
        ['Signature-Input', fields.signatureInput],
        ['Signature', fields.signature],
      ],
    } as HttpRequestInput;
    const outcome = await verifyOcm(message, pair.published);
    expect(outcome.problems.map((p) => p.code)).toEqual(['alg-mismatch']);
    expect(outcome.problems[0]?.message).toContain('no RFC 9421 name');
  });

  it('a published JWK without alg is refused under the OCM profile, with the algorithm it would verify as', async () => {
    const pair = await keyPair('ES256', { alg: null });
    const message = await signedByThem(pair, 'ES256');
    const outcome = await verifyOcm(message, pair.published);
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toEqual(['key-alg-missing']);
    expect(outcome.notes.join('\n')).toContain('"alg": "ES256"');
    // A plain RFC 9421 check (no profile) derives it from the key type and stays quiet.
    const plain = await verifyMessage(message, { jwks: jwksOf(pair.published), now: NOW + 1 });
    expect(plain.problems).toEqual([]);
  });

  it('a JWK alg we cannot use is named, not replaced by a guess from the key type', async () => {
    const pair = await keyPair('ES256', { alg: 'ES256K' });
    const outcome = await verifyOcm(await signedByThem(pair, 'ES256'), pair.published);
    expect(outcome.problems.map((p) => p.code)).toEqual(['alg-unknown']);
    expect(outcome.problems[0]?.message).toContain('"ES256K"');
  });

  it('symmetric keys stay refused under the OCM profile', async () => {
    const secret = { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg', kid: KID, alg: 'HS256' };
    const cryptoKey = await subtle().importKey(
      'jwk',
      { kty: 'oct', k: secret.k },
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const fields = await createSignature(descriptor(share), {
      components: COMPONENTS,
      parameters: { created: NOW, keyid: KID, tag: 'ocm' },
      signer: {
        algorithm: 'hmac-sha256',
        sign: async (data) => new Uint8Array(await subtle().sign({ name: 'HMAC' }, cryptoKey, new Uint8Array(data))),
      },
    });
    const message = {
      ...share,
      headers: [
        ...headerPairs(share.headers),
        ['Signature-Input', fields.signatureInput],
        ['Signature', fields.signature],
      ],
    } as HttpRequestInput;
    const outcome = await verifyOcm(message, secret);
    expect(outcome.problems.map((p) => p.code)).toEqual(['alg-forbidden']);
  });

  it.each(['RS512', 'ES512', 'PS256'])(
    '%s: our OCM signer uses the JWK algorithm and leaves alg out; http-message-sig verifies it',
    async (alg) => {
      const pair = await keyPair(alg);
      const key = await importJwk(JSON.stringify(pair.privateJwk));
      if (!key.ok) throw new Error(key.error.message);
      const signed = await signWithProfile(share, OCM_RFC9421_PROFILE, { key: key.value, now: NOW, includeAlg: true });
      if (!signed.ok) throw new Error(signed.error.message);
      expect(signed.value.signatureInput).not.toContain('alg=');
      expect(signed.value.notes.join('\n')).toContain(`${alg} has no name in the RFC 9421 algorithm registry`);
      const verifier: Verifier = {
        algorithm: alg,
        verify: (data, sig) =>
          subtle().verify(JOSE[alg]!.sign, pair.publicKey, new Uint8Array(sig), new Uint8Array(data)),
      };
      const verified = await verifySignature(descriptor(signed.value.message as HttpRequestInput), {
        policy: {
          algorithms: [alg],
          requiredComponents: COMPONENTS,
          requiredParameters: ['created', 'keyid', 'tag'],
          now: NOW + 1,
        },
        resolveVerifier: () => verifier,
      });
      expect(verified.parameters.tag).toBe('ocm');
    },
  );
});
