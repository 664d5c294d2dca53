/**
 * GET /api/health: what the console header shows about its server. Checked by hand rather than with a
 * schema library, so the first page load carries no validation code (the header is on every page).
 */
export interface HealthResponse {
  name: string;
  version: string;
  status: 'ok';
  mode: 'local' | 'public';
  startedAt: string;
  uptimeSeconds: number;
}

export function parseHealthResponse(value: unknown): HealthResponse | string {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const v = value as Record<string, unknown>;
  for (const field of ['name', 'version', 'startedAt'] as const)
    if (typeof v[field] !== 'string') return `${field} is not a string`;
  if (v.status !== 'ok') return 'status is not "ok"';
  if (v.mode !== 'local' && v.mode !== 'public') return 'mode is neither local nor public';
  if (typeof v.uptimeSeconds !== 'number' || !Number.isInteger(v.uptimeSeconds) || v.uptimeSeconds < 0)
    return 'uptimeSeconds is not a whole number of seconds';
  return v as unknown as HealthResponse;
}
