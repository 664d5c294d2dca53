/**
 * The `ocm-explorer` command. Each subcommand lives in its own module, loaded only when used.
 * Exit codes: 0 success, 1 a negative result (findings with errors, a signature that does not
 * verify, a failed check), 2 usage or I/O error (message on stderr).
 */
import type { CliCommand, CliIo } from './types.ts';

interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

const COMMANDS: Record<string, CommandEntry> = {
  serve: {
    summary: 'start the console and its server (same options as npm start)',
    load: async () => (await import('./serve.ts')).serveCommand,
  },
  sign: {
    summary: 'sign an HTTP message (RFC 9421, OCM profile, or draft-cavage)',
    load: async () => (await import('./sign.ts')).signCommand,
  },
  verify: {
    summary: 'verify a signed HTTP message and say why it fails',
    load: async () => (await import('./verify.ts')).verifyCommand,
  },
  lint: {
    summary: 'check an OCM document (discovery, share, notification…) against its spec version',
    load: async () => (await import('./lint.ts')).lintCommand,
  },
  discover: {
    summary: "fetch an OCM server's discovery, with detection and lint",
    load: async () => (await import('./discover.ts')).discoverCommand,
  },
  check: {
    summary: 'grade an OCM server (discovery, keys, signature policy, validation, token endpoint)',
    load: async () => (await import('./check.ts')).checkCommand,
  },
  interop: {
    summary: 'the interop report of a peer (flows run, deviations named), from a running console or alone',
    load: async () => (await import('./interop.ts')).interopCommand,
  },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `Usage: ocm-explorer <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun ocm-explorer <command> --help for a command's options.`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // Same signatures as WebCrypto, faster: Node's own crypto under the signing core.
  const { installSignatureEngine } = await import('../../src/signing/index.ts');
  const { nodeSignatureEngine } = await import('../signer/node-engine.ts');
  installSignatureEngine(nodeSignatureEngine);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`ocm-explorer: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  return command(rest, io);
}

export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    readInput: async (pathOrDash) => {
      const { readFile } = await import('node:fs/promises');
      if (pathOrDash !== '-') return readFile(pathOrDash, 'utf8');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
  };
}

const isMain =
  process.argv[1] &&
  (await import('node:url')).fileURLToPath(import.meta.url) === (await import('node:path')).resolve(process.argv[1]);
if (isMain) {
  const code = await runCli(process.argv.slice(2), nodeIo());
  // Let stdout drain before leaving (piped output is asynchronous).
  process.exitCode = code;
}
