import {
  findingsAfterKeyCheck,
  isKind,
  KINDS,
  lintText,
  nothingToVerify,
  parseSpecVersion,
  readDirectoryText,
  sectionTitle,
  type Finding,
  type Kind,
  type SpecVersion,
  type TextLintResult,
} from '../../src/protocol/index.ts';
import { verifyJws } from '../../src/signing/index.ts';
import { ArgumentError, parseArgv } from '../args.ts';
import type { CliCommand } from './types.ts';

const HELP = `Usage: ocm-explorer lint <file|-> [--kind KIND] [--spec VERSION] [--federation-key FILE] [--json]

Checks an OCM document against the spec version and vendor dialect it looks like.
  <file|->         the document; "-" reads standard input
  --kind KIND      ${KINDS.join(' | ')}
                   (without it the kind is guessed from the fields, and the guess is reported)
  --spec VERSION   judge against this version instead of the detected one: 1.0 … 1.5, or draft-05/-07
  --federation-key FILE
                   a Directory Service document's JWS is verified with this key (PEM or JWK); a
                   signature that does not verify is an error
  --json           print {kind, detected, valid, findings} as JSON

Exit status: 0 no error finding, 1 one or more error findings (or a directory signature that does not
verify), 2 usage or I/O error.`;

interface Options {
  input: string;
  kind?: Kind;
  spec?: SpecVersion;
  federationKey?: string;
  json: boolean;
}

function parseArgs(args: string[]): Options | { error: string } | 'help' {
  let parsed;
  try {
    parsed = parseArgv(
      args,
      {
        '--help': 'boolean',
        '-h': 'boolean',
        '--json': 'boolean',
        '--kind': 'value',
        '--spec': 'value',
        '--federation-key': 'value',
      },
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
  const keyFile = parsed.values.get('--federation-key');
  if (keyFile !== undefined) {
    if (!keyFile) return { error: '--federation-key needs the path of a key file (PEM or JWK)' };
    options.federationKey = keyFile;
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
  let keyText: string | undefined;
  if (options.federationKey !== undefined) {
    try {
      keyText = await io.readInput(options.federationKey);
    } catch (error) {
      io.stderr(
        `ocm-explorer lint: cannot read the federation key "${options.federationKey}": ${(error as Error).message}`,
      );
      return 2;
    }
  }
  const linted = lintText(text, {
    ...(options.kind ? { kind: options.kind } : {}),
    ...(options.spec ? { spec: options.spec } : {}),
  });
  const signature =
    keyText !== undefined && linted.kind === 'directory' ? await checkDirectory(text, keyText) : undefined;
  const result = { ...linted, findings: findingsAfterKeyCheck(linted.findings, !!signature && !('none' in signature)) };
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
          ...(signature ? { signature } : {}),
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
    if (signature) io.stdout(signatureLine(signature));
    io.stdout(summary(result));
  }
  if (keyText !== undefined && linted.kind !== 'directory')
    io.stderr('ocm-explorer lint: --federation-key applies to a Directory Service document only; not used');
  return result.valid && !(signature && 'verified' in signature && !signature.verified) ? 0 : 1;
};

type SignatureVerdict = { verified: true; alg: string } | { verified: false; reason: string } | { none: string };

/** The directory's JWS checked with the federation key; the key comes out of band, so only the caller has it. */
async function checkDirectory(text: string, key: string): Promise<SignatureVerdict> {
  const reading = readDirectoryText(text);
  const none = nothingToVerify(reading);
  if (none !== undefined || !reading?.jws) return { none: none ?? 'no JWS' };
  const verdict = await verifyJws(reading.jws, key);
  return verdict.ok ? { verified: true, alg: verdict.alg } : { verified: false, reason: verdict.reason };
}

function signatureLine(s: SignatureVerdict): string {
  if ('none' in s) return `signature: nothing to verify: ${s.none}`;
  return s.verified ? `signature: verified with the federation key (${s.alg})` : `signature: NOT verified: ${s.reason}`;
}
