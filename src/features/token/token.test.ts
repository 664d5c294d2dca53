import { describe, expect, it } from 'vitest';
import type { InboundRecord } from '../../contract/inbound.ts';
import { endpointsFrom } from './code-flow.ts';
import { receivedShares } from './received-shares.ts';

const record = (body: unknown, endpoint: InboundRecord['endpoint'] = 'shares'): InboundRecord => ({
  id: 'in-1',
  seq: 1,
  receivedAt: '2026-11-22T10:00:00Z',
  remoteAddress: null,
  method: 'POST',
  target: '/ocm/shares',
  endpoint,
  headers: [],
  body: { encoding: 'utf8', data: typeof body === 'string' ? body : JSON.stringify(body), size: 1, truncated: false },
  stage: 'done',
  problems: [],
});

describe('shares with a code, from the inbox', () => {
  it('reads webdav, webapp and legacy secrets, with the must-exchange-token requirement', () => {
    const shares = receivedShares([
      record({
        name: 'a.txt',
        sender: 'carol@alpha:1',
        protocol: {
          name: 'multi',
          webdav: { uri: 'https://alpha/webdav/1', sharedSecret: 's1', requirements: ['must-exchange-token'] },
        },
      }),
      record({ name: 'b.txt', owner: 'erin@legacy', protocol: { name: 'webdav', options: { sharedSecret: 's2' } } }),
      record('not json'),
      record({ notificationType: 'SHARE_ACCEPTED' }, 'notifications'),
    ]);
    expect(shares).toEqual([
      {
        recordId: 'in-1',
        receivedAt: '2026-11-22T10:00:00Z',
        name: 'a.txt',
        sender: 'carol@alpha:1',
        code: 's1',
        uri: 'https://alpha/webdav/1',
        protocol: 'webdav',
        mustExchangeToken: true,
      },
      {
        recordId: 'in-1',
        receivedAt: '2026-11-22T10:00:00Z',
        name: 'b.txt',
        sender: 'erin@legacy',
        code: 's2',
        protocol: 'legacy',
        mustExchangeToken: false,
      },
    ]);
  });

  it("reads the OCM-stub's 1.2-era share: the top-level code, not the webdav secret, and the resource from URI", () => {
    const [share] = receivedShares([
      record({
        name: 'from-stub.txt',
        sender: 'einstein@localhost',
        code: '123456',
        protocol: {
          name: 'webdav',
          options: { sharedSecret: 'shareMeNot' },
          webdav: { sharedSecret: 'shareMeNot', URI: 'https://localhost/webdav-api/file.txt' },
        },
      }),
    ]);
    expect(share).toMatchObject({
      code: '123456',
      uri: 'https://localhost/webdav-api/file.txt',
      protocol: 'webdav',
      sender: 'einstein@localhost',
    });
  });
});

describe("the sender's endpoints, from its discovery", () => {
  const result = (document: unknown) => ({
    target: 't',
    base: 'https://sender.example',
    wellKnown: { url: 'x' },
    legacy: null,
    answeredBy: 'well-known' as const,
    document,
    detected: null,
    findings: [],
  });

  it('takes tokenEndPoint, and resolves a relative webdav uri against the webdav path', () => {
    const doc = {
      endPoint: 'https://sender.example/ocm',
      tokenEndPoint: 'https://sender.example/ocm/token',
      resourceTypes: [{ name: 'file', protocols: { webdav: '/remote/dav/ocm/' } }],
    };
    expect(endpointsFrom(result(doc), 'abc')).toEqual({
      tokenEndPoint: 'https://sender.example/ocm/token',
      resource: 'https://sender.example/remote/dav/ocm/abc',
    });
  });

  it('falls back to {endPoint}/token as 1.2 servers did, and says so', () => {
    expect(
      endpointsFrom(result({ endPoint: 'https://sender.example/ocm/' }), 'https://sender.example/f'),
    ).toMatchObject({
      tokenEndPoint: 'https://sender.example/ocm/token',
      note: expect.stringMatching(/no tokenEndPoint/),
    });
  });

  it('reads a relative tokenEndPoint (the OCM-stub\'s "/ocm/token") against the sender\'s base', () => {
    const doc = { endPoint: 'https://sender.example/ocm', tokenEndPoint: '/ocm/token' };
    expect(endpointsFrom(result(doc), 'https://sender.example/webdav-api/file.txt').tokenEndPoint).toBe(
      'https://sender.example/ocm/token',
    );
  });

  it('says why when there is no document', () => {
    expect(endpointsFrom({ ...result(null), problem: 'refused' }, '')).toEqual({ note: 'refused' });
  });
});
