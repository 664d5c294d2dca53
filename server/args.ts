// The one command-line parser: the server's options (config.ts) and the ocm-explorer commands use it.

export class ArgumentError extends Error {}

/** A valued option (`--name value` or `--name=value`), a boolean one, or a list (repeatable, or comma-separated). */
export type ArgKind = 'value' | 'boolean' | 'list';

export interface ParsedArgv {
  /** Valued options, by name with its dashes ("--port"). The last one given wins. */
  values: Map<string, string>;
  /** List options, every value given in order. */
  lists: Map<string, string[]>;
  /** Boolean options: `--name` is true, `--name=0|false|no|off` false. */
  flags: Map<string, boolean>;
  /** Arguments that are not options, when the command takes some. */
  positionals: string[];
}

export interface ArgvMessages {
  unknown: (arg: string) => string;
  needsValue: (name: string) => string;
}

const DEFAULT_MESSAGES: ArgvMessages = {
  unknown: (arg) => `unknown option ${arg}`,
  needsValue: (name) => `${name} needs a value`,
};

export const TRUE_WORDS = /^(1|true|yes|on)$/i;

/** Splits a comma list, dropping blanks. */
export const commaList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads argv against the options a command knows; throws ArgumentError naming the first bad argument. */
export function parseArgv(
  argv: readonly string[],
  spec: Readonly<Record<string, ArgKind>>,
  options: { positionals?: boolean; messages?: Partial<ArgvMessages> } = {},
): ParsedArgv {
  const messages = { ...DEFAULT_MESSAGES, ...options.messages };
  const parsed: ParsedArgv = { values: new Map(), lists: new Map(), flags: new Map(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      if (!options.positionals) throw new ArgumentError(messages.unknown(arg));
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const [name, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!kind) throw new ArgumentError(messages.unknown(name));
    if (kind === 'boolean') {
      parsed.flags.set(name, inline === undefined ? true : TRUE_WORDS.test(inline));
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--')))
      throw new ArgumentError(messages.needsValue(name));
    if (kind === 'list') parsed.lists.set(name, [...(parsed.lists.get(name) ?? []), ...commaList(value)]);
    else parsed.values.set(name, value);
  }
  return parsed;
}
