import { describe, expect, it } from 'vitest';
import { checkContentDigest, checkLegacyDigest, createContentDigest, createLegacyDigest } from './content-digest.ts';

const BODY = '{"hello": "world"}';

describe('RFC 9530 Content-Digest', () => {
  it('creates the values of RFC 9421 test-request (sha-512) and RFC 9530 (sha-256)', async () => {
    expect(await createContentDigest(BODY, ['sha-512'])).toBe(
      'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    );
    expect(await createContentDigest(BODY)).toBe('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:');
  });

  it('checks every recognised algorithm and reports computed and received on a mismatch', async () => {
    const good = await checkContentDigest('sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, md5=:AAAA:', BODY);
    expect(good.ok && good.value.ok).toBe(true);
    expect(good.ok && good.value.entries.map((e) => e.recognised)).toEqual([true, false]);
    const bad = await checkContentDigest(
      'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
      '{"hello": "World"}',
    );
    expect(bad.ok && bad.value.ok).toBe(false);
    expect(bad.ok && bad.value.reason).toMatch(/computed .+, received X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=/);
  });

  it('refuses a value that is not a structured Dictionary of byte sequences', async () => {
    expect(await checkContentDigest('SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', BODY)).toMatchObject({
      ok: false,
      error: { code: 'bad-digest', where: 'Content-Digest' },
    });
    expect(await checkContentDigest('sha-256="abc"', BODY)).toMatchObject({ ok: false, error: { code: 'bad-digest' } });
  });
});

describe('legacy Digest', () => {
  it('creates and checks SHA-256= values (draft-cavage Appendix C uses this one)', async () => {
    expect(await createLegacyDigest(BODY)).toBe('SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=');
    const ok = await checkLegacyDigest('sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', BODY);
    expect(ok.ok && ok.value.ok).toBe(true);
    const bad = await checkLegacyDigest('SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', '');
    expect(bad.ok && bad.value.ok).toBe(false);
  });
});
