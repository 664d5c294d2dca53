import { describe, expect, it } from 'vitest';
import { fixture } from './__fixtures__/load.ts';
import { cavageKeyIdFor, signatureProfileFor, signingChoiceFor } from './signature-profile.ts';

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

// The discovery the OCM-stub (cs3org/OCM-stub) serves: apiVersion 1.2.0, publicKey as a bare PKCS#1 PEM.
const STUB_DISCOVERY = {
  enabled: true,
  apiVersion: '1.2.0',
  endPoint: 'https://localhost/ocm',
  resourceTypes: [{ name: 'file', shareTypes: ['user', 'group'], protocols: { webdav: '/webdav-api/' } }],
  capabilities: ['invites', 'exchange-token'],
  tokenEndPoint: '/ocm/token',
  inviteAcceptDialog: '/accept-invite',
  publicKey: '-----BEGIN RSA PUBLIC KEY-----\nMIIB\n-----END RSA PUBLIC KEY-----\n',
};

describe('signingChoiceFor', () => {
  it("chooses the OCM-stub's draft-cavage variant for a bare-PEM publicKey, and says why", () => {
    const choice = signingChoiceFor(STUB_DISCOVERY);
    expect(choice).toMatchObject({ profile: 'cavage', variant: 'ocm-stub' });
    expect(choice.reason).toMatch(/bare PEM string with no keyId/);
    expect(choice.reason).toMatch(/apiVersion 1\.2\.0/);
    expect(choice.reason).toMatch(/draft-cavage-12 verifier would not accept/);
  });
  it('keeps Nextcloud-style draft-cavage for a {keyId, publicKeyPem} key, and RFC 9421 when http-sig is there', () => {
    expect(signingChoiceFor(fixture('discovery-nextcloud-signatory.json'))).toMatchObject({
      profile: 'cavage',
      variant: 'nextcloud',
    });
    expect(signingChoiceFor({ ...STUB_DISCOVERY, capabilities: ['http-sig'] })).toMatchObject({ profile: 'ocm' });
    expect(signingChoiceFor(fixture('discovery-1.1.json'))).toMatchObject({ profile: null });
  });
  it('gives the stub a keyId it can use: the bare host and port, never a URL', () => {
    expect(cavageKeyIdFor('ocm-stub', 'https://localhost:8443')).toBe('localhost:8443');
    expect(cavageKeyIdFor('ocm-stub', 'https://console.lab.test/')).toBe('console.lab.test');
    expect(cavageKeyIdFor('nextcloud', 'https://localhost:8443')).toBe('https://localhost:8443/ocm#signature');
  });
});
