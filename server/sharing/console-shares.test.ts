import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inboundListSchema } from '../../src/contract/inbound.ts';
import { defaultServerConfig } from '../config.ts';
import { startServer } from '../index.ts';

// The console as a sending server, against its own demo peers over real HTTP.
const dir = mkdtempSync(join(tmpdir(), 'ocm-shares-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const running = await startServer(
  defaultServerConfig({ port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data') }),
);
afterAll(() => running.close());
const alpha = running.demo!.peers[0]!.state;
const legacy = running.demo!.peers[1]!.state;

const share = async (body: object) => {
  const res = await fetch(`${running.url}/api/shares`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return {
    status: res.status,
    result: (await res.json()) as {
      share?: { id: string };
      exchange?: {
        response: { status: number };
        signing: { profile: string } | null;
        request: { body?: { data: string } };
      };
      problem?: string;
      notes: string[];
    },
  };
};
const waitFor = async <T>(probe: () => T | undefined, ms = 5_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the console sharing out', () => {
  it('shares with alpha, which exchanges the code at the console (signed, verified) and reads the file', async () => {
    const { status, result } = await share({
      to: `carol@${new URL(alpha.origin).host}`,
      name: 'minutes.txt',
      content: 'OCM WG minutes\n',
    });
    expect(status).toBe(200);
    expect(result.exchange?.response.status).toBe(201);
    expect(result.exchange?.signing?.profile).toBe('rfc9421');
    const sent = JSON.parse(result.exchange!.request.body!.data) as {
      protocol: { webdav: { requirements: string[]; uri: string } };
    };
    expect(sent.protocol.webdav.requirements).toEqual(['must-exchange-token']);
    expect(sent.protocol.webdav.uri).toBe(`${running.url}/ocm/webdav/${result.share!.id}`);

    const fetched = await waitFor(() => alpha.fetched.find((f) => f.share === 'minutes.txt'));
    expect(fetched).toMatchObject({ tokenStatus: 200, readStatus: 200, bytes: 15 });

    // The console's inbox saw alpha's token request, verified it, and kept the token masked.
    const inbox = inboundListSchema.parse(await (await fetch(`${running.url}/api/inbox?limit=5`)).json());
    const tokenCall = inbox.records.find((r) => r.endpoint === 'token')!;
    expect(tokenCall.verification?.status).toBe('verified');
    expect(tokenCall.response?.status).toBe(200);
    expect(tokenCall.response?.body).toMatch(/"access_token":"[\w-]{6}…\(36 characters, not stored\)"/);
  });

  it('refuses the secret itself and an unsigned token request for a must-exchange-token share', async () => {
    const { result } = await share({ to: `carol@${new URL(alpha.origin).host}`, name: 'secret.txt' });
    const body = JSON.parse(result.exchange!.request.body!.data) as {
      protocol: { webdav: { uri: string; sharedSecret: string } };
    };
    const { uri, sharedSecret } = body.protocol.webdav;
    expect((await fetch(uri, { headers: { authorization: `Bearer ${sharedSecret}` } })).status).toBe(401);
    const unsigned = await fetch(`${running.url}/ocm/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: 'x.example',
        code: sharedSecret,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: 'invalid_client' });
    const unknown = await fetch(`${running.url}/ocm/token`, {
      method: 'POST',
      body: 'grant_type=authorization_code&client_id=x&code=nope',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await unknown.json()).toEqual({ error: 'invalid_grant' });
  });

  it("gives a must-exchange-token share's token only to its receiver, not to another verified signer", async () => {
    const { result } = await share({ to: `carol@${new URL(alpha.origin).host}`, name: 'for-carol.txt' });
    const { sharedSecret } = (
      JSON.parse(result.exchange!.request.body!.data) as { protocol: { webdav: { sharedSecret: string } } }
    ).protocol.webdav;
    // Another server (here the console itself, through its relay) signs a token request for alpha's code.
    const url = `${running.url}/ocm/token`;
    const relayed = await fetch(`${running.url}/api/relay`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-relay-target': url },
      body: JSON.stringify({
        method: 'POST',
        url,
        sign: 'ocm',
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body: {
          encoding: 'utf8',
          data: new URLSearchParams({
            grant_type: 'authorization_code',
            client_id: new URL(running.url).host,
            code: sharedSecret,
          }).toString(),
        },
      }),
    });
    const { exchange } = (await relayed.json()) as {
      exchange: { response: { status: number; body: { data: string } } };
    };
    expect(exchange.response.status).toBe(400);
    const answer = JSON.parse(exchange.response.body.data) as {
      error: string;
      error_description: string;
      access_token?: string;
    };
    expect(answer.error).toBe('invalid_grant');
    expect(answer.error_description).toMatch(/Only the share's receiver may exchange this code/);
    expect(answer.access_token).toBeUndefined();
    const inbox = inboundListSchema.parse(await (await fetch(`${running.url}/api/inbox?limit=5`)).json());
    expect(inbox.records.find((r) => r.endpoint === 'token' && r.response?.status === 400)?.verification?.status).toBe(
      'verified',
    );
  });

  it('shares with the Nextcloud-like legacy peer in its dialect, signed draft-cavage', async () => {
    const { result } = await share({ to: `erin@${new URL(legacy.origin).host}` });
    expect(result.exchange?.response.status).toBe(201);
    expect(result.exchange?.signing?.profile).toBe('cavage');
    expect(legacy.received[0]).toMatchObject({ path: '/ocm/shares', verified: 'verified' });
  });

  it('says why a share cannot be sent', async () => {
    expect((await share({ to: 'nobody' })).result.problem).toMatch(/not an OCM address/);
    expect((await share({ to: 'zoe@127.0.0.1:9' })).result.problem).toMatch(/No OCM discovery/);
  });
});
