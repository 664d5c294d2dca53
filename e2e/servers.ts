// Where the journeys' two consoles listen; scripts/e2e.mjs picks free ports and a fresh token per run.
export const CONSOLE_PORT = Number(process.env.E2E_PORT ?? 4173);
export const PUBLIC_CONSOLE_PORT = Number(process.env.E2E_PUBLIC_PORT ?? CONSOLE_PORT + 10);
export const PUBLIC_CONSOLE_URL = `http://127.0.0.1:${PUBLIC_CONSOLE_PORT}`;
export const PUBLIC_ACCESS_TOKEN = process.env.E2E_PUBLIC_TOKEN ?? 'e2e-public-console-access-token';
