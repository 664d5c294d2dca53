import { describe, expect, it } from 'vitest';
import { discoverTarget } from './discover-target.ts';
import type { OutboundClient, OutboundRequest } from '../outbound/http-client.ts';

const timing = { dns: null, connect: null, tls: null, firstByte: 1, total: 2 };
const bytes = (text: string) => new TextEncoder().encode(text);

/** A peer that serves `documents` by URL and 404 for the rest; remembers what was asked. */
function fakeClient(documents: Record<string, unknown>) {
  const asked: OutboundRequest[] = [];
  const client: OutboundClient = {
    async send(request) {
      asked.push(request);
      const doc = documents[request.url];
      const body = bytes(doc === undefined ? 'not found' : JSON.stringify(doc));
      return {
        ok: true,
        reusedConnection: false,
        timing,
        response: {
          status: doc === undefined ? 404 : 200,
          statusText: '',
          headers: [['Content-Type', 'application/json']],
          body,
          size: body.byteLength,
          truncated: false,
        },
      };
    },
    async fetchJson() {
      throw new Error('not used');
    },
  };
  return { client, asked };
}

const doc = { enabled: true, apiVersion: '1.1.0', endPoint: 'https://cloud.example.org/ocm' };

describe('discoverTarget', () => {
  it('reads the address form Nextcloud sends (bob@https://host/) as that host', async () => {
    const { client, asked } = fakeClient({ 'https://cloud.example.org/.well-known/ocm': doc });
    const result = await discoverTarget(client, 'bob@https://cloud.example.org/');
    if ('error' in result) throw new Error(result.error);
    expect(result.base).toBe('https://cloud.example.org');
    expect(asked.map((r) => r.url)).toEqual(['https://cloud.example.org/.well-known/ocm']);
    expect(result).toMatchObject({ answeredBy: 'well-known', document: doc });
  });

  it('asks the legacy /ocm-provider only when /.well-known/ocm gives no document, and says so', async () => {
    const { client, asked } = fakeClient({ 'https://cloud.example.org/ocm-provider': doc });
    const result = await discoverTarget(client, 'cloud.example.org');
    if ('error' in result) throw new Error(result.error);
    expect(asked.map((r) => r.url)).toEqual([
      'https://cloud.example.org/.well-known/ocm',
      'https://cloud.example.org/ocm-provider',
    ]);
    expect(result.answeredBy).toBe('legacy');
    expect(result.findings[0]).toMatchObject({
      code: 'discovery.legacy-only',
      severity: 'warning',
      specRef: { section: 'Discovery', url: expect.stringMatching(/^https:\/\/datatracker\.ietf\.org\//) },
    });
    expect(asked[0]!.headers).toEqual([
      ['Host', 'cloud.example.org'],
      ['Accept', 'application/json'],
    ]);
  });

  it('refuses a target that names no server', async () => {
    const { client, asked } = fakeClient({});
    expect(await discoverTarget(client, ' ')).toEqual({ error: 'Give a host, a URL or an OCM address.' });
    expect(asked).toEqual([]);
  });
});
