/**
 * Small per-browser settings. localStorage is enough for a handful of scalar choices (compose drafts and
 * recent targets sit beside them, under versioned keys). Received messages are kept by the server, in its
 * data folder; nothing uses IndexedDB yet (the history of sent exchanges, when built, is meant to).
 */
export type ThemeChoice = 'light' | 'dark' | 'system';

const THEME_KEY = 'ocm-explorer.theme';

export function loadThemeChoice(): ThemeChoice {
  try {
    const value = globalThis.localStorage?.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' || value === 'system' ? value : 'system';
  } catch {
    return 'system';
  }
}

export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    globalThis.localStorage?.setItem(THEME_KEY, choice);
  } catch {
    // Storage can be disabled (private mode, quota); the choice then lasts for this page only.
  }
}
