import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReportSchema, type CheckReport } from '../../src/contract/check.ts';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// The console checks its own demo peers over real HTTP, signing its probes with its own keys.
const dir = mkdtempSync(join(tmpdir(), 'ocm-check-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data') }),
);
afterAll(() => running.close());
const [alpha, legacy] = running.demo!.peers.map((p) => p.state) as [
  NonNullable<typeof running.demo>['peers'][number]['state'],
  NonNullable<typeof running.demo>['peers'][number]['state'],
];

const check = async (target: string) => {
  const res = await fetch(`${running.url}/api/check`, {
    method: 'POST',
    body: JSON.stringify({ target }),
    headers: { 'content-type': 'application/json' },
  });
  return checkReportSchema.parse(await res.json());
};
const line = (report: CheckReport, id: string) => report.areas.flatMap((a) => a.lines).find((l) => l.id === id);

describe('check', () => {
  it('grades alpha: it refuses unsigned, wrong-digest and stale shares, validates input and answers invalid_grant', async () => {
    const report = await check(`carol@${new URL(alpha.origin).host}`);
    expect(line(report, 'signatures.unsigned')?.grade).toBe('pass');
    expect(line(report, 'signatures.digest')?.grade).toBe('pass');
    expect(line(report, 'signatures.stale')?.grade).toBe('pass');
    expect(line(report, 'token.invalid-grant')?.grade).toBe('pass');
    expect(line(report, 'keys.members')?.grade).toBe('pass');
    expect(line(report, 'transport.https')?.grade).toBe('warn');
    expect(report.grade).toBe('warn');
    // Each probe line carries its exchange, signature base included.
    expect(line(report, 'signatures.digest')?.evidence[0]?.exchange?.signing?.signatureBase).toContain(
      '"content-digest"',
    );
  });

  it('sends alpha an invalid share it can attribute, so alpha judges the body, not the signature', async () => {
    const report = await check(`carol@${new URL(alpha.origin).host}`);
    const validation = line(report, 'validation.share')!;
    expect(validation.grade).toBe('pass');
    const sent = validation.evidence[0]!.exchange!;
    expect(sent.signing?.profile).toBe('rfc9421');
    const consoleHost = new URL(running.url).host;
    expect(JSON.parse(sent.request.body!.data)).toMatchObject({ sender: `ocm-explorer-check@${consoleHost}` });
    expect(sent.response.status).toBe(400);
    const answer = JSON.parse(sent.response.body.data) as { message: string; validationErrors: unknown[] };
    expect(answer.validationErrors.length).toBeGreaterThan(0);
    expect(sent.response.body.data).not.toMatch(/signature/i);
    // With a soundly signed share getting past the signature, the wrong-digest refusal is credited.
    expect(line(report, 'signatures.digest')?.evidence).toHaveLength(1);
  });

  it('grades the legacy peer: signature lines skipped (no http-sig), its key parses, input validated', async () => {
    const report = await check(legacy.origin);
    expect(line(report, 'signatures.not-required')?.grade).toBe('skip');
    expect(line(report, 'token.not-advertised')?.grade).toBe('skip');
    expect(line(report, 'keys.legacy-public-key')).toMatchObject({ grade: 'pass', seen: 'rsa 2048 bits' });
    expect(line(report, 'validation.share')?.grade).toBe('pass');
  });

  it('names the failure when alpha answers 500', async () => {
    alpha.faults.serverError = true;
    try {
      const report = await check(alpha.origin);
      expect(line(report, 'validation.share')).toMatchObject({ grade: 'fail', seen: expect.stringMatching(/^500/) });
      expect(report.grade).toBe('fail');
    } finally {
      alpha.faults.serverError = false;
    }
  });

  it('fails discovery of an unreachable server and skips the rest', async () => {
    const report = await check('127.0.0.1:9');
    expect(line(report, 'discovery.reachable')).toMatchObject({
      grade: 'fail',
      seen: expect.stringMatching(/refused/),
    });
    expect(report.areas.filter((a) => a.area !== 'discovery').every((a) => a.grade === 'skip')).toBe(true);
  });
});
