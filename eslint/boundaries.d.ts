export function zoneOf(absPath: string): { rel: string; top: string; area?: string; feature?: string };
export function checkImport(fileAbs: string, spec: string): string | null;
export const boundariesPlugin: unknown;
