import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../bytes.ts';
import { importPem, importJwk, importSecret } from '../keys/import.ts';
import type { KeyMaterial } from '../keys/material.ts';
import { signMessage } from './sign.ts';
import { verifyMessage } from './verify.ts';
import * as K from '../__fixtures__/rfc9421-keys.ts';
import {
  B21,
  B22,
  B23,
  B24,
  B25,
  B26,
  MULTI_CLIENT_REQUEST,
  MULTI_PROXY_REQUEST,
  PROXY_SIG_BASE,
  PROXY_SIG_VALUE,
  REQRES_BASE,
  REQRES_RESPONSE,
  TEST_REQUEST,
  TEST_RESPONSE,
  withSignature,
  type Vector,
} from '../__fixtures__/rfc9421-messages.ts';

async function pem(text: string): Promise<KeyMaterial> {
  const r = await importPem(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const secret = () => importSecret(fromBase64(K.TEST_SHARED_SECRET)!, 'test-shared-secret');
const NOW = 1618884480;

const cases: Array<[Vector, 'request' | 'response', () => Promise<KeyMaterial>, string]> = [
  [B21, 'request', () => pem(K.TEST_KEY_RSA_PSS_PUBLIC), 'rsa-pss-sha512'],
  [B22, 'request', () => pem(K.TEST_KEY_RSA_PSS_PUBLIC), 'rsa-pss-sha512'],
  [B23, 'request', () => pem(K.TEST_KEY_RSA_PSS_PUBLIC), 'rsa-pss-sha512'],
  [B24, 'response', () => pem(K.TEST_KEY_ECC_P256_PUBLIC), 'ecdsa-p256-sha256'],
  [B25, 'request', async () => secret(), 'hmac-sha256'],
  [B26, 'request', () => pem(K.TEST_KEY_ED25519_PUBLIC), 'ed25519'],
];

describe('RFC 9421 Appendix B.2 test vectors', () => {
  it.each(cases)(
    '%s: rebuilds the signature base byte for byte and verifies the published signature',
    async (vector, kind, key, alg) => {
      const message = withSignature(kind === 'request' ? TEST_REQUEST : TEST_RESPONSE, vector);
      const outcome = await verifyMessage(message, { key: await key(), label: vector.label, now: NOW });
      expect(outcome.signatureBase).toBe(vector.base);
      expect(outcome.problems).toEqual([]);
      expect(outcome.ok).toBe(true);
      expect(outcome.alg).toBe(alg);
    },
  );

  it('B.2.1 with the key from its PKCS#8 carrying the RSA-PSS OID: the key says rsa-pss-sha512', async () => {
    const key = await pem(K.TEST_KEY_RSA_PSS_PRIVATE);
    expect(key.alg).toBe('rsa-pss-sha512');
    const outcome = await verifyMessage(withSignature(TEST_REQUEST, B21), { key, now: NOW });
    expect(outcome.ok).toBe(true);
  });

  it('B.2.5 hmac-sha256 is reproduced exactly', async () => {
    const signed = await signMessage(TEST_REQUEST, {
      key: secret(),
      label: 'sig-b25',
      components: '"date" "@authority" "content-type"',
      created: 1618884473,
      keyid: 'test-shared-secret',
    });
    expect(signed.ok && signed.value.signatureBase).toBe(B25.base);
    expect(signed.ok && signed.value.signatureInput).toBe(B25.signatureInput);
    expect(signed.ok && signed.value.signature).toBe(B25.signature);
  });

  it('B.2.6 ed25519 is reproduced exactly (PEM and JWK forms of the key agree)', async () => {
    for (const key of [
      await pem(K.TEST_KEY_ED25519_PRIVATE),
      (importJwk(K.TEST_KEY_ED25519_JWK) as { value: KeyMaterial }).value,
    ]) {
      const signed = await signMessage(TEST_REQUEST, {
        key,
        label: 'sig-b26',
        components: ['"date"', '"@method"', '"@path"', '"@authority"', '"content-type"', '"content-length"'],
        created: 1618884473,
        keyid: 'test-key-ed25519',
      });
      expect(signed.ok && signed.value.signatureInput).toBe(B26.signatureInput);
      expect(signed.ok && signed.value.signature).toBe(B26.signature);
    }
  });

  it('B.2.1 to B.2.4 signed anew with the private keys verify against the public keys', async () => {
    const pss = await signMessage(TEST_REQUEST, {
      key: await pem(K.TEST_KEY_RSA_PSS_PRIVATE),
      components: '"@authority" "content-digest" "@query-param";name="Pet"',
      created: 1618884473,
      keyid: 'test-key-rsa-pss',
      tag: 'header-example',
      label: 'sig-b22',
    });
    expect(pss.ok && pss.value.signatureBase).toBe(B22.base);
    const ecc = await signMessage(TEST_RESPONSE, {
      key: await pem(K.TEST_KEY_ECC_P256_PRIVATE),
      keyid: 'test-key-ecc-p256',
      components: '"@status" "content-type" "content-digest" "content-length"',
      created: 1618884473,
      label: 'sig-b24',
    });
    expect(ecc.ok && ecc.value.signatureBase).toBe(B24.base);
    if (!pss.ok || !ecc.ok) throw new Error('signing failed');
    expect((await verifyMessage(pss.value.message, { key: await pem(K.TEST_KEY_RSA_PSS_PUBLIC), now: NOW })).ok).toBe(
      true,
    );
    expect((await verifyMessage(ecc.value.message, { key: await pem(K.TEST_KEY_ECC_P256_PUBLIC), now: NOW })).ok).toBe(
      true,
    );
  });
});

describe('RFC 9421 §4.3 multiple signatures and §2.4 request-response binding', () => {
  it("sig1 as printed does not verify: its value was made over created=1618884473, the §3.2 example's time", async () => {
    const key = await pem(K.TEST_KEY_RSA_PSS_PUBLIC);
    const printed = await verifyMessage(MULTI_CLIENT_REQUEST, { key, now: NOW });
    expect(printed.problems.map((p) => p.code)).toEqual(['signature-mismatch']);
    const headers = (MULTI_CLIENT_REQUEST.headers as Array<[string, string]>).map(([n, v]): [string, string] => [
      n,
      v.replace('created=1618884475', 'created=1618884473'),
    ]);
    const corrected = await verifyMessage({ ...MULTI_CLIENT_REQUEST, headers }, { key, now: NOW });
    expect(corrected.ok).toBe(true);
    expect(corrected.label).toBe('sig1');
  });

  it("rebuilds the proxy's base, reproduces its rsa-v1_5-sha256 signature and verifies it", async () => {
    const outcome = await verifyMessage(MULTI_PROXY_REQUEST, {
      key: await pem(K.TEST_KEY_RSA_PUBLIC),
      label: 'proxy_sig',
      now: 1618884500,
    });
    expect(outcome.signatureBase).toBe(PROXY_SIG_BASE);
    expect(outcome.ok).toBe(true);
    const proxy = {
      ...MULTI_PROXY_REQUEST,
      headers: (MULTI_PROXY_REQUEST.headers as Array<[string, string]>).filter(([n]) => !/^signature/i.test(n)),
    };
    const resigned = await signMessage(
      {
        ...proxy,
        headers: [
          ...(proxy.headers as Array<[string, string]>),
          ['Signature', `sig1=${PROXY_SIG_BASE.split('\n')[0]!.split(': ')[1]}`],
        ],
      },
      {
        key: await pem(K.TEST_KEY_RSA_PRIVATE),
        label: 'proxy_sig',
        components: '"signature";key="sig1" "forwarded"',
        created: 1618884480,
        expires: 1618884540,
        keyid: 'test-key-rsa',
        alg: 'rsa-v1_5-sha256',
        includeAlg: true,
      },
    );
    expect(resigned.ok && resigned.value.signatureValue).toBe(PROXY_SIG_VALUE);
  });

  it('reports the proxy signature as expired after its one-minute window', async () => {
    const outcome = await verifyMessage(MULTI_PROXY_REQUEST, {
      key: await pem(K.TEST_KEY_RSA_PUBLIC),
      label: 'proxy_sig',
      now: 1618884600,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toEqual(['expired']);
  });

  it('verifies the §2.4 response signature that covers request components with req', async () => {
    const outcome = await verifyMessage(REQRES_RESPONSE, { key: await pem(K.TEST_KEY_ECC_P256_PUBLIC), now: NOW });
    expect(outcome.signatureBase).toBe(REQRES_BASE);
    expect(outcome.ok).toBe(true);
  });
});
