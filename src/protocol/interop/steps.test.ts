import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../contract/exchange.ts';
import type { InboundRecord } from '../../contract/inbound.ts';
import { interopGrade } from '../../contract/interop.ts';
import { readInvite } from '../invites.ts';
import { signingChoiceFor } from '../signature-profile.ts';
import { latestFromPeer, peerHost } from './received.ts';
import {
  gradeCheckStep,
  gradeDiscoveryStep,
  gradeInviteByConsole,
  gradeInviteByPeer,
  gradeShareReceived,
  gradeShareSent,
  gradeTokenExchange,
} from './steps.ts';

const exchange = (status: number, body: unknown): Exchange => ({
  id: 'x',
  startedAt: '2026-01-01T00:00:00Z',
  request: { method: 'POST', url: 'https://peer.example/ocm/shares', headers: [] },
  response: {
    status,
    statusText: '',
    headers: [],
    body: { encoding: 'utf8', data: JSON.stringify(body), size: 10, truncated: false },
  },
  timing: { dns: null, connect: null, tls: null, firstByte: null, total: 1 },
  signing: null,
  insecureTls: false,
  notes: [],
});

const record = (over: Partial<InboundRecord> & { doc: unknown }): InboundRecord => {
  const { doc, ...rest } = over;
  const data = JSON.stringify(doc);
  return {
    id: 'r1',
    seq: 1,
    receivedAt: '2026-01-01T00:00:00Z',
    remoteAddress: null,
    method: 'POST',
    target: '/ocm/invite-accepted',
    endpoint: 'invite-accepted',
    headers: [],
    body: { encoding: 'utf8', data, size: data.length, truncated: false },
    stage: 'done',
    problems: [],
    response: { status: 200, contentType: 'application/json', body: '{}', delayMs: 0, policy: 'spec' },
    ...rest,
  };
};

const ctx = { consoleBase: 'https://console.example', consoleAddress: 'alice@console.example' };
const stubDiscovery = { apiVersion: '1.2.0', endPoint: 'https://localhost/ocm', publicKey: '-----BEGIN RSA…' };

describe('interop steps', () => {
  it("grades a share answered 201 to a peer that needs the OCM-stub's variant as warn, naming the variant", () => {
    const s = gradeShareSent({
      to: 'einstein@localhost',
      exchange: exchange(201, { recipientDisplayName: 'Marie Curie' }),
      choice: signingChoiceFor(stubDiscovery),
    });
    expect(s.grade).toBe('warn');
    expect(s.seen).toBe('Answered 201 (recipient "Marie Curie").');
    expect(s.deviations[0]).toMatch(/OCM-stub's draft-cavage variant/);
    expect(
      gradeShareSent({ to: 'a@b', exchange: exchange(201, {}), choice: { profile: 'ocm', reason: '' } }).grade,
    ).toBe('pass');
    expect(gradeShareSent({ to: 'a@b', exchange: exchange(200, {}) }).deviations).toContain(
      'Answered 200; draft-07 answers a created share with 201.',
    );
    expect(gradeShareSent({ to: 'a@b', exchange: exchange(401, { message: 'SIGNATURE_INVALID' }) })).toMatchObject({
      grade: 'fail',
      seen: 'Refused: 401 {"message":"SIGNATURE_INVALID"}',
    });
    expect(gradeShareSent({}).grade).toBe('skip');
  });

  it('grades an unsigned invite acceptance from the peer as warn, citing the Invites section', () => {
    const s = gradeInviteByPeer(
      {
        record: record({
          doc: { recipientProvider: 'localhost', token: 't', userID: 'einstein', email: 'e', name: 'n' },
          verification: { status: 'unsigned', summary: 'No Signature header: the request is not signed.' },
        }),
      },
      ctx,
    );
    expect(s.grade).toBe('warn');
    expect(s.deviations).toEqual([
      'Not signed: No Signature header: the request is not signed.',
      'Draft-07 (Invites) sends the acceptance signed; invites SHOULD NOT be used unsigned.',
    ]);
    expect(s.evidence[0]!.exchange!.request.url).toBe('https://console.example/ocm/invite-accepted');
    expect(gradeInviteByPeer(undefined, ctx)).toMatchObject({ grade: 'skip' });
  });

  it('fails a received share whose signature does not verify, and lists the verifier details', () => {
    const s = gradeShareReceived(
      {
        record: record({
          doc: { sender: 'a@peer.example' },
          endpoint: 'shares',
          verification: { status: 'failed', summary: 'bad signature', details: ['digest differs'] },
          response: { status: 401, contentType: 'application/json', body: '{}', delayMs: 0, policy: 'spec' },
        }),
        deviations: [],
      },
      ctx,
    );
    expect(s.grade).toBe('fail');
    expect(s.deviations).toEqual(['The signature does not verify: bad signature', 'digest differs']);
  });

  it('grades the token step: a token and the file is a pass; a refusal is a fail with the answer', () => {
    const ok = gradeTokenExchange({
      deviations: [],
      token: { exchange: exchange(200, { access_token: 'a', token_type: 'Bearer' }) },
      read: { exchange: exchange(200, 'file') },
      choice: { profile: 'ocm', reason: '' },
    });
    expect(ok.grade).toBe('pass');
    const refused = gradeTokenExchange({
      deviations: [],
      token: { exchange: exchange(403, { message: 'No grants' }) },
    });
    expect(refused).toMatchObject({ grade: 'fail', seen: 'The token endpoint answered 403 {"message":"No grants"}' });
    const lower = gradeTokenExchange({
      deviations: [],
      token: { exchange: exchange(200, { access_token: 'a', token_type: 'bearer' }) },
      read: { exchange: exchange(200, 'file') },
    });
    expect(lower.grade).toBe('warn');
    expect(lower.deviations[0]).toMatch(/token_type is "bearer"/);
  });

  it('grades a web app share on its token alone: there is no file to read; a share naming no resource fails', () => {
    const webapp = gradeTokenExchange({
      deviations: [],
      token: { exchange: exchange(200, { access_token: 'a', token_type: 'Bearer' }) },
      resource: 'webapp',
      choice: { profile: 'ocm', reason: '' },
    });
    expect(webapp.grade).toBe('pass');
    expect(webapp.seen).toMatch(/^Got a token\. The share is a web app: the token goes to the app in a POSTed form/);
    const nothing = gradeTokenExchange({
      deviations: [],
      token: { exchange: exchange(200, { access_token: 'a', token_type: 'Bearer' }) },
      resource: 'none',
    });
    expect(nothing).toMatchObject({
      grade: 'fail',
      seen: 'Got a token, but the share names no resource (uri) to read with it.',
    });
  });

  it("grades the console's acceptance: 200 with the sender passes, 409 warns, 400 fails; an unreadable invite fails", () => {
    const invite = 'https://localhost/accept-invite?token=t&providerDomain=localhost';
    const reading = readInvite(invite);
    const ok = gradeInviteByConsole({
      invite,
      reading,
      exchange: exchange(200, { userID: 'einstein', email: 'e@x', name: 'Albert Einstein' }),
      choice: { profile: 'ocm', reason: '' },
    });
    expect(ok).toMatchObject({
      grade: 'pass',
      seen: expect.stringMatching(/^Accepted: The invite sender is name "Albert Einstein"/),
    });
    expect(gradeInviteByConsole({ invite, reading, exchange: exchange(409, {}) }).grade).toBe('warn');
    expect(gradeInviteByConsole({ invite, reading, exchange: exchange(400, { message: 'x' }) }).grade).toBe('fail');
    expect(gradeInviteByConsole({ invite: 'a:b', reading: readInvite('a:b') }).grade).toBe('fail');
  });

  it('finds the newest record from the peer by the signer domain in the body, default ports ignored', () => {
    const older = record({ doc: { recipientProvider: 'localhost' }, id: 'old' });
    const other = record({ doc: { recipientProvider: 'elsewhere.example' }, id: 'other' });
    const newer = record({ doc: { recipientProvider: 'LOCALHOST:443' }, id: 'new' });
    expect(latestFromPeer([other, newer, older], 'invite-accepted', 'https://localhost')?.record.id).toBe('new');
    expect(latestFromPeer([other], 'invite-accepted', 'localhost')).toBeUndefined();
    expect(peerHost('http://127.0.0.1:80')).toBe('127.0.0.1');
  });

  it('grades the report as its worst step', () => {
    expect(interopGrade([gradeShareSent({}), gradeInviteByPeer(undefined, ctx)])).toBe('skip');
  });
});

describe('the discovery step', () => {
  it('keeps the candidates of a bare host where nothing answered as evidence, before the one that answered', () => {
    const step = gradeDiscoveryStep({
      target: 'localhost',
      base: 'https://localhost',
      unreachable: [
        {
          base: 'http://localhost',
          url: 'http://localhost/.well-known/ocm',
          failure: { kind: 'refused', address: 'localhost:80', message: 'localhost:80 refused the connection.' },
        },
      ],
      wellKnown: { url: 'https://localhost/.well-known/ocm', exchange: exchange(200, { enabled: true }) },
      legacy: null,
      answeredBy: 'well-known',
      document: { enabled: true },
      detected: null,
      findings: [],
    });
    expect(step.evidence.map((e) => e.label)).toEqual(['GET http://localhost/.well-known/ocm', 'GET /.well-known/ocm']);
    expect(step.evidence[0]!.failure?.kind).toBe('refused');
  });
});

describe('the discovery step when nothing answered', () => {
  it('says a problem both paths had only once', () => {
    const dns = 'nowhere.invalid could not be resolved (ENOTFOUND).';
    const failure = { kind: 'dns' as const, host: 'nowhere.invalid', code: 'ENOTFOUND', message: dns };
    const step = gradeDiscoveryStep({
      target: 'nowhere.invalid',
      base: 'https://nowhere.invalid',
      wellKnown: { url: 'https://nowhere.invalid/.well-known/ocm', failure },
      legacy: { url: 'https://nowhere.invalid/ocm-provider', failure },
      answeredBy: null,
      document: null,
      detected: null,
      findings: [],
      problem: `${dns} ${dns}`,
    });
    expect(step).toMatchObject({ grade: 'fail', seen: dns });
  });
});

describe('the check step', () => {
  it('names each line that is off with what was expected, then what was seen, like the Check page', () => {
    const step = gradeCheckStep({
      target: 'peer.example',
      base: 'http://peer.example',
      startedAt: '2026-01-01T00:00:00Z',
      durationMs: 5,
      grade: 'warn',
      notes: [],
      areas: [
        {
          area: 'transport',
          grade: 'warn',
          lines: [
            {
              id: 'https',
              title: 'Served over https',
              grade: 'warn',
              expected: 'https (plain http is fine for a lab)',
              seen: 'plain http',
              evidence: [],
            },
            {
              id: 'fast',
              title: 'Answers promptly',
              grade: 'pass',
              expected: 'within 2 s',
              seen: '1 ms',
              evidence: [],
            },
          ],
        },
      ],
    });
    expect(step.seen).toBe('1 passed, 1 warnings, 0 failed, 0 skipped.');
    expect(step.deviations).toEqual([
      'warn: Served over https: expected https (plain http is fine for a lab); seen plain http',
    ]);
  });

  it('points to the Discovery step for discovery lines rather than saying their problem a second time', () => {
    const dns = 'nowhere.invalid could not be resolved (ENOTFOUND).';
    const step = gradeCheckStep({
      target: 'nowhere.invalid',
      base: 'https://nowhere.invalid',
      startedAt: '2026-01-01T00:00:00Z',
      durationMs: 5,
      grade: 'fail',
      notes: [],
      areas: [
        {
          area: 'discovery',
          grade: 'fail',
          lines: [
            {
              id: 'discovery.reachable',
              title: 'Discovery document served',
              grade: 'fail',
              expected: 'a JSON object at /.well-known/ocm',
              seen: dns,
              evidence: [],
            },
          ],
        },
      ],
    });
    expect(step.deviations).toEqual(['fail: Discovery document served: as the Discovery step says']);
    expect(step.deviations.join(' ')).not.toContain(dns);
  });
});
