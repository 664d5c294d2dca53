import { describe, expect, it } from 'vitest';
import { keyidHost, signerDomainOf } from './signer-domain.ts';

describe('the signer, from the body and the keyid', () => {
  it('reads the signer domain from each kind of body', () => {
    expect(signerDomainOf({ senderDomain: 'a.example' })).toBe('a.example');
    expect(signerDomainOf({ recipientProvider: 'b.example', token: 't' })).toBe('b.example');
    expect(signerDomainOf({ grant_type: 'authorization_code', client_id: 'c.example' })).toBe('c.example');
    expect(signerDomainOf({ sender: 'bob@example.org@d.example:8443' })).toBe('d.example:8443');
    expect(signerDomainOf({ owner: 'o@x', shareWith: 'me@e.example' })).toBe('e.example');
    expect(signerDomainOf({ senderDomain: '', sender: 'bob' })).toBeUndefined();
    expect(signerDomainOf('not an object')).toBeUndefined();
  });
  it("reads the keyid's host in the forms servers use", () => {
    expect(keyidHost('cloud.example.org#key1')).toBe('cloud.example.org');
    expect(keyidHost('https://cloud.example.org/nc/ocm#signature')).toBe('https://cloud.example.org');
    expect(keyidHost('cloud.example.org')).toBe('cloud.example.org');
  });
});
