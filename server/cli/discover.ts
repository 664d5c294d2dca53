import { discoverTarget } from '../discovery/discover-target.ts';
import { createOutboundClient } from '../outbound/http-client.ts';
import { ArgumentError, parseArgv } from '../args.ts';
import type { CliCommand } from './types.ts';

const USAGE = `Usage: ocm-explorer discover <target> [--json] [--ua UA] [--scheme http|https]

Fetches an OCM server's discovery (/.well-known/ocm, then /ocm-provider) as the Discover page does, and
prints which endpoint answered, the detected version and dialect, and the lint findings. --ua sends that
User-Agent (some servers answer crawlers differently). A bare host is tried over https then http (http
first for loopback and IP addresses), the second only when nothing answers over the first; --scheme
forces one.
Exit status: 0 when a document was found and has no error finding, 1 otherwise, 2 on usage errors.`;

export const discoverCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgv(args, { '--json': 'boolean', '--ua': 'value', '--scheme': 'value' }, { positionals: true });
  } catch (err) {
    if (!(err instanceof ArgumentError)) throw err;
    io.stderr(`ocm-explorer discover: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  const scheme = parsed.values.get('--scheme');
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    io.stderr(`ocm-explorer discover: --scheme is http or https, not ${JSON.stringify(scheme)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    io.stderr(`ocm-explorer discover: give exactly one target\n\n${USAGE}`);
    return 2;
  }
  const ua = parsed.values.get('--ua');
  const client = createOutboundClient({ publicMode: false, allowHosts: [] });
  const result = await discoverTarget(client, parsed.positionals[0]!, {
    ...(ua ? { ua } : {}),
    ...(scheme ? { scheme } : {}),
  });
  if ('error' in result) {
    io.stderr(`ocm-explorer discover: ${result.error}`);
    return 2;
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const found = result.answeredBy !== null;
  if (parsed.flags.get('--json')) io.stdout(JSON.stringify(result, null, 2));
  else {
    const out: string[] = [];
    for (const u of result.unreachable ?? []) out.push(`NO ANSWER  ${u.url}: ${u.failure.message}`);
    if (!found) out.push(`NOT FOUND  ${result.target} (${result.base}): ${result.problem ?? 'no discovery document'}`);
    else {
      const url = result.answeredBy === 'well-known' ? result.wellKnown.url : result.legacy?.url;
      out.push(`FOUND  ${result.target}: ${url}`);
      if (result.detected) out.push(`  version ${result.detected.version}, dialect ${result.detected.dialect}`);
      const counts = ['error', 'warning', 'info'].map(
        (s) => `${result.findings.filter((f) => f.severity === s).length} ${s}`,
      );
      out.push(`  findings: ${counts.join(', ')}`);
      for (const f of result.findings) out.push(`  ${f.severity.padEnd(7)} ${f.path || '/'}  ${f.message} [${f.code}]`);
    }
    io.stdout(out.join('\n'));
  }
  return found && errors === 0 ? 0 : 1;
};
