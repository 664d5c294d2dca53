import { afterAll, describe, expect, it } from 'vitest';
import { startDemoMesh } from '../demo-mesh/index.ts';
import { runCli } from './main.ts';
import type { CliIo } from './types.ts';

const mesh = await startDemoMesh();
afterAll(() => mesh.close());
const [alpha] = mesh.peers.map((p) => p.state);

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readInput: async () => '', env: {} };
  return { value, out, err };
}

describe('ocm-explorer discover', () => {
  it('prints which endpoint answered, the version and dialect, and exits 0 without an error finding', async () => {
    const t = io();
    expect(await runCli(['discover', alpha!.origin], t.value)).toBe(0);
    const text = t.out.join('\n');
    expect(text).toMatch(/^FOUND {2}http:\/\/127\.0\.0\.1:\d+: http:\/\/127\.0\.0\.1:\d+\/\.well-known\/ocm/);
    expect(text).toMatch(/version \S+, dialect \S+/);
    expect(text).toMatch(/findings: 0 error/);
  });

  it('gives the whole result with --json, and exits 1 when no document is found', async () => {
    const t = io();
    expect(await runCli(['discover', 'http://127.0.0.1:9', '--json'], t.value)).toBe(1);
    expect(JSON.parse(t.out.join(''))).toMatchObject({ answeredBy: null, document: null });
    const plain = io();
    expect(await runCli(['discover', 'http://127.0.0.1:9'], plain.value)).toBe(1);
    expect(plain.out.join('\n')).toMatch(/^NOT FOUND/);
  });

  it('tries a bare host over its other scheme when nothing answers, and names each address tried', async () => {
    const t = io();
    expect(await runCli(['discover', '127.0.0.1:9'], t.value)).toBe(1);
    expect(t.out.join('\n').split('\n')).toEqual([
      'NO ANSWER  http://127.0.0.1:9/.well-known/ocm: 127.0.0.1:9 refused the connection.',
      'NOT FOUND  127.0.0.1:9 (https://127.0.0.1:9): http://127.0.0.1:9: connection refused. https://127.0.0.1:9: connection refused.',
    ]);
  });

  it('exits 2 on usage errors', async () => {
    const t = io();
    expect(await runCli(['discover'], t.value)).toBe(2);
    expect(await runCli(['discover', 'a', '--scheme', 'ftp'], t.value)).toBe(2);
    expect(await runCli(['discover', 'a', '--colour'], t.value)).toBe(2);
    expect(t.err.join('\n')).toMatch(/--scheme is http or https/);
    expect(t.err.join('\n')).toMatch(/unknown option --colour/);
  });
});
