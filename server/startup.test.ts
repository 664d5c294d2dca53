import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultServerConfig, parseServerConfig } from './config.ts';
import { startServer, startupLines } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'ocm-startup-'));
mkdirSync(join(dir, 'dist'));
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
const base = { port: 0, staticDir: join(dir, 'dist'), dataDir: join(dir, 'data'), demo: false };

describe('starting a public console', () => {
  it('makes an access token when none is given, prints it once, and the API takes it', async () => {
    const config = defaultServerConfig({ ...base, public: true });
    const running = await startServer(config);
    try {
      const token = running.generatedAccessToken!;
      expect(token).toMatch(/^[\w-]{32}$/);
      const printed = startupLines(running, config).join('\n');
      expect(printed.split(token).length - 1).toBe(1);
      expect(printed).toMatch(/public mode/);
      expect((await fetch(`${running.url}/api/keys`)).status).toBe(401);
      expect((await fetch(`${running.url}/api/keys`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
        200,
      );
    } finally {
      await running.close();
    }
  });

  it('never prints a token it was given', async () => {
    const config = defaultServerConfig({ ...base, public: true, accessToken: 'given-token-0123456789' });
    const running = await startServer(config);
    try {
      expect(running.generatedAccessToken).toBeUndefined();
      expect(startupLines(running, config).join('\n')).not.toContain('given-token-0123456789');
    } finally {
      await running.close();
    }
  });

  it('reads the token and the rate limit from flags or the environment, and refuses a short token', () => {
    expect(parseServerConfig(['--public', '--access-token', 'a-long-enough-token'], {})).toMatchObject({
      public: true,
      accessToken: 'a-long-enough-token',
    });
    expect(
      parseServerConfig([], { OCM_EXPLORER_ACCESS_TOKEN: 'from-the-environment', OCM_EXPLORER_RATE_LIMIT: '5' }),
    ).toMatchObject({ accessToken: 'from-the-environment', rateLimit: 5 });
    expect(() => parseServerConfig(['--access-token', 'short'], {})).toThrow(ConfigError);
    expect(() => parseServerConfig(['--access-token', 'short'], {})).toThrow(/--access-token: at least 16/);
  });
});
