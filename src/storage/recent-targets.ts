/** The targets a user discovered recently, newest first, in this browser only (versioned key). */
const KEY = 'ocm-explorer.recent-targets.v1';
const MAX = 8;

export function loadRecentTargets(): string[] {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberTarget(target: string): string[] {
  const next = [target, ...loadRecentTargets().filter((t) => t !== target)].slice(0, MAX);
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage may be off; the list then lasts for this page only.
  }
  return next;
}
