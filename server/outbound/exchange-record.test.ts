import { describe, expect, it } from 'vitest';
import { exchangeSchema } from '../../src/contract/exchange.ts';
import { exchangeRecord } from './exchange-record.ts';
import type { OutboundResult } from './http-client.ts';

const timing = { dns: 1, connect: 2, tls: null, firstByte: 5, total: 6 };
const ok = (
  body: Uint8Array,
  extra: { truncated?: boolean; size?: number; decoded?: string } = {},
): Extract<OutboundResult, { ok: true }> => ({
  ok: true,
  reusedConnection: false,
  timing,
  response: {
    status: 201,
    statusText: 'Created',
    headers: [['Content-Type', 'application/json']],
    body,
    size: extra.size ?? body.byteLength,
    truncated: extra.truncated ?? false,
    ...(extra.decoded ? { decoded: extra.decoded } : {}),
  },
});

describe('exchangeRecord', () => {
  it('records the request as sent and the response as stored, in the wire shape', () => {
    const body = new TextEncoder().encode('{"a":1}');
    const exchange = exchangeRecord(
      { method: 'POST', url: 'https://peer.example/ocm/shares', headers: [['Host', 'peer.example']], body },
      ok(new TextEncoder().encode('{}'), { decoded: 'gzip' }),
      { startedAt: '2026-01-01T00:00:00.000Z', id: 'share-1', notes: ['signed'] },
    );
    expect(exchangeSchema.parse(exchange)).toEqual(exchange);
    expect(exchange).toMatchObject({
      id: 'share-1',
      request: { body: { encoding: 'utf8', data: '{"a":1}', size: 7, truncated: false } },
      response: { status: 201, decoded: 'gzip', body: { data: '{}' } },
      timing,
      signing: null,
      insecureTls: false,
      notes: ['signed'],
    });
  });

  it('leaves out an empty request body, keeps a cut response with its full size, and stores binary as base64', () => {
    const exchange = exchangeRecord(
      { method: 'GET', url: 'https://peer.example/x', headers: [], body: new Uint8Array() },
      ok(new Uint8Array([0xff, 0xfe]), { truncated: true, size: 9_000 }),
      { startedAt: '2026-01-01T00:00:00.000Z' },
    );
    expect(exchange.request.body).toBeUndefined();
    expect(exchange.response.body).toEqual({ encoding: 'base64', data: '//4=', size: 9_000, truncated: true });
    expect(exchange.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
