import { AREA_TITLES } from '../../src/contract/check.ts';
import { runCheck } from '../check/run-check.ts';
import { KeyStore } from '../identity/key-store.ts';
import { createOutboundClient } from '../outbound/http-client.ts';
import { ArgumentError, parseArgv } from '../args.ts';
import type { CliCommand } from './types.ts';

const USAGE = `Usage: ocm-explorer check <target> [--json]

Grades an OCM server (host, URL or OCM address): discovery, transport, keys, signature policy, input
validation and token endpoint. From the command line the console has no address the target can reach,
so probes that need the target to verify the console's signature are skipped (run the check from the
console's Check page for those). Exit status: 0 when nothing failed (warnings allowed), 1 when a line
failed, 2 on usage errors.`;

export const checkCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgv(args, { '--json': 'boolean' }, { positionals: true });
  } catch (err) {
    if (!(err instanceof ArgumentError)) throw err;
    io.stderr(`ocm-explorer check: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  const json = parsed.flags.get('--json') ?? false;
  const rest = parsed.positionals;
  if (rest.length !== 1) {
    io.stderr(`ocm-explorer check: give exactly one target\n\n${USAGE}`);
    return 2;
  }
  const client = createOutboundClient({ publicMode: false, allowHosts: [] });
  const keys = await KeyStore.open(undefined, { kidPrefix: 'ocm-explorer-cli' });
  const report = await runCheck(rest[0]!, { client, keys });
  if ('error' in report) {
    io.stderr(`ocm-explorer check: ${report.error}`);
    return 2;
  }
  if (json) io.stdout(JSON.stringify(report, null, 2));
  else {
    const out = [`${report.grade.toUpperCase()}  ${report.target} (${report.base}, ${report.durationMs} ms)`];
    for (const area of report.areas) {
      out.push(`\n${AREA_TITLES[area.area]}: ${area.grade}`);
      for (const line of area.lines)
        out.push(
          `  ${line.grade.padEnd(4)}  ${line.title}: ${line.seen}${line.grade === 'pass' || line.grade === 'skip' ? '' : ` (expected ${line.expected})`}`,
        );
    }
    for (const note of report.notes) out.push(`\nNote: ${note}`);
    io.stdout(out.join('\n'));
  }
  return report.grade === 'fail' ? 1 : 0;
};
