import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../contract/check.ts';
import { reportFromHash, reportLink, reportMarkdown } from './export.ts';

const report: CheckReport = {
  target: 'cloud.example.org',
  base: 'https://cloud.example.org',
  startedAt: '2026-11-22T10:00:00.000Z',
  durationMs: 120,
  grade: 'fail',
  notes: [],
  areas: [
    {
      area: 'token',
      grade: 'fail',
      lines: [
        {
          id: 'token.invalid-grant',
          title: 'Refuses an unknown code with invalid_grant',
          grade: 'fail',
          expected: '400 {"error": "invalid_grant"}',
          seen: '200 {"access_token":"abc"}',
          evidence: [
            {
              label: 'token request',
              exchange: {
                id: 'x',
                startedAt: '2026-11-22T10:00:00.000Z',
                request: {
                  method: 'POST',
                  url: 'https://cloud.example.org/ocm/token',
                  headers: [['Signature', 'sig1=:AAA:']],
                  body: {
                    encoding: 'utf8',
                    data: 'grant_type=authorization_code&client_id=c&code=secret1',
                    size: 10,
                    truncated: false,
                  },
                },
                response: {
                  status: 200,
                  statusText: 'OK',
                  headers: [],
                  body: { encoding: 'utf8', data: '{"access_token":"abc"}', size: 22, truncated: false },
                },
                timing: { dns: null, connect: null, tls: null, firstByte: 1, total: 2 },
                signing: null,
                insecureTls: false,
                notes: [],
              },
            },
          ],
        },
      ],
    },
  ],
};

describe('check report export', () => {
  it('writes Markdown with a table per area, secrets redacted', () => {
    const md = reportMarkdown(report);
    expect(md).toContain('# OCM check of cloud.example.org: FAIL');
    expect(md).toContain('## Token endpoint: fail');
    expect(md).toContain('| fail | Refuses an unknown code with invalid_grant |');
    expect(md).not.toContain('"abc"');
  });

  it('round-trips a redacted report through a link fragment', () => {
    const link = reportLink('http://127.0.0.1:8080', '/check/cloud.example.org', report);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8080\/check\/cloud\.example\.org#report=[\w-]+$/);
    const back = reportFromHash(new URL(link).hash)!;
    expect(back.grade).toBe('fail');
    const ex = back.areas[0]!.lines[0]!.evidence[0]!.exchange!;
    expect(ex.request.headers).toEqual([['Signature', '…redacted…']]);
    expect(ex.request.body?.data).toBe('grant_type=authorization_code&client_id=c&code=…redacted…');
    expect(JSON.stringify(back)).not.toContain('secret1');
    expect(reportFromHash('#report=garbage')).toBeUndefined();
  });
});
