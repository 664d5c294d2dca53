// Known answers from the texts the console's verdicts follow: the OCM draft-07 appendix example, and
// draft-cavage-12's Appendix C.3 as that draft prints it, plus a (created)/(expires) answer computed with
// Node's crypto. Byte for byte: digests, bases, signing strings and signatures.
import { describe, expect, it } from 'vitest';
import { OCM_RFC9421_PROFILE } from '../protocol/signature-profile.ts';
import { CAVAGE_PUBLIC_KEY, CAVAGE_REQUEST, C3_DRAFT12, CREATED_EXPIRES_KAT } from './__fixtures__/cavage.ts';
import {
  DRAFT07_BODY,
  DRAFT07_CONTENT_DIGEST,
  DRAFT07_CREATED,
  DRAFT07_JWKS,
  DRAFT07_SHARE,
  DRAFT07_SIGNATURE_BASE,
} from './__fixtures__/ocm-draft07.ts';
import { TEST_KEY_ED25519_PRIVATE, TEST_KEY_ED25519_PUBLIC } from './__fixtures__/rfc9421-keys.ts';
import { signCavage } from './cavage/sign.ts';
import { verifyCavage } from './cavage/verify.ts';
import { signingString } from './cavage/signing-string.ts';
import { checkContentDigest, createContentDigest } from './digest/content-digest.ts';
import { importPem } from './keys/import.ts';
import { parseJwks } from './keys/jwks.ts';
import type { KeyMaterial } from './keys/material.ts';
import { withHeaders } from './message.ts';
import { verifyMessage } from './rfc9421/verify.ts';

async function pem(text: string): Promise<KeyMaterial> {
  const r = await importPem(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function jwks() {
  const parsed = parseJwks(DRAFT07_JWKS);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('draft-07 Appendix B: the signed Share Creation Notification', () => {
  it('the body is 521 bytes and its Content-Digest is the one printed', async () => {
    expect(new TextEncoder().encode(DRAFT07_BODY).length).toBe(521);
    expect(await createContentDigest(DRAFT07_BODY, ['sha-256'])).toBe(DRAFT07_CONTENT_DIGEST);
    const checked = await checkContentDigest(DRAFT07_CONTENT_DIGEST, DRAFT07_BODY);
    expect(checked.ok && checked.value.ok).toBe(true);
  });

  it('rebuilds the printed signature base byte for byte, and the Ed25519 signature verifies under the OCM rules', async () => {
    const outcome = await verifyMessage(DRAFT07_SHARE, {
      jwks: jwks(),
      profile: OCM_RFC9421_PROFILE,
      now: DRAFT07_CREATED + 10,
    });
    expect(outcome.signatureBase).toBe(DRAFT07_SIGNATURE_BASE);
    expect(outcome.problems).toEqual([]);
    expect(outcome).toMatchObject({ ok: true, label: 'sig1', keyid: 'sender.example.org#key1', alg: 'ed25519' });
  });

  it('one byte more in the body, or another target, and it does not', async () => {
    const now = DRAFT07_CREATED + 10;
    const body = await verifyMessage(
      { ...DRAFT07_SHARE, body: `${DRAFT07_BODY}\n` },
      { jwks: jwks(), profile: OCM_RFC9421_PROFILE, now },
    );
    expect(body.problems.map((p) => p.code)).toEqual(['digest-mismatch']);
    const target = await verifyMessage(
      { ...DRAFT07_SHARE, url: 'https://receiver.example.org/ocm/shares/' },
      { jwks: jwks(), profile: OCM_RFC9421_PROFILE, now },
    );
    expect(target.problems.map((p) => p.code)).toEqual(['signature-mismatch']);
  });
});

describe('draft-cavage-12 Appendix C.3, as draft-12 prints it', () => {
  it('the signing string has the (created) and (expires) lines §2.3 describes', () => {
    const text = signingString(CAVAGE_REQUEST, CREATED_EXPIRES_KAT.headers, {
      created: C3_DRAFT12.created,
      expires: C3_DRAFT12.expires,
    });
    expect(text.ok && text.value).toBe(C3_DRAFT12.signingString);
  });

  it('is refused: (created) with rsa-sha256 is an error (§2.3), and the printed signature omits those lines', async () => {
    const outcome = await verifyCavage(withHeaders(CAVAGE_REQUEST, [['Signature', C3_DRAFT12.header]]), {
      key: await pem(CAVAGE_PUBLIC_KEY),
      now: C3_DRAFT12.created + 1,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toEqual(['pseudo-header-algorithm']);
    expect(outcome.nonStandard).toContain('without its (created) and (expires) lines');
  });
});

describe('(created) and (expires) with hs2019: a known answer', () => {
  const signed = () =>
    withHeaders(CAVAGE_REQUEST, [
      [
        'Signature',
        `keyId="${CREATED_EXPIRES_KAT.keyId}",algorithm="hs2019",created=${CREATED_EXPIRES_KAT.created},expires=${CREATED_EXPIRES_KAT.expires},headers="${CREATED_EXPIRES_KAT.headers.join(' ')}",signature="${CREATED_EXPIRES_KAT.signature}"`,
      ],
    ]);

  it('our signer reproduces the signing string and the Ed25519 signature exactly', async () => {
    const result = await signCavage(CAVAGE_REQUEST, {
      key: await pem(TEST_KEY_ED25519_PRIVATE),
      keyId: CREATED_EXPIRES_KAT.keyId,
      algorithm: 'hs2019',
      headers: CREATED_EXPIRES_KAT.headers,
      created: CREATED_EXPIRES_KAT.created,
      expires: CREATED_EXPIRES_KAT.expires,
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.signingString).toBe(CREATED_EXPIRES_KAT.signingString);
    expect(result.value.value).toContain(`signature="${CREATED_EXPIRES_KAT.signature}"`);
  });

  it('verifies inside its window, and is expired after it', async () => {
    const key = await pem(TEST_KEY_ED25519_PUBLIC);
    const inside = await verifyCavage(signed(), { key, now: CREATED_EXPIRES_KAT.created + 2 });
    expect(inside.problems).toEqual([]);
    expect(inside.nonStandard).toBeUndefined();
    expect(inside.signingString).toBe(CREATED_EXPIRES_KAT.signingString);
    const after = await verifyCavage(signed(), { key, now: CREATED_EXPIRES_KAT.expires + 1 });
    expect(after.problems.map((p) => p.code)).toEqual(['expired']);
  });
});
