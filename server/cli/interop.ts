import { safeParse } from 'zod/mini';
import { interopReportSchema, type InteropReport, type InteropRequest } from '../../src/contract/interop.ts';
import { interopJson, interopMarkdown } from '../../src/protocol/index.ts';
import { KeyStore } from '../identity/key-store.ts';
import { runInterop } from '../interop/run-interop.ts';
import { createOutboundClient, type OutboundClient } from '../outbound/http-client.ts';
import { ArgumentError, parseArgv } from '../args.ts';
import type { CliCommand } from './types.ts';

const USAGE = `Usage: ocm-explorer interop <target> [--console URL] [--share-to USER@PEER] [--invite STRING]
                            [--client-id ID] [--token-style oauth-form|ocm-1.2-json]
                            [--json | --markdown] [--include-secrets]

The interop report of one OCM peer: discovery, the check, a share to --share-to, the peer's newest share to
the console (its code exchanged and the file read), the console accepting --invite, and the peer accepting
the console's invite. Each step says what happened and names every deviation from draft-07.

With --console URL the report is made by that running console (the peer can reach it and it holds what the
peer sent); its access token, for a public console, is read from OCM_EXPLORER_ACCESS_TOKEN. Without it only
discovery and the check run (nothing can reach the command line). --json and --markdown print the report
with signatures, codes, tokens and shared secrets redacted, unless --include-secrets.
Exit status: 0 when no step failed, 1 when one did, 2 on usage errors or when the console cannot be reached.`;

/** Asks a running console for the report (POST /api/interop). */
async function fromConsole(
  client: OutboundClient,
  consoleUrl: string,
  input: InteropRequest,
  token: string | undefined,
): Promise<InteropReport | { error: string }> {
  let url: URL;
  try {
    url = new URL('/api/interop', consoleUrl);
  } catch {
    return { error: `--console ${JSON.stringify(consoleUrl)} is not a URL.` };
  }
  const body = new TextEncoder().encode(JSON.stringify(input));
  const result = await client.send({
    method: 'POST',
    url: url.href,
    headers: [
      ['Host', url.host],
      ['Content-Type', 'application/json'],
      ['Content-Length', String(body.byteLength)],
      ...(token ? ([['Authorization', `Bearer ${token}`]] as [string, string][]) : []),
    ],
    body,
    timeoutMs: 180_000,
  });
  if (!result.ok) return { error: `The console at ${url.origin} did not answer: ${result.failure.message}` };
  const text = new TextDecoder().decode(result.response.body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: `The console answered ${result.response.status} with something that is not JSON.` };
  }
  if (result.response.status !== 200) {
    const message = (json as { message?: unknown }).message;
    return { error: `The console answered ${result.response.status}: ${typeof message === 'string' ? message : text}` };
  }
  const parsed = safeParse(interopReportSchema, json);
  return parsed.success ? parsed.data : { error: 'The console answered with something that is not an interop report.' };
}

function text(report: InteropReport): string {
  const out = [`${report.grade.toUpperCase()}  ${report.target} (${report.base}, ${report.durationMs} ms)`];
  for (const s of report.steps) {
    out.push(`  ${s.grade.padEnd(4)}  ${s.title}: ${s.seen}`);
    for (const d of s.deviations) out.push(`          - ${d}`);
  }
  for (const note of report.notes) out.push(`\nNote: ${note}`);
  return out.join('\n');
}

export const interopCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgv(
      args,
      {
        '--json': 'boolean',
        '--markdown': 'boolean',
        '--include-secrets': 'boolean',
        '--console': 'value',
        '--share-to': 'value',
        '--invite': 'value',
        '--client-id': 'value',
        '--token-style': 'value',
      },
      { positionals: true },
    );
  } catch (err) {
    if (!(err instanceof ArgumentError)) throw err;
    io.stderr(`ocm-explorer interop: ${err.message}\n\n${USAGE}`);
    return 2;
  }
  const fail = (message: string) => {
    io.stderr(`ocm-explorer interop: ${message}\n\n${USAGE}`);
    return 2;
  };
  if (parsed.positionals.length !== 1) return fail('give exactly one target');
  const style = parsed.values.get('--token-style');
  if (style !== undefined && style !== 'oauth-form' && style !== 'ocm-1.2-json')
    return fail(`--token-style is oauth-form or ocm-1.2-json, not ${JSON.stringify(style)}`);
  if (parsed.flags.get('--json') && parsed.flags.get('--markdown')) return fail('choose one of --json and --markdown');
  const input: InteropRequest = { target: parsed.positionals[0]! };
  const shareTo = parsed.values.get('--share-to');
  const invite = parsed.values.get('--invite');
  const clientId = parsed.values.get('--client-id');
  if (shareTo) input.shareTo = shareTo;
  if (invite) input.invite = invite;
  if (clientId) input.clientId = clientId;
  if (style) input.tokenStyle = style;
  const consoleUrl = parsed.values.get('--console');
  if (!consoleUrl && (shareTo || invite))
    return fail('--share-to and --invite need --console: the peer must be able to reach the console');

  const client = createOutboundClient({ publicMode: false, allowHosts: [] });
  const report = consoleUrl
    ? await fromConsole(client, consoleUrl, input, io.env.OCM_EXPLORER_ACCESS_TOKEN)
    : await runInterop(input, {
        client,
        keys: await KeyStore.open(undefined, { kidPrefix: 'ocm-explorer-cli' }),
        user: 'alice',
      });
  if ('error' in report) {
    io.stderr(`ocm-explorer interop: ${report.error}`);
    return 2;
  }
  const includeSecrets = parsed.flags.get('--include-secrets') ?? false;
  if (parsed.flags.get('--json')) io.stdout(interopJson(report, { includeSecrets }));
  else if (parsed.flags.get('--markdown')) io.stdout(interopMarkdown(report, { includeSecrets }));
  else io.stdout(text(report));
  return report.grade === 'fail' ? 1 : 0;
};
