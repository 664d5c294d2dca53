import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultServerConfig, parseServerConfig } from './config.ts';
import { startServer, startupLines } from './index.ts';
import { createOutboundClient, DEFAULT_LIMITS } from './outbound/http-client.ts';
import { ensureTlsMaterial, readExtraCa, tlsHostNames, TlsSetupError } from './tls.ts';

const fresh = () => mkdtempSync(join(tmpdir(), 'ocm-tls-'));
const names = ['localhost', '127.0.0.1', '::1'];

describe('the console certificate', () => {
  it('is made once in the data folder (key 0600, folder 0700) and reused on the next start', async () => {
    const dataDir = fresh();
    const first = await ensureTlsMaterial({ dataDir, names });
    expect(first.source).toBe('generated');
    expect(first.certFile).toBe(join(dataDir, 'tls', 'console.crt'));
    expect(statSync(first.keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'tls')).mode & 0o777).toBe(0o700);
    expect(first.names).toEqual(['localhost', '127.0.0.1', '::1']);
    const parsed = new X509Certificate(readFileSync(first.certFile));
    expect(parsed.fingerprint256).toBe(first.fingerprint);
    expect(parsed.checkHost('localhost')).toBe('localhost');
    expect(parsed.checkIP('127.0.0.1')).toBe('127.0.0.1');

    const second = await ensureTlsMaterial({ dataDir, names });
    expect(second.source).toBe('reused');
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('is made again when the console answers to a name it does not cover, or when it is about to expire', async () => {
    const dataDir = fresh();
    const first = await ensureTlsMaterial({ dataDir, names });
    const wider = await ensureTlsMaterial({ dataDir, names: [...names, 'console.lab.test'] });
    expect(wider.source).toBe('generated');
    expect(wider.fingerprint).not.toBe(first.fingerprint);
    expect(wider.names).toContain('console.lab.test');
    const later = await ensureTlsMaterial({
      dataDir,
      names: [...names, 'console.lab.test'],
      now: new Date(Date.now() + 362 * 24 * 3600 * 1000),
    });
    expect(later.source).toBe('generated');
  });

  it('covers the bound address, the public URL host and the allowed hosts', () => {
    expect(
      tlsHostNames({ host: '10.1.2.3', publicUrl: 'https://ocm.lab.test:8443/', allowedHosts: ['other.test'] }),
    ).toEqual(['localhost', '127.0.0.1', '::1', '10.1.2.3', 'ocm.lab.test', 'other.test']);
    expect(tlsHostNames({ host: '0.0.0.0', allowedHosts: [] })).toEqual(['localhost', '127.0.0.1', '::1']);
  });

  it('uses a given certificate and key, and refuses a key that is not the certificate’s', async () => {
    const a = await ensureTlsMaterial({ dataDir: fresh(), names });
    const b = await ensureTlsMaterial({ dataDir: fresh(), names });
    const given = await ensureTlsMaterial({ dataDir: fresh(), names, certFile: a.certFile, keyFile: a.keyFile });
    expect(given).toMatchObject({ source: 'given', fingerprint: a.fingerprint, certFile: a.certFile });
    await expect(
      ensureTlsMaterial({ dataDir: fresh(), names, certFile: a.certFile, keyFile: b.keyFile }),
    ).rejects.toThrow(/is not the private key of/);
    await expect(ensureTlsMaterial({ dataDir: fresh(), names, certFile: a.certFile })).rejects.toThrow(TlsSetupError);
  });

  it('reads --extra-ca files and names one that holds no certificate', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'not-a-cert.pem'), 'hello');
    expect(() => readExtraCa([join(dir, 'not-a-cert.pem')])).toThrow(/no PEM certificate/);
    expect(() => readExtraCa([join(dir, 'missing.pem')])).toThrow(/--extra-ca/);
  });
});

describe('https options', () => {
  it('are read from flags and the environment, and checked together', () => {
    expect(parseServerConfig(['--tls', '--extra-ca', 'a.pem', '--extra-ca', 'b.pem'], {})).toMatchObject({
      tls: true,
      extraCa: ['a.pem', 'b.pem'],
    });
    expect(parseServerConfig([], { OCM_EXPLORER_TLS_CERT: 'c.pem', OCM_EXPLORER_TLS_KEY: 'k.pem' })).toMatchObject({
      tlsCert: 'c.pem',
      tlsKey: 'k.pem',
    });
    expect(() => parseServerConfig(['--tls-cert', 'c.pem'], {})).toThrow(/--tls-cert and --tls-key go together/);
    expect(() => parseServerConfig(['--tls', '--public-url', 'http://ocm.lab.test/'], {})).toThrow(ConfigError);
    expect(parseServerConfig(['--tls', '--public-url', 'https://ocm.lab.test/'], {}).publicUrl).toBe(
      'https://ocm.lab.test/',
    );
  });
});

describe('a console started with --tls', () => {
  it('serves its pages and its discovery over https, prints the fingerprint and the file to trust', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
    const config = defaultServerConfig({
      port: 0,
      demo: false,
      tls: true,
      staticDir: join(dir, 'dist'),
      dataDir: join(dir, 'data'),
    });
    const running = await startServer(config);
    const agent = new Agent({ connect: { ca: readFileSync(running.tls!.certFile, 'utf8') } });
    try {
      expect(running.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const printed = startupLines(running, config).join('\n');
      expect(printed).toContain(`SHA-256 ${running.tls!.fingerprint}`);
      expect(printed).toContain(`a peer must trust: ${join(dir, 'data', 'tls', 'console.crt')}`);
      const res = await undiciFetch(`${running.url}/.well-known/ocm`, { dispatcher: agent });
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { endPoint: string; jwksUri: string };
      expect(doc.endPoint).toBe(`${running.url}/ocm`);
      expect(doc.jwksUri.startsWith('https://')).toBe(true);
      expect((await undiciFetch(`${running.url}/`, { dispatcher: agent })).status).toBe(200);
      // Without trusting the certificate, a client refuses it.
      await expect(undiciFetch(`${running.url}/.well-known/ocm`)).rejects.toThrow();
      // The console's own outbound client trusts it once it is given with --extra-ca, and only then.
      const policy = { publicMode: false, allowHosts: [] };
      const request = { method: 'GET', url: `${running.url}/.well-known/ocm`, headers: [] as [string, string][] };
      const trusting = createOutboundClient(policy, DEFAULT_LIMITS, undefined, {
        extraCa: readExtraCa([running.tls!.certFile]),
      });
      const trusted = await trusting.send(request);
      expect(trusted.ok && trusted.response.status).toBe(200);
      const strict = await createOutboundClient(policy).send(request);
      expect(strict.ok).toBe(false);
      if (!strict.ok) expect(strict.failure.kind).toBe('tls');
    } finally {
      await agent.close();
      await running.close();
    }
  });
});
