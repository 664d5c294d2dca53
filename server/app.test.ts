import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { defaultServerConfig } from './config.ts';
import { parseHealthResponse } from '../src/contract/health.ts';

const app = createApp({ config: defaultServerConfig(), startedAt: new Date(Date.now() - 90_000), persist: false });

describe('server app', () => {
  it('answers /api/health with version and uptime', async () => {
    const res = await app.request('http://127.0.0.1:8080/api/health');
    expect(res.status).toBe(200);
    const body = parseHealthResponse(await res.json());
    if (typeof body === 'string') throw new Error(body);
    expect(body.name).toBe('ocm-explorer');
    expect(body.mode).toBe('local');
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(90);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it.each(['evil.example', 'evil.example:8080', '127.0.0.1.nip.io', ''])(
    'refuses the foreign Host header %j with 403',
    async (host) => {
      const res = await app.request('/api/health', { headers: { host } });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'forbidden-host' });
    },
  );

  it.each(['localhost:5173', '127.0.0.1', '[::1]:8080', 'LOCALHOST:1'])(
    'accepts the loopback Host header %j',
    async (host) => {
      const res = await app.request('/api/health', { headers: { host } });
      expect(res.status).toBe(200);
    },
  );

  it('accepts the public URL host and configured extra hosts', async () => {
    const exposed = createApp({
      config: defaultServerConfig({ publicUrl: 'https://ocm.lab.example/', allowedHosts: ['tunnel.example:443'] }),
      startedAt: new Date(),
      persist: false,
    });
    expect((await exposed.request('/api/health', { headers: { host: 'ocm.lab.example' } })).status).toBe(200);
    expect((await exposed.request('/api/health', { headers: { host: 'tunnel.example' } })).status).toBe(200);
    expect((await exposed.request('/api/health', { headers: { host: 'other.example' } })).status).toBe(403);
  });

  it('answers unknown API paths with a JSON 404 that names the route', async () => {
    const res = await app.request('http://127.0.0.1/api/nope', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not-found', message: 'No API route POST /api/nope' });
  });
});
