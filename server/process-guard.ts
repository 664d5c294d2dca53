/**
 * The last line of defence of a long-running console: an error nobody handled (a rejected promise, an
 * exception thrown from a callback) is logged in one line and the server keeps serving, instead of Node
 * ending the process, which would let any anonymous peer that finds such a path stop the console.
 */
export function installProcessGuard(log: (line: string) => void = (line) => console.error(line)): void {
  process.on('unhandledRejection', (reason) =>
    log(`ocm-explorer: unhandled rejection (still serving): ${brief(reason)}`),
  );
  process.on('uncaughtException', (err) => log(`ocm-explorer: uncaught exception (still serving): ${brief(err)}`));
}

/** The error's name and first line, short, with URL queries and bearer tokens left out. */
export function brief(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const text = error instanceof Error ? error.message : String(error);
  const line = (text.split('\n')[0] ?? '')
    .replace(/(https?:\/\/[^\s?#]*)[?#]\S*/gi, '$1?…')
    .replace(/\b(bearer|token|secret|password)(\s*[=:]\s*|\s+)\S+/gi, '$1$2…');
  return `${name}: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`;
}
