/** Compose drafts per message kind, kept in this browser so a reload loses nothing (versioned key). */
const KEY = 'ocm-explorer.compose-drafts.v1';

function read(): Record<string, string> {
  try {
    const value: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function loadDraft(kind: string): string | undefined {
  const value = read()[kind];
  return typeof value === 'string' ? value : undefined;
}

export function saveDraft(kind: string, text: string): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...read(), [kind]: text }));
  } catch {
    // Storage may be full or off; the draft then lasts for this page only.
  }
}

export function clearDraft(kind: string): void {
  const all = read();
  delete all[kind];
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(all));
  } catch {
    // As above.
  }
}
