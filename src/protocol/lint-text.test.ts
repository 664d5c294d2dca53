import { describe, expect, it } from 'vitest';
import { fixtureText } from './__fixtures__/load.ts';
import { lintText } from './lint-text.ts';

describe('lintText', () => {
  it('guesses the kind and says why', () => {
    const r = lintText(fixtureText('discovery-1.5.json'));
    expect(r).toMatchObject({
      kind: 'discovery',
      valid: true,
      kindGuess: { reason: expect.stringContaining('endPoint') },
    });
  });
  it('reads a form-encoded token request', () => {
    const r = lintText('grant_type=authorization_code&client_id=receiver.example.org&code=abc');
    expect(r).toMatchObject({ kind: 'token-request', valid: true, findings: [] });
    expect(
      lintText('grant_type=password&client_id=r.example.org&code=abc', { kind: 'token-request' }).findings.map(
        (f) => f.code,
      ),
    ).toEqual(['token.grant-type']);
  });
  it('turns a syntax error into one finding with the position', () => {
    const r = lintText('{"enabled": true,\n "x": }', { kind: 'discovery' });
    expect(r.valid).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: 'json.syntax',
        severity: 'error',
        message: expect.stringContaining('line 2, column 7'),
      }),
    ]);
  });
  it('says when it cannot tell the kind', () => {
    const r = lintText('{"hello": "world"}');
    expect(r.kind).toBeNull();
    expect(r.findings[0]?.message).toMatch(/pass the kind/);
  });
  it('handles 10,000-deep nesting with a finding, not a crash', () => {
    const r = lintText(`{"resourceTypes": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, { kind: 'discovery' });
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'doc.too-deep', path: expect.stringMatching(/^\/resourceTypes\/0\/0/) }),
    ]);
  });
  it('reports wrong types where they are', () => {
    const r = lintText(
      '{"enabled": "yes", "apiVersion": 1.5, "endPoint": "https://x.example.org/ocm", "resourceTypes": {}}',
      { kind: 'discovery' },
    );
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => [f.path, f.code])).toEqual([
      ['/apiVersion', 'schema.type'],
      ['/enabled', 'schema.type'],
      ['/resourceTypes', 'discovery.resource-types-object'],
    ]);
  });
});
