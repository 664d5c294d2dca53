import { Hono } from 'hono';
import type { HealthResponse } from '../../src/contract/health.ts';
import { SERVER_NAME, SERVER_VERSION } from '../version.ts';

export function healthRoutes(options: { startedAt: Date; mode: 'local' | 'public' }): Hono {
  const app = new Hono();
  app.get('/api/health', (c) => {
    const body: HealthResponse = {
      name: SERVER_NAME,
      version: SERVER_VERSION,
      status: 'ok',
      mode: options.mode,
      startedAt: options.startedAt.toISOString(),
      uptimeSeconds: Math.floor((Date.now() - options.startedAt.getTime()) / 1000),
    };
    c.header('cache-control', 'no-store');
    return c.json(body);
  });
  return app;
}
