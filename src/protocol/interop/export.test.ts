import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../contract/exchange.ts';
import { interopReportSchema, type InteropReport } from '../../contract/interop.ts';
import { interopJson, interopMarkdown } from './export.ts';

const exchange: Exchange = {
  id: 'e1',
  startedAt: '2026-01-01T00:00:00Z',
  request: {
    method: 'POST',
    url: 'https://localhost/ocm/token',
    headers: [
      ['Content-Type', 'application/json'],
      ['Signature', 'keyId="127.0.0.1:8443",signature="c2lnbmF0dXJl"'],
    ],
    body: {
      encoding: 'utf8',
      data: '{"grant_type":"ocm_authorization_code","code":"123456","client_id":"localhost"}',
      size: 70,
      truncated: false,
    },
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    body: { encoding: 'utf8', data: '{"access_token":"asdfgh","note":"```"}', size: 38, truncated: false },
  },
  timing: { dns: null, connect: null, tls: null, firstByte: null, total: 3 },
  signing: null,
  insecureTls: false,
  notes: ['Signed with the OCM-stub variant.'],
};

const report: InteropReport = {
  target: 'https://localhost',
  base: 'https://localhost',
  startedAt: '2026-01-01T00:00:00Z',
  durationMs: 120,
  grade: 'warn',
  steps: [
    {
      id: 'token-exchange',
      title: "The console exchanges the peer's code and reads the file",
      grade: 'warn',
      seen: 'Got a token | twice',
      deviations: ['tokenEndPoint is a path ("/ocm/token"); draft-07 publishes a URL.'],
      evidence: [{ label: 'POST tokenEndPoint', exchange }],
    },
  ],
  notes: [],
};

describe('interop report export', () => {
  it('writes Markdown with a summary, the deviations and each exchange, secrets redacted by default', () => {
    const md = interopMarkdown(report);
    expect(md).toMatch(/^# OCM interop report for https:\/\/localhost: WARN\n/);
    expect(md).toContain('Secrets redacted.');
    expect(md).toContain("| The console exchanges the peer's code and reads the file | warn | Got a token \\| twice |");
    expect(md).toContain('- tokenEndPoint is a path ("/ocm/token"); draft-07 publishes a URL.');
    expect(md).toContain('POST https://localhost/ocm/token');
    expect(md).toContain('Signature: …redacted…');
    expect(md).toContain('"code":"…redacted…"');
    expect(md).toContain('"access_token":"…redacted…"');
    for (const secret of ['c2lnbmF0dXJl', '123456', 'asdfgh']) expect(md).not.toContain(secret);
    // A body holding backticks cannot close the fence it is shown in.
    expect(md).toContain('````http\n');
  });

  it('keeps the secrets only when asked to, and says so', () => {
    const md = interopMarkdown(report, { includeSecrets: true });
    expect(md).toContain('Secrets included.');
    expect(md).toContain('"access_token":"asdfgh"');
    expect(interopJson(report, { includeSecrets: true })).toContain('c2lnbmF0dXJl');
  });

  it('writes JSON that reads back as a report, redacted', () => {
    const text = interopJson(report);
    expect(text).not.toContain('asdfgh');
    expect(interopReportSchema.parse(JSON.parse(text)).steps[0]!.evidence[0]!.exchange!.request.headers[1]).toEqual([
      'Signature',
      '…redacted…',
    ]);
  });
});
