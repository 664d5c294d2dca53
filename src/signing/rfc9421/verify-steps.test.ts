import { describe, expect, it } from 'vitest';
import { importPem } from '../keys/import.ts';
import * as K from '../__fixtures__/rfc9421-keys.ts';
import { B21, TEST_REQUEST, withSignature } from '../__fixtures__/rfc9421-messages.ts';
import { verifyMessage } from './verify.ts';

// RFC 9421 §3.2 "Verifying a Signature": steps whose failure has no other test. Each message is the RFC's
// test-request with Appendix B.2.1's signature, broken in one place.
const NOW = 1618884480;
const signed = withSignature(TEST_REQUEST, B21);

async function rsaPss() {
  const key = await importPem(K.TEST_KEY_RSA_PSS_PUBLIC);
  if (!key.ok) throw new Error(key.error.message);
  return key.value;
}

describe('RFC 9421 §3.2 verification steps', () => {
  it('the unbroken B.2.1 message verifies, so each failure below comes from its one change', async () => {
    expect((await verifyMessage(signed, { key: await rsaPss(), now: NOW })).ok).toBe(true);
  });

  it('step 1.1: a chosen signature that is not there is an error naming the labels present', async () => {
    const outcome = await verifyMessage(signed, { key: await rsaPss(), now: NOW, label: 'sig1' });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems[0]).toMatchObject({ code: 'label-not-found', where: 'Signature-Input' });
    expect(outcome.problems[0]!.message).toContain('sig-b21');
  });

  it('step 1.2: a Signature-Input member without its Signature value is an error', async () => {
    const headers: Array<[string, string]> = [
      ...(TEST_REQUEST.headers as Array<[string, string]>),
      ['Signature-Input', B21.signatureInput],
    ];
    const outcome = await verifyMessage({ ...TEST_REQUEST, headers }, { key: await rsaPss(), now: NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toContain('signature-value-missing');
  });

  it('step 5: without key material the verification fails, it does not pass', async () => {
    const outcome = await verifyMessage(signed, { now: NOW });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toEqual(['no-key']);
  });
});
