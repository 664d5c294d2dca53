import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brief } from './process-guard.ts';
import { gzipBomb } from './testing/bombs.ts';
import { startChildServer, type ChildServer } from './testing/child-server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('a peer whose keys are a gzip bomb', () => {
  // The peer a keyid names: its discovery points to a JWKS of 530 KB that inflates to 520 MiB, past the
  // longest string Node can make; a console that decoded it whole stopped at the first signed share.
  // Named as localhost, the same peer serves one of 205 KB (under the raw limit) that inflates to 200 MiB.
  const bombs = { '127.0.0.1': gzipBomb(520), localhost: gzipBomb(200) };
  let peer: Server;
  let peerBase = '';
  let fetched = 0;
  let server: ChildServer;
  beforeAll(async () => {
    peer = createServer((req, res) => {
      req.resume();
      if (req.url === '/.well-known/ocm')
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ enabled: true, apiVersion: '1.2.0', endPoint: `${peerBase}/ocm`, jwksUri: '/jwks' }));
      else if (req.url === '/jwks') {
        fetched++;
        const name = new URL(`http://${req.headers.host}`).hostname as keyof typeof bombs;
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bombs[name]);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
    peerBase = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`;
    server = await startChildServer();
  }, 60_000);
  afterAll(async () => {
    peer?.close();
    await server?.stop();
  });

  /** A share signed (in appearance) with a key of the peer at `base`; resolves once the console answered. */
  async function signedShare(base: string): Promise<void> {
    const { host } = new URL(base);
    const share = {
      shareWith: 'alice@127.0.0.1',
      name: 'f.txt',
      providerId: '1',
      owner: `bob@${host}`,
      sender: `bob@${host}`,
      shareType: 'user',
      resourceType: 'file',
      protocol: { name: 'webdav', options: { sharedSecret: 's' } },
    };
    const created = Math.floor(Date.now() / 1000);
    const res = await fetch(`${server.url}/ocm/shares`, {
      method: 'POST',
      body: JSON.stringify(share),
      headers: {
        'content-type': 'application/json',
        'signature-input': `ocm=("@method" "@target-uri");keyid="${base}#key1";alg="ed25519";tag="ocm";created=${created}`,
        signature: 'ocm=:AAAA:',
      },
    });
    await res.arrayBuffer();
  }

  async function lastVerification(): Promise<{ status: string; summary: string } | undefined> {
    const inbox = (await (await fetch(`${server.url}/api/inbox`)).json()) as {
      records: { verification?: { status: string; summary: string } }[];
    };
    return inbox.records[0]?.verification;
  }

  it('cannot stop the console: the share fails verification with the reason, /api/health still answers', async () => {
    await signedShare(peerBase);
    expect(fetched).toBe(1);
    expect(server.exited()).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await lastVerification()).toMatchObject({
      status: 'failed',
      summary: expect.stringMatching(/answered more than 262144 bytes/),
    });

    // Small enough on the wire, too large once decoded: zlib stops at the limit.
    await signedShare(peerBase.replace('127.0.0.1', 'localhost'));
    expect(fetched).toBe(2);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(await lastVerification()).toMatchObject({
      status: 'failed',
      summary: expect.stringMatching(/decoded size exceeded 262144 bytes/),
    });
    expect(server.log()).not.toMatch(/unhandled|uncaught/);
  }, 60_000);
});

describe('the process guard of a running console', () => {
  it('logs a rejection nobody handled in one line and keeps the process running', async () => {
    const script = [
      "const { installProcessGuard } = await import('./server/process-guard.ts');",
      'installProcessGuard();',
      "Promise.reject(new Error('lost at https://peer.example/jwks?token=abc\\nsecond line'));",
      "setTimeout(() => console.log('still serving'), 50);",
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', done));
    expect(code).toBe(0);
    expect(out).toContain('still serving');
    expect(out).toContain(
      'ocm-explorer: unhandled rejection (still serving): Error: lost at https://peer.example/jwks?…\n',
    );
    expect(out).not.toContain('token=abc');
  }, 30_000);

  it('says what failed without secrets or a stack', () => {
    expect(brief(new TypeError('Bearer abcdef is wrong\n    at x (y.ts:1:1)'))).toBe('TypeError: Bearer … is wrong');
    expect(brief('password=hunter2')).toBe('string: password=…');
    expect(brief(new Error('x'.repeat(300)))).toHaveLength('Error: '.length + 201);
  });
});
