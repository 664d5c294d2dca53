import { describe, expect, it } from 'vitest';
import { resourceUrlOf, shareOffer, tokenEndpointOf } from './share-offer.ts';

describe('shareOffer', () => {
  it('reads a draft-07 share: the webdav sharedSecret with must-exchange-token is the code, nothing named', () => {
    const offer = shareOffer({
      protocol: {
        name: 'multi',
        webdav: { uri: 'abc', sharedSecret: 's3cr3t', permissions: ['read'], requirements: ['must-exchange-token'] },
      },
    });
    expect(offer).toEqual({ code: 's3cr3t', uri: 'abc', protocol: 'webdav', deviations: [] });
  });

  it("reads the OCM-stub's 1.2-era share: the top-level code wins over the webdav secret, and URI is named", () => {
    const offer = shareOffer({
      code: '123456',
      protocol: {
        name: 'webdav',
        options: { sharedSecret: 'shareMeNot' },
        webdav: { sharedSecret: 'shareMeNot', URI: 'https://localhost/webdav-api/file.txt' },
      },
    });
    expect(offer.code).toBe('123456');
    expect(offer.uri).toBe('https://localhost/webdav-api/file.txt');
    expect(offer.deviations).toEqual([
      'The resource is in "URI" (upper case); draft-07 names the field "uri".',
      expect.stringMatching(/^The code is a top-level "code" \(OCM 1\.2-era\)/),
    ]);
  });

  it('names a secret without must-exchange-token, a legacy-only share and a share with nothing', () => {
    expect(shareOffer({ protocol: { webdav: { uri: 'x', sharedSecret: 'y' } } }).deviations[0]).toMatch(
      /no "must-exchange-token"/,
    );
    const legacy = shareOffer({ protocol: { name: 'webdav', options: { sharedSecret: 'pw' } } });
    expect(legacy).toMatchObject({ protocol: 'legacy', deviations: [expect.stringMatching(/Basic-auth password/)] });
    expect(legacy.code).toBeUndefined();
    expect(shareOffer({ protocol: {} }).deviations).toEqual(['The share carries no code or secret.']);
    expect(shareOffer('nope').deviations).toEqual(['The share is not a JSON object.']);
  });
});

describe('tokenEndpointOf and resourceUrlOf', () => {
  it('reads a path tokenEndPoint against the base and names it; a URL as it is', () => {
    expect(tokenEndpointOf({ tokenEndPoint: '/ocm/token' }, 'https://localhost')).toEqual({
      url: 'https://localhost/ocm/token',
      deviation: 'tokenEndPoint is a path ("/ocm/token"); draft-07 publishes a URL.',
    });
    expect(tokenEndpointOf({ tokenEndPoint: 'https://a.example/t' }, 'https://a.example')).toEqual({
      url: 'https://a.example/t',
    });
    expect(tokenEndpointOf({}, 'https://a.example')).toEqual({});
  });

  it("reads a relative uri against the sender's webdav path", () => {
    const doc = { resourceTypes: [{ name: 'file', protocols: { webdav: '/remote.php/dav/ocm' } }] };
    expect(resourceUrlOf('abc', doc, 'https://a.example')).toBe('https://a.example/remote.php/dav/ocm/abc');
    expect(resourceUrlOf('https://b.example/f', doc, 'https://a.example')).toBe('https://b.example/f');
  });
});
