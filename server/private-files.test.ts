import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultServerConfig } from './config.ts';
import { startServer, startupLines } from './index.ts';
import { ensureTlsMaterial } from './tls.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** A data folder written by a real console (keys, inbox, policies, invites, TLS key), then stopped. */
async function usedDataFolder() {
  const dir = mkdtempSync(join(tmpdir(), 'ocm-private-files-'));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html>');
  const config = defaultServerConfig({
    port: 0,
    staticDir: join(dir, 'dist'),
    dataDir: join(dir, 'data'),
    demo: false,
  });
  // The self-signed certificate a console with --tls keeps in the data folder.
  await ensureTlsMaterial({ dataDir: config.dataDir, names: ['127.0.0.1'] });
  const running = await startServer(config);
  const json = { 'content-type': 'application/json' };
  const call = (path: string, init: RequestInit) => fetch(`${running.url}${path}`, init);
  await call('/ocm/notifications', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ notificationType: 'SHARE_ACCEPTED', resourceType: 'file', providerId: '7' }),
  });
  await call('/api/inbox/policy/shares', { method: 'PUT', headers: json, body: JSON.stringify({ mode: 'lenient' }) });
  await call('/api/invites', { method: 'POST', headers: json, body: '{}' });
  await call('/api/keys/rotate', { method: 'POST', headers: json, body: JSON.stringify({ use: 'rfc9421' }) });
  await running.close();
  return { config, data: config.dataDir };
}

const FILES = ['keys.json', 'inbox.jsonl', 'inbox-policies.json', 'invites.json', 'tls/console.key'];

describe('data files at rest', () => {
  it('narrows files and folders left wider (a restored backup) at start, and names each in the start-up output', async () => {
    const { config, data } = await usedDataFolder();
    for (const file of FILES) chmodSync(join(data, file), 0o644);
    chmodSync(data, 0o755);
    chmodSync(join(data, 'tls'), 0o755);

    const running = await startServer(config);
    try {
      for (const file of FILES) expect(modeOf(join(data, file)), file).toBe(0o600);
      expect(modeOf(data)).toBe(0o700);
      expect(modeOf(join(data, 'tls'))).toBe(0o700);
      const printed = startupLines(running, config).join('\n');
      for (const file of FILES) expect(printed).toContain(`${join(data, file)} was 0644, now 0600`);
      expect(printed).toContain(`${join(data, '.')} was 0755, now 0700`);
    } finally {
      await running.close();
    }
  });

  it('narrows them again on every write while the console runs', async () => {
    const { config, data } = await usedDataFolder();
    const running = await startServer(config);
    const json = { 'content-type': 'application/json' };
    const call = (path: string, init: RequestInit) => fetch(`${running.url}${path}`, init);
    try {
      for (const file of ['keys.json', 'inbox.jsonl', 'inbox-policies.json', 'invites.json'])
        chmodSync(join(data, file), 0o644);
      chmodSync(data, 0o755);
      await call('/ocm/notifications', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ notificationType: 'SHARE_ACCEPTED', resourceType: 'file', providerId: '8' }),
      });
      expect(modeOf(join(data, 'inbox.jsonl'))).toBe(0o600);
      expect(modeOf(data)).toBe(0o700);
      await call('/api/inbox/policy/shares', { method: 'PUT', headers: json, body: JSON.stringify({ mode: 'spec' }) });
      expect(modeOf(join(data, 'inbox-policies.json'))).toBe(0o600);
      await call('/api/invites', { method: 'POST', headers: json, body: '{}' });
      expect(modeOf(join(data, 'invites.json'))).toBe(0o600);
      await call('/api/keys/rotate', { method: 'POST', headers: json, body: JSON.stringify({ use: 'rfc9421' }) });
      expect(modeOf(join(data, 'keys.json'))).toBe(0o600);
    } finally {
      await running.close();
    }
  });
});
