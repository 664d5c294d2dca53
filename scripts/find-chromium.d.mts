export function findChromium(env?: Record<string, string | undefined>): Promise<string | null>;
export const NO_BROWSER_MESSAGE: string;
