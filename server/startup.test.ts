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
    const config = defaultServerConfig({ ...base, public: true, accessToken: 'given-Rk7vQ2xN9pL4wT8zC3mB6' });
    const running = await startServer(config);
    try {
      expect(running.generatedAccessToken).toBeUndefined();
      expect(startupLines(running, config).join('\n')).not.toContain('given-Rk7vQ2xN9pL4wT8zC3mB6');
    } finally {
      await running.close();
    }
  });

  it('reads the token and the rate limit from flags or the environment', () => {
    expect(parseServerConfig(['--public', '--access-token', 'Qm4T-x9Lr2Vk7Wc1Zp5Hs8Nd3'], {})).toMatchObject({
      public: true,
      accessToken: 'Qm4T-x9Lr2Vk7Wc1Zp5Hs8Nd3',
    });
    expect(
      parseServerConfig([], { OCM_EXPLORER_ACCESS_TOKEN: 'Env9-Tk3Rz7Yq2Lw6Vb4Jn8Xc5', OCM_EXPLORER_RATE_LIMIT: '5' }),
    ).toMatchObject({ accessToken: 'Env9-Tk3Rz7Yq2Lw6Vb4Jn8Xc5', rateLimit: 5 });
  });

  it('refuses to start with a token that is easy to guess, and says why', () => {
    for (const weak of ['short', '1234567890123456', 'a-long-enough-token', 'abcabcabcabcabcabcabcabcabcabcabc']) {
      expect(() => parseServerConfig(['--public', '--access-token', weak], {})).toThrow(ConfigError);
      expect(() => parseServerConfig(['--public', '--access-token', weak], {})).toThrow(
        /--access-token: too easy to guess: about \d+ bits .*at least 128/,
      );
    }
    expect(() => parseServerConfig(['--public'], { OCM_EXPLORER_ACCESS_TOKEN: '1234567890123456' })).toThrow(
      /too easy to guess/,
    );
  });

  it('takes a token made as the e2e run makes it (18 random bytes, base64url: 144 bits)', () => {
    // The estimate is conservative: a rare random token with a typed-looking run may be refused; these are not.
    for (const token of ['p3Xb_Q8kZt1VwN6rYc2Lm-Hf', 'Tg5nR0vJx9KqW2eLs7DcAz4U', 'm1Zy-8QbHf3Nw6TkVr0XpLc_'])
      expect(parseServerConfig(['--public', '--access-token', token], {}).accessToken).toBe(token);
  });
});

describe('the start-up warning about plain http on a reachable address', () => {
  const running = { url: 'http://0.0.0.0:8080', notices: [], close: async () => undefined };
  const printed = (options: Parameters<typeof defaultServerConfig>[0]) =>
    startupLines(running, defaultServerConfig({ ...base, ...options })).join('\n');

  it('says the token and cookie travel in clear on a public console served over http on 0.0.0.0', () => {
    expect(printed({ host: '0.0.0.0', public: true })).toContain(
      'WARNING: plain http on 0.0.0.0: the access token and the session cookie travel in clear.',
    );
  });

  it('says a local console on a reachable address has no token', () => {
    expect(printed({ host: '0.0.0.0' })).toMatch(/WARNING: plain http on 0\.0\.0\.0, reachable from other machines/);
  });

  it('stays quiet on loopback and behind https', () => {
    expect(printed({ host: '127.0.0.1', public: true })).not.toContain('WARNING');
    expect(printed({ host: '0.0.0.0', public: true, publicUrl: 'https://console.example.org' })).not.toContain(
      'WARNING',
    );
  });
});
