// Full flows between the console and the OCM-stub (cs3org/OCM-stub), a real OCM peer nobody here wrote,
// started with its own script. The stub serves https on port 443 only and calls other servers only over
// https, so the console runs with --tls; each side trusts the other's certificate (--extra-ca for the
// console, STUB_TRUST for the stub). Everything stays on loopback.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/contract/exchange.ts';
import type { InboundRecord } from '../../src/contract/inbound.ts';
import { tokenRequestBody } from '../../src/protocol/index.ts';
import { defaultServerConfig } from '../config.ts';
import { startServer, type RunningServer } from '../index.ts';
import { ensureTlsMaterial, tlsHostNames } from '../tls.ts';
import { startStub, stubUnavailable, type StubProcess } from './ocm-stub-process.ts';

const unavailable = await stubUnavailable();
if (unavailable) console.warn(`OCM-stub interop tests skipped: ${unavailable}`);

describe.skipIf(!!unavailable)('interop with the OCM-stub (a real peer, over https)', () => {
  let stub: StubProcess;
  let consoleServer: RunningServer;
  let toConsole: Agent;
  let toStub: Agent;
  let consoleUrl: string;
  let port: number;

  const api = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    // The relay takes its target again in x-relay-target (which keeps other web pages from using it).
    const target = (init.body as { url?: unknown } | undefined)?.url;
    const res = await undiciFetch(`${consoleUrl}${path}`, {
      method: init.method ?? 'GET',
      dispatcher: toConsole,
      ...(init.body !== undefined
        ? {
            body: JSON.stringify(init.body),
            headers: {
              'content-type': 'application/json',
              ...(path === '/api/relay' && typeof target === 'string' ? { 'x-relay-target': target } : {}),
            },
          }
        : {}),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocm-interop-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
    const dataDir = join(dir, 'data');
    // The console's certificate first, so the stub can be told to trust it; the console then reuses it.
    const cert = await ensureTlsMaterial({ dataDir, names: tlsHostNames({ host: '127.0.0.1', allowedHosts: [] }) });
    stub = await startStub({ trust: cert.certFile });
    consoleServer = await startServer(
      defaultServerConfig({
        port: 0,
        demo: false,
        tls: true,
        extraCa: [stub.certFile],
        dataDir,
        staticDir: join(dir, 'dist'),
      }),
    );
    consoleUrl = consoleServer.url;
    port = Number(new URL(consoleUrl).port);
    toConsole = new Agent({ connect: { ca: readFileSync(cert.certFile, 'utf8') } });
    toStub = new Agent({ connect: { ca: readFileSync(stub.certFile, 'utf8') } });
  }, 180_000);

  afterAll(async () => {
    await toConsole?.close();
    await toStub?.close();
    await consoleServer?.close();
    await stub?.stop();
  });

  /** The stub is still serving (it exits on some inputs; every flow must leave it running). */
  const stubAnswers = async () =>
    stub.alive() &&
    (await undiciFetch('https://localhost/ocm-provider/', { dispatcher: toStub }).then((r) => r.status)) === 200;

  it('discovers the stub over https and names where its 1.2-era discovery departs from the spec', async () => {
    const { status, json } = await api(`/api/discover?target=${encodeURIComponent('https://localhost')}`);
    expect(status).toBe(200);
    expect(json.answeredBy).toBe('well-known');
    expect(json.document).toMatchObject({ apiVersion: '1.2.0', endPoint: 'https://localhost/ocm' });
    expect(typeof (json.document as { publicKey: unknown }).publicKey).toBe('string');
    const findings = json.findings as { path: string; message: string }[];
    expect(findings.some((f) => f.path === '/publicKey' && /bare PEM string/.test(f.message))).toBe(true);
  });

  it('checks the stub: reachable over https, its legacy key and token endpoint graded, and the stub survives', async () => {
    const { status, json } = await api('/api/check', { method: 'POST', body: { target: 'https://localhost' } });
    expect(status).toBe(200);
    const lines = new Map(
      (json.areas as { lines: { id: string; grade: string; seen?: string }[] }[])
        .flatMap((a) => a.lines)
        .map((l) => [l.id, l]),
    );
    expect(lines.get('discovery.reachable')?.grade).toBe('pass');
    expect(lines.get('transport.https')?.grade).toBe('pass');
    expect(lines.get('keys.legacy-public-key')).toMatchObject({ grade: 'fail' });
    expect(lines.get('keys.legacy-public-key')?.seen).toMatch(/PKCS#1/);
    // The relative tokenEndPoint ("/ocm/token") is read against the stub's base, and the probe is signed
    // in the stub's variant: an RFC 9421 signature made the stub drop the connection.
    expect(lines.get('token.invalid-grant')?.seen).toMatch(/^403 .*No grants found for client 127\.0\.0\.1:/);
    expect(await stubAnswers()).toBe(true);
  }, 60_000);

  it("shares with einstein@localhost, signed in the stub's variant: answered 201, and the stub verifies it", async () => {
    const mark = stub.mark();
    const { status, json } = await api('/api/shares', { method: 'POST', body: { to: 'einstein@localhost' } });
    expect(status).toBe(200);
    const exchange = json.exchange as Exchange;
    expect(exchange.response.status).toBe(201);
    // The keyId the stub can use: the console's bare host and port, whose /ocm-provider/ it fetches.
    expect(exchange.signing).toMatchObject({
      profile: 'cavage',
      keyid: `127.0.0.1:${port}`,
      variant: 'OCM-stub draft-cavage variant',
    });
    expect(exchange.signing!.signatureBase.split('\n')[0]).toBe('post /ocm/shares');
    expect(exchange.notes.join(' ')).toMatch(/OCM-stub's draft-cavage variant.*bare PEM string/);
    const log = await stub.waitFor(/verified: (true|false)/, mark);
    expect(log).toContain(`fetching https://127.0.0.1:${port}/ocm-provider/`);
    expect(log).toContain(`{ verified: true, fqdn: '127.0.0.1:${port}' }`);
    expect(log).not.toContain('ALARM');
    expect(await stubAnswers()).toBe(true);
  }, 60_000);

  it("receives the stub's share over https and verifies it under the stub's variant, naming each departure", async () => {
    const res = await undiciFetch(`https://localhost/shareWith?alice@localhost:${port}`, { dispatcher: toStub });
    // The stub reads the console's discovery over https (trusting its certificate) and posts the share.
    expect(await res.text()).toContain('yes shareWith (success)');
    const { json } = await api('/api/inbox');
    const record = (json.records as InboundRecord[]).find((r) => r.endpoint === 'shares');
    expect(record?.response?.status).toBe(201);
    expect(record?.verification).toMatchObject({ status: 'verified', profile: 'cavage', keyid: 'localhost' });
    const details = record!.verification!.details!.join(' ');
    expect(details).toMatch(/headers="request-target,content-length,host,date,digest" is separated by commas/);
    expect(details).toMatch(/request-target without parentheses/);
    expect(details).toMatch(/values alone.*OCM-stub's variant/);
    expect(record!.verification!.signatureBase).toMatch(new RegExp(`^post /ocm/shares\n\\d+\nlocalhost:${port}\n`));
    expect(await stubAnswers()).toBe(true);
  }, 60_000);

  it("exchanges the stub's code in its 1.2-era form (JSON, ocm_authorization_code) and reads the file with the token", async () => {
    // The stub's share carries the 1.2-era top-level code "123456"; its grants are a fixed table keyed by
    // client_id, where "localhost" is the only loopback name: a deviation (it does not bind the code to the
    // signer), named in the README.
    const share = ((await api('/api/inbox')).json.records as { endpoint: string; body: { data: string } }[]).find(
      (r) => r.endpoint === 'shares',
    );
    const sent = JSON.parse(share!.body.data) as { code: string; protocol: { webdav: { URI: string } } };
    const request = tokenRequestBody({ clientId: 'localhost', code: sent.code }, 'ocm-1.2-json');
    const token = await api('/api/relay', {
      method: 'POST',
      body: {
        method: 'POST',
        url: 'https://localhost/ocm/token',
        headers: [
          ['Content-Type', request.contentType],
          ['Accept', 'application/json'],
        ],
        body: { encoding: 'utf8', data: request.body },
        sign: 'cavage',
        cavageVariant: 'ocm-stub',
      },
    });
    const exchange = token.json.exchange as Exchange;
    expect(exchange.response.status).toBe(200);
    const accessToken = (JSON.parse(exchange.response.body.data) as { access_token: string }).access_token;
    expect(accessToken).toBeTruthy();
    const read = await api('/api/relay', {
      method: 'POST',
      body: { method: 'GET', url: sent.protocol.webdav.URI, headers: [['Authorization', `Bearer ${accessToken}`]] },
    });
    const file = read.json.exchange as Exchange;
    expect(file.response.status).toBe(200);
    expect(file.response.body.data).toBe('The content of the file, well done!');
    expect(await stubAnswers()).toBe(true);
  }, 60_000);
});
