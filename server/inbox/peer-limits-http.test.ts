import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import type { Verification } from '../../src/contract/inbound.ts';
import { createApp } from '../app.ts';
import { defaultServerConfig } from '../config.ts';
import { createInbox } from './index.ts';

// The console's OCM endpoint on 127.0.0.1 with a limit of 3 calls a minute per peer. Calls come from
// several loopback addresses (127.0.0.x), as from different machines.
const config = defaultServerConfig({ inboundRateLimit: 3, demo: false });
const inbox = createInbox(config, { persist: false });
// Signatures are checked elsewhere; here a `signer` header stands for one that verified.
const verify = async (raw: { headers: [string, string][] }): Promise<Verification> => {
  const signer = raw.headers.find(([n]) => n.toLowerCase() === 'signer')?.[1];
  return signer
    ? { status: 'verified', keyid: `https://${signer}/ocm#key1`, summary: 'verified' }
    : { status: 'unsigned', summary: 'unsigned' };
};
const app = createApp({ config, startedAt: new Date(), inbox: { ...inbox, verify }, persist: false });
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const agents: Agent[] = [];
afterAll(async () => {
  await Promise.all(agents.map((a) => a.close()));
  await new Promise((resolve) => server.close(resolve));
});

/** A client connecting from one loopback address. */
function peerAt(localAddress: string) {
  const agent = new Agent({ localAddress });
  agents.push(agent);
  return (path: string, headers: Record<string, string> = {}) =>
    undiciFetch(`${base}${path}`, {
      method: 'POST',
      body: JSON.stringify({ shareWith: 'alice@127.0.0.1', name: 'x' }),
      headers: { 'content-type': 'application/json', ...headers },
      dispatcher: agent,
    });
}

describe('limits per peer on the OCM endpoint', () => {
  it('answers a flooding address 429 with Retry-After and an OCM error, stores no more, serves others', async () => {
    const flooder = peerAt('127.0.0.2');
    const before = inbox.store.size;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await flooder('/ocm/shares')).status);
    expect(statuses).not.toContain(429);
    const refused = await flooder('/ocm/shares');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({ message: 'TOO_MANY_REQUESTS', detail: expect.stringMatching(/^At most 3/) });
    expect((await flooder('/ocm/anything-else')).status).toBe(429);
    expect(inbox.store.size).toBe(before + 3);
    // Another address is served, and so is the console itself.
    expect((await peerAt('127.0.0.3')('/ocm/shares')).status).not.toBe(429);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });

  it('limits a verified signer across addresses, recording the refused call with its reason', async () => {
    const statuses: number[] = [];
    for (const address of ['127.0.0.4', '127.0.0.5', '127.0.0.6', '127.0.0.7']) {
      statuses.push((await peerAt(address)('/ocm/shares', { signer: 'peer.example' })).status);
    }
    expect(statuses.slice(0, 3)).not.toContain(429);
    expect(statuses[3]).toBe(429);
    expect(inbox.store.list(1)[0]).toMatchObject({
      response: { status: 429 },
      problems: [expect.stringMatching(/from one signer \(peer\.example\)/)],
    });
    // Another signer from the same address is its own peer.
    expect((await peerAt('127.0.0.7')('/ocm/shares', { signer: 'other.example' })).status).not.toBe(429);
  });
});
