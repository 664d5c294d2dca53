import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { interopReportSchema, type InteropReport } from '../../src/contract/interop.ts';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// The interop report of the demo peer alpha (a draft-07 peer), over real HTTP: the console shares with it,
// alpha shares with the console and accepts the console's invite, and the console accepts alpha's invite.
const dir = mkdtempSync(join(tmpdir(), 'ocm-interop-report-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data') }),
);
afterAll(() => running.close());
const alpha = running.demo!.peers[0]!.state;
const alphaHost = new URL(alpha.origin).host;
const consoleHost = new URL(running.url).host;

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${running.url}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};
const stepOf = (report: InteropReport, id: string) => report.steps.find((s) => s.id === id)!;

describe('interop report against alpha', () => {
  it('before alpha has sent anything: discovery and the check graded, the share passes, the received steps say what to do', async () => {
    const { status, json } = await post('/api/interop', { target: alpha.origin, shareTo: `carol@${alphaHost}` });
    expect(status).toBe(200);
    const report = interopReportSchema.parse(json);
    expect(report.steps.map((s) => s.id)).toEqual([
      'discovery',
      'check',
      'share-sent',
      'share-received',
      'token-exchange',
      'invite-accepted-by-console',
      'invite-accepted-by-peer',
    ]);
    // On loopback alpha serves plain http: the only deviations the lint names.
    const discovery = stepOf(report, 'discovery');
    expect(discovery.grade).toBe('warn');
    expect(discovery.deviations.length).toBeGreaterThan(0);
    for (const d of discovery.deviations) expect(d).toMatch(/^warning: .*plain[ -]http/);
    const shared = stepOf(report, 'share-sent');
    expect(shared).toMatchObject({ grade: 'pass', seen: expect.stringMatching(/^Answered 201/) });
    expect(shared.evidence[0]!.exchange!.signing).toMatchObject({ profile: 'rfc9421' });
    expect(stepOf(report, 'share-received')).toMatchObject({
      grade: 'skip',
      seen: expect.stringContaining(`have the peer share a file with alice@${consoleHost}`),
    });
    expect(stepOf(report, 'token-exchange').grade).toBe('skip');
    expect(stepOf(report, 'invite-accepted-by-console').grade).toBe('skip');
    expect(stepOf(report, 'invite-accepted-by-peer').grade).toBe('skip');
  });

  it('after alpha shares and accepts an invite: the share verified, its code exchanged and the file read', async () => {
    expect((await post('/api/demo/alpha/send', { kind: 'share', to: `alice@${consoleHost}` })).status).toBe(200);
    const invite = (await post('/api/invites', { user: 'alice' })).json as { token: string };
    const accepted = await post('/api/demo/alpha/send', {
      kind: 'invite-accepted',
      to: consoleHost,
      token: invite.token,
    });
    expect(accepted.status).toBe(200);
    const alphaInvite = (await post('/api/demo/alpha/invites', {})).json as { inviteString: string };

    const { json } = await post('/api/interop', { target: alpha.origin, invite: alphaInvite.inviteString });
    const report = interopReportSchema.parse(json);
    const received = stepOf(report, 'share-received');
    expect(received.grade).toBe('pass');
    expect(received.seen).toMatch(/answered 201; signature verified/);
    expect(received.evidence[0]!.exchange!.request.url).toBe(`${running.url}/ocm/shares`);
    const token = stepOf(report, 'token-exchange');
    expect(token.grade).toBe('pass');
    expect(token.seen).toMatch(/^Got a token .*the resource answered 200/);
    expect(token.evidence.map((e) => e.exchange?.response.status)).toEqual([200, 200]);
    // Alpha hands out the draft-07 invite string (base64url, no padding): nothing to name.
    const byConsole = stepOf(report, 'invite-accepted-by-console');
    expect(byConsole.seen).toMatch(/^Accepted: The invite sender is/);
    expect(byConsole.deviations).toEqual([]);
    expect(byConsole.evidence[0]!.exchange!.signing).toMatchObject({ profile: 'rfc9421' });
    const byPeer = stepOf(report, 'invite-accepted-by-peer');
    expect(byPeer).toMatchObject({ grade: 'pass', deviations: [] });
    expect(byPeer.seen).toMatch(/answered 200; signature verified/);
  });

  it('refuses a request without a target, naming the field', async () => {
    const { status, json } = await post('/api/interop', { shareTo: 'x@y' });
    expect(status).toBe(400);
    expect(json.message).toMatch(/^"target": /);
  });
});
