import { appendFileSync, chmodSync, lstatSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Data files hold keys, secrets and what peers sent: the user's alone. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/**
 * The files the console keeps in its data folder, relative to it. Only these are checked at start-up: the folder
 * may be one the user also keeps other things in. The TLS certificate is public and left as it is.
 */
export const DATA_FILES = [
  'keys.json',
  'inbox.jsonl',
  'inbox.1.jsonl',
  'inbox.unreadable.jsonl',
  'inbox-policies.json',
  'shares.json',
  'invites.json',
  'share-states.json',
  'tls/console.key',
] as const;
const DATA_DIRS = ['.', 'tls'] as const;

/**
 * Narrows a path's permission bits to at most `mode` (a restored backup or an older console may have left them
 * wider); answers the mode it had when it changed it. A missing path or a symbolic link is left alone.
 */
export function tighten(path: string, mode: number): number | undefined {
  let current: number;
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return undefined;
    current = stat.mode & 0o777;
  } catch {
    return undefined;
  }
  if ((current & ~mode) === 0) return undefined;
  chmodSync(path, current & mode);
  return current;
}

/** Makes the folder when missing, and re-checks that it is 0700. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  tighten(dir, DIR_MODE);
}

/** Writes a whole file, privately (0600, in a 0700 folder) and atomically: a temporary file, then a rename. */
export function writePrivateFile(file: string, data: string): void {
  privateDir(dirname(file));
  const temp = `${file}.tmp`;
  writeFileSync(temp, data, { mode: FILE_MODE });
  // A temporary file left by a crash keeps its mode when written again.
  tighten(temp, FILE_MODE);
  renameSync(temp, file);
}

/** Appends to a file kept private: made 0600, and it and its folder re-checked after every write. */
export function appendPrivateFile(file: string, data: string): void {
  appendFileSync(file, data, { mode: FILE_MODE });
  tighten(file, FILE_MODE);
  tighten(dirname(file), DIR_MODE);
}

const octal = (mode: number) => `0${mode.toString(8).padStart(3, '0')}`;

/**
 * On start: the data folder (and its tls folder) to 0700 and each data file to 0600. Answers one line per path
 * whose mode was narrowed, for the start-up output.
 */
export function tightenDataDir(dataDir: string): string[] {
  const lines: string[] = [];
  const check = (path: string, mode: number) => {
    const was = tighten(path, mode);
    if (was !== undefined) lines.push(`data folder: ${path} was ${octal(was)}, now ${octal(was & mode)} (yours alone)`);
  };
  for (const dir of DATA_DIRS) check(join(dataDir, dir), DIR_MODE);
  for (const file of DATA_FILES) check(join(dataDir, file), FILE_MODE);
  return lines;
}
