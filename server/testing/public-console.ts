// Test support: a public console over real HTTP, with a throwaway data folder and an empty built page, for
// the tests of what anonymous callers may and may not do.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultServerConfig, type ServerConfig } from '../config.ts';
import { startServer, type RunningServer } from '../index.ts';

/** Starts a public console with `accessToken` (and any other options), on a free port, without demo peers. */
export async function startPublicConsole(
  accessToken: string,
  options: Partial<ServerConfig> = {},
): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ocm-public-console-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
  return startServer(
    defaultServerConfig({
      port: 0,
      staticDir: join(dir, 'dist'),
      dataDir: join(dir, 'data'),
      demo: false,
      public: true,
      accessToken,
      ...options,
    }),
  );
}
