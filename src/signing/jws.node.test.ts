import { generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyJws } from './index.ts';

const payload = new TextEncoder().encode(
  JSON.stringify({ federation: 'Lab', servers: [{ url: 'https://a.example', displayName: 'A' }] }),
);

describe('JWS verification against a JWS made with Node crypto alone', () => {
  const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = JSON.stringify(publicKey.export({ format: 'jwk' }));
  const header = b64url(JSON.stringify({ alg: 'ES256' }));
  const body = b64url(Buffer.from(payload));
  const signature = b64url(
    nodeSign('sha256', Buffer.from(`${header}.${body}`), { key: privateKey, dsaEncoding: 'ieee-p1363' }),
  );

  it('verifies the compact, flattened and general serialisations and returns the payload', async () => {
    const want = { ok: true, alg: 'ES256', payload: new TextDecoder().decode(payload) };
    expect(await verifyJws(`${header}.${body}.${signature}`, jwk)).toEqual(want);
    expect(await verifyJws(JSON.stringify({ protected: header, payload: body, signature }), jwk)).toEqual(want);
    expect(
      await verifyJws(JSON.stringify({ payload: body, signatures: [{ protected: header, signature }] }), jwk),
    ).toEqual(want);
  });

  it('refuses a changed payload, the draft example\'s decoded view, and alg "none"', async () => {
    const changed = b64url(JSON.stringify({ federation: 'Evil', servers: [] }));
    expect(await verifyJws(`${header}.${changed}.${signature}`, jwk)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not verify/),
    });
    const decoded = {
      payload: JSON.parse(new TextDecoder().decode(payload)),
      protected: { alg: 'ES256' },
      signature: '...',
    };
    expect(await verifyJws(JSON.stringify(decoded), jwk)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a JWS serialisation.*no signature covers it/),
    });
    const none = `${b64url(JSON.stringify({ alg: 'none' }))}.${body}.`;
    expect(await verifyJws(none, jwk)).toMatchObject({ ok: false, reason: expect.stringMatching(/"none"/) });
  });
});
