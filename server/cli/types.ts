// What every ocm-explorer command shares, in a module of its own so commands do not import main.ts.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file path, or standard input for "-". */
  readInput: (pathOrDash: string) => Promise<string>;
  env: Record<string, string | undefined>;
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
