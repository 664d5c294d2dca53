import { describe, expect, it } from 'vitest';
import { fixture } from './__fixtures__/load.ts';
import { signatureProfileFor } from './signature-profile.ts';

describe('signatureProfileFor', () => {
  it('signs RFC 9421 towards a receiver that advertises http-sig, even when it also keeps a legacy key', () => {
    expect(signatureProfileFor(fixture('discovery-1.5.json'))).toBe('ocm');
    expect(signatureProfileFor({ capabilities: ['http-sig'], publicKey: { keyId: 'k', publicKeyPem: 'p' } })).toBe(
      'ocm',
    );
  });
  it('signs draft-cavage towards a receiver that publishes only a legacy publicKey', () => {
    expect(signatureProfileFor(fixture('discovery-nextcloud-signatory.json'))).toBe('cavage');
  });
  it('sends unsigned to a receiver that shows neither', () => {
    expect(signatureProfileFor(fixture('discovery-1.1.json'))).toBeNull();
    expect(signatureProfileFor(null)).toBeNull();
  });
});
