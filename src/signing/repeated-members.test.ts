import { describe, expect, it } from 'vitest';
import { OCM_RFC9421_PROFILE } from '../protocol/signature-profile.ts';
import {
  DRAFT07_CONTENT_DIGEST,
  DRAFT07_CREATED,
  DRAFT07_JWKS,
  DRAFT07_SHARE,
  DRAFT07_SIGNATURE_INPUT,
} from './__fixtures__/ocm-draft07.ts';
import { parseJwks } from './keys/jwks.ts';
import type { HeaderPairs } from './message.ts';
import { dictionaryMemberKeys, repeatedMembers } from './repeated-members.ts';
import { verifyMessage } from './rfc9421/verify.ts';

describe('member keys of a Dictionary field, before parsing collapses repeats (RFC 8941 §4.2.2)', () => {
  it.each([
    ['sig1=("@method");created=1, sig2=("@path")', ['sig1', 'sig2']],
    ['ocm=("@method");tag="ocm", ocm=("@path");tag="ocm"', ['ocm', 'ocm']],
    ['a="x, y", b=("c, d" "e");p="f,g", c', ['a', 'b', 'c']],
    ['a="quote \\" , still a", b=?1', ['a', 'b']],
    ['sha-256=:AAAA:,sha-256=:BBBB:', ['sha-256', 'sha-256']],
  ])('%s', (value, keys) => {
    expect(dictionaryMemberKeys(value)).toEqual(keys);
  });

  it('counts each repeated key', () => {
    expect(repeatedMembers('a=1, b=2, a=3, a=4, b=5, c=6')).toEqual([
      { key: 'a', times: 3 },
      { key: 'b', times: 2 },
    ]);
    expect(repeatedMembers('a=1, b=2')).toEqual([]);
  });
});

describe('a repeated member in a signed request (draft-07 Appendix B example)', () => {
  const jwks = () => {
    const parsed = parseJwks(DRAFT07_JWKS);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };
  // An earlier "sig1" member that parsing drops: the last (the genuine one) is what a naive verifier checks.
  const withEarlier = (name: string, value: string) => ({
    ...DRAFT07_SHARE,
    headers: (DRAFT07_SHARE.headers as HeaderPairs).flatMap((pair) =>
      pair[0] === name ? [[name, value] as [string, string], pair] : [pair],
    ),
  });
  const now = DRAFT07_CREATED + 10;

  it('is refused under the OCM profile when Signature-Input names the signature twice', async () => {
    const message = withEarlier('Signature-Input', 'sig1=("@method");created=1785060500;keyid="other";tag="ocm"');
    const outcome = await verifyMessage(message, { jwks: jwks(), profile: OCM_RFC9421_PROFILE, now });
    expect(outcome.ok).toBe(false);
    expect(outcome.problems[0]).toMatchObject({ code: 'duplicate-member', where: 'Signature-Input' });
    expect(outcome.problems[0]!.message).toMatch(
      /names the member "sig1" 2 times; RFC 8941 parsing keeps only the last/,
    );
  });

  it('verifies under plain RFC 9421 with a named warning', async () => {
    const message = withEarlier('Signature-Input', DRAFT07_SIGNATURE_INPUT);
    const outcome = await verifyMessage(message, { jwks: jwks(), now });
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings.map((w) => w.code)).toEqual(['duplicate-member']);
  });

  it('is refused under the OCM profile when Content-Digest names sha-256 twice', async () => {
    const message = withEarlier('Content-Digest', 'sha-256=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:');
    const outcome = await verifyMessage(message, { jwks: jwks(), profile: OCM_RFC9421_PROFILE, now });
    expect(outcome.ok).toBe(false);
    // Named first: the covered content-digest value also changes, so the signature no longer matches either.
    expect(outcome.problems.map((p) => [p.code, p.where])[0]).toEqual(['duplicate-member', 'Content-Digest']);
    // The same message without the earlier member verifies: the repeat alone is what refuses it.
    const clean = withEarlier('X-Unused', DRAFT07_CONTENT_DIGEST);
    expect((await verifyMessage(clean, { jwks: jwks(), profile: OCM_RFC9421_PROFILE, now })).ok).toBe(true);
  });
});
