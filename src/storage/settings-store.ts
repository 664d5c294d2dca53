/**
 * Small per-browser settings. localStorage is enough for a handful of scalar choices; history and
 * received messages go to IndexedDB in their own versioned stores.
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
