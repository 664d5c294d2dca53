import { existsSync } from 'node:fs';

/**
 * The browser for end-to-end tests: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else one that
 * `npx playwright install chromium` put in Playwright's cache. Returns null when there is none.
 */
export async function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const NO_BROWSER_MESSAGE = `No Chromium found: the browser tests (the signing suite in Chromium and the end-to-end journeys) need one.
Install one of:
  apt-get install -y chromium          (Debian/Ubuntu, as root; found at /usr/bin/chromium)
  npx playwright install chromium      (Playwright's own build)
or point CHROMIUM_PATH at a Chromium or Chrome binary.`;
