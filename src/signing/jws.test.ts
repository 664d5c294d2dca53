import { CompactSign, FlattenedSign, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { exportPrivateJwk, exportPublicJwk, generateKey, verifyJws } from './index.ts';

const payload = new TextEncoder().encode(
  JSON.stringify({ federation: 'Lab', servers: [{ url: 'https://a.example', displayName: 'A' }] }),
);

describe('JWS verification (Directory Service documents)', () => {
  it('verifies compact and flattened JWS with the right key, and names a wrong one', async () => {
    const key = await generateKey('ecdsa-p256-sha256');
    const priv = await importJWK(exportPrivateJwk(key) as Parameters<typeof importJWK>[0], 'ES256');
    const compact = await new CompactSign(payload).setProtectedHeader({ alg: 'ES256' }).sign(priv);
    const flat = await new FlattenedSign(payload).setProtectedHeader({ alg: 'ES256' }).sign(priv);
    const pub = JSON.stringify(exportPublicJwk(key));
    expect(await verifyJws(compact, pub)).toMatchObject({ ok: true, alg: 'ES256' });
    expect(await verifyJws(JSON.stringify(flat), pub)).toMatchObject({ ok: true });
    const other = JSON.stringify(exportPublicJwk(await generateKey('ecdsa-p256-sha256')));
    expect(await verifyJws(compact, other)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not verify/),
    });
    expect(await verifyJws(compact, 'not a key')).toMatchObject({ ok: false });
  });
});
