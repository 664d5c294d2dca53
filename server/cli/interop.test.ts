import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';
import { runCli } from './main.ts';
import type { CliIo } from './types.ts';

// A running console with its demo peers: the command asks it for alpha's report, or runs alone.
const dir = mkdtempSync(join(tmpdir(), 'ocm-cli-interop-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data') }),
);
afterAll(() => running.close());
const alpha = running.demo!.peers[0]!.state;
const alphaHost = new URL(alpha.origin).host;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readInput: async () => '', env: {} };
  return { value, out, err };
}

describe('ocm-explorer interop', () => {
  it('asks a running console for the report: the share to alpha is run and each step printed', async () => {
    const t = io();
    const code = await runCli(
      ['interop', alpha.origin, '--console', running.url, '--share-to', `carol@${alphaHost}`],
      t.value,
    );
    const out = t.out.join('\n');
    expect(code).toBe(0);
    expect(out).toMatch(/^WARN {2}http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toContain('  pass  The console shares with the peer: Answered 201');
    expect(out).toMatch(/ {2}skip {2}The peer shares with the console: Nothing shared from the peer/);
    expect(out).toMatch(/ {10}- warning: \/endPoint "endPoint" uses plain http/);
  });

  it('prints Markdown with the exchanges and secrets redacted, or kept with --include-secrets', async () => {
    const t = io();
    await runCli(
      ['interop', alpha.origin, '--console', running.url, '--share-to', `dave@${alphaHost}`, '--markdown'],
      t.value,
    );
    const md = t.out.join('');
    expect(md).toMatch(/^# OCM interop report for http:\/\/127\.0\.0\.1:\d+: WARN/);
    expect(md).toContain('### POST /shares to dave@');
    expect(md).toMatch(/^Signature: …redacted…$/m);
    expect(md).toMatch(/"sharedSecret":"…redacted…"/);
    const k = io();
    await runCli(
      [
        'interop',
        alpha.origin,
        '--console',
        running.url,
        '--share-to',
        `erin@${alphaHost}`,
        '--json',
        '--include-secrets',
      ],
      k.value,
    );
    const share = JSON.parse(k.out.join('')).steps.find((s: { id: string }) => s.id === 'share-sent');
    expect(share.evidence[0].exchange.request.body.data).not.toContain('…redacted…');
  });

  it('runs alone without --console: discovery and the check only, saying why', async () => {
    const t = io();
    expect(await runCli(['interop', alpha.origin, '--json'], t.value)).toBe(0);
    const report = JSON.parse(t.out.join(''));
    expect(report.steps.find((s: { id: string }) => s.id === 'share-sent').grade).toBe('skip');
    expect(report.notes[0]).toMatch(/^Run from the command line: nothing can reach the console/);
  });

  it('exits 1 when a step fails, and 2 on usage errors or a console that does not answer', async () => {
    const nothing = io();
    expect(await runCli(['interop', '127.0.0.1:9'], nothing.value)).toBe(1);
    expect(nothing.out.join('\n')).toMatch(/^FAIL {2}127\.0\.0\.1:9/);
    expect(nothing.out.join('\n')).toMatch(/ {2}fail {2}Discovery: /);
    const t = io();
    expect(await runCli(['interop', alpha.origin, '--share-to', 'x@y'], t.value)).toBe(2);
    expect(t.err.join('')).toContain('--share-to and --invite need --console');
    expect(await runCli(['interop', alpha.origin, '--token-style', 'xml'], io().value)).toBe(2);
    const down = io();
    expect(await runCli(['interop', alpha.origin, '--console', 'http://127.0.0.1:9'], down.value)).toBe(2);
    expect(down.err.join('')).toMatch(/did not answer/);
    const failing = io();
    expect(
      await runCli(['interop', alpha.origin, '--console', running.url, '--invite', 'not an invite'], failing.value),
    ).toBe(1);
    expect(failing.out.join('\n')).toMatch(/fail {2}The console accepts the peer's invite: The invite cannot be read/);
  });
});
