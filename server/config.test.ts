import { describe, expect, it } from 'vitest';
import { ConfigError, inboundRateLimitOf, parseServerConfig } from './config.ts';

describe('server options', () => {
  it('defaults to loopback on port 8080, local mode', () => {
    expect(parseServerConfig([], {})).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      public: false,
      dataDir: '.ocm-explorer',
    });
  });

  it('takes flags over environment variables', () => {
    const config = parseServerConfig(['--port', '9000', '--public'], {
      OCM_EXPLORER_PORT: '7000',
      OCM_EXPLORER_HOST: '0.0.0.0',
    });
    expect(config).toMatchObject({ port: 9000, host: '0.0.0.0', public: true });
  });

  it('accepts --flag=value and repeated or comma-separated host lists', () => {
    const config = parseServerConfig(
      ['--port=0', '--allowed-host', 'a.example', '--allowed-host=b.example,c.example'],
      {},
    );
    expect(config.port).toBe(0);
    expect(config.allowedHosts).toEqual(['a.example', 'b.example', 'c.example']);
  });

  it('limits calls to /ocm/* by mode unless told, and keeps the inbox quotas given', () => {
    expect(inboundRateLimitOf(parseServerConfig([], {}))).toBe(600);
    expect(inboundRateLimitOf(parseServerConfig(['--public'], {}))).toBe(60);
    const config = parseServerConfig(['--public', '--inbound-rate-limit', '20', '--inbox-peer-max-bytes=1048576'], {
      OCM_EXPLORER_INBOX_MAX_BYTES: '16777216',
    });
    expect(inboundRateLimitOf(config)).toBe(20);
    expect(config).toMatchObject({ inboxPeerMaxBytes: 1024 * 1024, inboxMaxBytes: 16 * 1024 * 1024 });
    expect(() => parseServerConfig(['--inbound-rate-limit', '0'], {})).toThrow(/--inbound-rate-limit/);
  });

  it('names the option that is wrong', () => {
    expect(() => parseServerConfig(['--port', 'eighty'], {})).toThrow(/invalid value for --port/);
    expect(() => parseServerConfig(['--port', '70000'], {})).toThrow(/--port/);
    expect(() => parseServerConfig(['--public-url', 'ftp://x'], {})).toThrow(/--public-url/);
    expect(() => parseServerConfig(['--colour'], {})).toThrow(ConfigError);
    expect(() => parseServerConfig(['--port'], {})).toThrow(/--port needs a value/);
  });
});

describe('demo mesh option', () => {
  it('is on by default and turned off by --no-demo or OCM_EXPLORER_DEMO=0', () => {
    expect(parseServerConfig([], {}).demo).toBe(true);
    expect(parseServerConfig(['--no-demo'], {}).demo).toBe(false);
    expect(parseServerConfig([], { OCM_EXPLORER_DEMO: '0' }).demo).toBe(false);
  });
});

describe('public mode and the demo mesh', () => {
  it('starts no demo peers in public mode (they would send wherever a visitor tells them)', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startServer } = await import('./index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'ocm-public-'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
    const running = await startServer(
      parseServerConfig(
        ['--public', '--port', '0', '--static-dir', join(dir, 'dist'), '--data-dir', join(dir, 'data')],
        {},
      ),
    );
    try {
      expect(running.demo).toBeUndefined();
      const res = await fetch(`${running.url}/api/demo`, {
        headers: { authorization: `Bearer ${running.generatedAccessToken}` },
      });
      expect(await res.json()).toEqual({ enabled: false, peers: [] });
    } finally {
      await running.close();
    }
    // Importing and starting the whole server takes seconds on a busy 2-core machine.
  }, 30_000);
});
