import {
  isKind,
  KINDS,
  lintText,
  parseSpecVersion,
  sectionTitle,
  type Finding,
  type Kind,
  type SpecVersion,
  type TextLintResult,
} from '../../src/protocol/index.ts';
import { ArgumentError, parseArgv } from '../args.ts';
import type { CliCommand } from './types.ts';

const HELP = `Usage: ocm-explorer lint <file|-> [--kind KIND] [--spec VERSION] [--json]

Checks an OCM document against the spec version and vendor dialect it looks like.
  <file|->         the document; "-" reads standard input
  --kind KIND      ${KINDS.join(' | ')}
                   (without it the kind is guessed from the fields, and the guess is reported)
  --spec VERSION   judge against this version instead of the detected one: 1.0 … 1.5, or draft-05/-07
  --json           print {kind, detected, valid, findings} as JSON

Exit status: 0 no error finding, 1 one or more error findings, 2 usage or I/O error.`;

interface Options {
  input: string;
  kind?: Kind;
  spec?: SpecVersion;
  json: boolean;
}

function parseArgs(args: string[]): Options | { error: string } | 'help' {
  let parsed;
  try {
    parsed = parseArgv(
      args,
      { '--help': 'boolean', '-h': 'boolean', '--json': 'boolean', '--kind': 'value', '--spec': 'value' },
      { positionals: true, messages: { unknown: (flag) => `unknown option "${flag}"` } },
    );
  } catch (err) {
    if (err instanceof ArgumentError) return { error: err.message };
    throw err;
  }
  if (parsed.flags.get('--help') || parsed.flags.get('-h')) return 'help';
  const options: Options = { input: '', json: parsed.flags.get('--json') ?? false };
  const kind = parsed.values.get('--kind');
  if (kind !== undefined) {
    if (!isKind(kind)) return { error: `--kind must be one of ${KINDS.join(', ')}${kind ? `; got "${kind}"` : ''}` };
    options.kind = kind;
  }
  const specText = parsed.values.get('--spec');
  if (specText !== undefined) {
    const spec = parseSpecVersion(specText);
    if (!spec)
      return { error: `--spec must be an OCM version such as 1.4 or draft-07${specText ? `; got "${specText}"` : ''}` };
    options.spec = spec;
  }
  const [input, extra] = parsed.positionals;
  if (input === undefined) return { error: 'which document? give a file path, or "-" for standard input' };
  if (extra !== undefined) return { error: `one document at a time; got "${input}" and "${extra}"` };
  options.input = input;
  return options;
}

function humanLine(f: Finding): string {
  // One line per finding so the output greps well; hints are in the --json output.
  return `${f.severity.padEnd(7)} ${(f.path || '(document)').padEnd(28)} ${f.message}  [${f.code}; ${sectionTitle(f.specRef.section)}]`;
}

function summary(result: TextLintResult): string {
  const count = (s: Finding['severity']) => result.findings.filter((f) => f.severity === s).length;
  const what = result.kind
    ? `${result.kind}${result.version ? `, judged as OCM ${result.version}` : ''}${result.detected && result.detected.dialect !== 'spec' ? ` (${result.detected.dialect} dialect)` : ''}`
    : 'document';
  return `${what}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`;
}

export const lintCommand: CliCommand = async (args, io) => {
  const options = parseArgs(args);
  if (options === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if ('error' in options) {
    io.stderr(`ocm-explorer lint: ${options.error}\n\n${HELP}`);
    return 2;
  }
  let text: string;
  try {
    text = await io.readInput(options.input);
  } catch (error) {
    io.stderr(
      `ocm-explorer lint: cannot read ${options.input === '-' ? 'standard input' : `"${options.input}"`}: ${(error as Error).message}`,
    );
    return 2;
  }
  const result = lintText(text, {
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.spec ? { spec: options.spec } : {}),
  });
  if (!result.kind && result.kindGuess) {
    io.stderr(
      `ocm-explorer lint: cannot tell which OCM document this is (${result.kindGuess.reason}); pass --kind ${KINDS.join('|')}`,
    );
    return 2;
  }
  if (options.json) {
    const detected = result.detected
      ? {
          version: result.detected.version,
          versions: result.detected.versions,
          dialect: result.detected.dialect,
          evidence: result.detected.evidence,
        }
      : null;
    io.stdout(
      JSON.stringify(
        {
          kind: result.kind,
          kindGuessed: result.kindGuess ? { reason: result.kindGuess.reason } : null,
          spec: result.version ?? null,
          detected,
          valid: result.valid,
          findings: result.findings,
        },
        null,
        2,
      ),
    );
  } else {
    if (result.kindGuess)
      io.stderr(`ocm-explorer lint: no --kind given; linting as "${result.kind}" (${result.kindGuess.reason})`);
    for (const f of result.findings) io.stdout(humanLine(f));
    io.stdout(summary(result));
  }
  return result.valid ? 0 : 1;
};
