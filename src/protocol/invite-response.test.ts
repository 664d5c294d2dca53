import { describe, expect, it } from 'vitest';
import { fixture, fixtureText } from './__fixtures__/load.ts';
import { lint } from './lint/engine.ts';
import { lintText } from './lint-text.ts';

describe('the invite acceptance response', () => {
  it("is told apart from the request, and the draft's answer is clean", () => {
    const result = lintText(fixtureText('invite-response.json'));
    expect(result).toMatchObject({ kind: 'invite-response', valid: true, findings: [] });
    expect(lintText(fixtureText('invite-accepted.json')).kind).toBe('invite-accepted');
  });

  it('names the Nextcloud spelling "userId" as a deviation, once, instead of a missing userID', () => {
    const findings = lint('invite-response', fixture('invite-response-userid.json')).findings;
    expect(findings.map((f) => [f.code, f.path])).toEqual([['invite.user-id-case', '/userId']]);
    expect(findings[0]!.message).toMatch(/Nextcloud/);
    expect(findings[0]!.specRef.url).toMatch(/#name-invite-acceptance-response-details$/);
  });

  it('requires userID, email and name', () => {
    const findings = lint('invite-response', { name: 'Albert Einstein' }).findings;
    expect(findings.filter((f) => f.code === 'schema.required').map((f) => f.path)).toEqual(['/email', '/userID']);
  });
});
