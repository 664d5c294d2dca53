import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultServerConfig } from './config.ts';
import { startServer } from './index.ts';

describe('the start-up report of what could not be read', () => {
  it('names each file, how many entries, and why, and serves anyway', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'startup-'));
    const dataDir = join(dir, 'data');
    // Private already, as the console keeps them: only what cannot be read is reported.
    mkdirSync(dataDir, { mode: 0o700 });
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    copyFileSync(join(import.meta.dirname, 'inbox/__fixtures__/inbox-broken-line.jsonl'), join(dataDir, 'inbox.jsonl'));
    chmodSync(join(dataDir, 'inbox.jsonl'), 0o600);
    writeFileSync(join(dataDir, 'shares.json'), '[{"id": ', { mode: 0o600 });
    writeFileSync(join(dataDir, 'keys.json'), '{}', { mode: 0o600 });
    const running = await startServer(defaultServerConfig({ port: 0, demo: false, staticDir: dir, dataDir }));
    try {
      expect(running.notices).toEqual([
        `keys: The key file ${join(dataDir, 'keys.json')} cannot be read: it has no list of keys. The console has no keys until it is fixed or moved away (new keys are then made).`,
        expect.stringMatching(
          new RegExp(
            `^inbox: 2 entries could not be read and are kept in ${join(dataDir, 'inbox.jsonl')} \\(line 2 of inbox\\.jsonl: not JSON .*\\); the Inbox page says so too$`,
          ),
        ),
        expect.stringMatching(
          /^shares: 1 entry could not be read and is kept in .*shares\.json \(the whole file: not JSON/,
        ),
      ]);
      const health = await fetch(`${running.url}/api/health`);
      expect(health.status).toBe(200);
      // The Keys page lists keys from here: it gets the same reason instead of new keys.
      const keys = (await (await fetch(`${running.url}/api/keys`)).json()) as { message: string };
      expect(keys.message).toMatch(/keys\.json cannot be read: it has no list of keys/);
      expect(readFileSync(join(dataDir, 'keys.json'), 'utf8')).toBe('{}');
    } finally {
      await running.close();
    }
  });
});
