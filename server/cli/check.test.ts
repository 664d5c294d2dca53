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

describe('ocm-explorer check', () => {
  it('grades a server, says what it could not probe from the command line, and exits 0 without failures', async () => {
    const t = io();
    const code = await runCli(['check', alpha!.origin], t.value);
    expect(code).toBe(0);
    expect(t.out.join('\n')).toMatch(/^WARN {2}http:\/\/127\.0\.0\.1:\d+/);
    expect(t.out.join('\n')).toContain('Refuses an unsigned share: 401');
    expect(t.out.join('\n')).toContain('Signed probes were not sent');
  });

  it('exits 1 when a line fails, with --json for scripts', async () => {
    const t = io();
    expect(await runCli(['check', '127.0.0.1:9', '--json'], t.value)).toBe(1);
    expect(JSON.parse(t.out.join(''))).toMatchObject({ grade: 'fail' });
  });

  it('exits 2 on usage errors', async () => {
    const t = io();
    expect(await runCli(['check'], t.value)).toBe(2);
    expect(await runCli(['check', 'a', '--colour'], t.value)).toBe(2);
    expect(t.err.join('\n')).toMatch(/unknown option --colour/);
  });
});
