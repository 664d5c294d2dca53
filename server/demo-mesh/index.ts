import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { fetchNet, type PeerNet } from './net.ts';
import { createPeerApp } from './peer-app.ts';
import { createPeerState } from './peer-state.ts';
import type { PeerSpec, PeerState } from './types.ts';

/** The embedded mesh: two OCM servers of different dialects, each on its own loopback origin. */
export const DEMO_PEERS: PeerSpec[] = [
  { id: 'alpha', name: 'Alpha Cloud (OCM 1.5)', dialect: 'ocm-1.5', users: ['carol', 'dave'] },
  { id: 'legacy', name: 'Legacy Cloud (Nextcloud-like 1.1)', dialect: 'nextcloud-1.1', users: ['erin', 'frank'] },
];

export interface RunningPeer {
  state: PeerState;
  app: Hono;
}

export interface DemoMesh {
  peers: RunningPeer[];
  /** What the console sends in the peers' control header; made at start, never shown. */
  controlSecret: string;
  close(): Promise<void>;
}

function listen(fetch: Hono['fetch'], host: string, port: number): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: host, port }, (info) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
}

/**
 * Starts each demo peer on `host`, on the ports given (0 = any free port). A port already in use
 * falls back to a free one, so a second console on the same machine still gets its mesh.
 */
export async function startDemoMesh(
  options: { host?: string; ports?: number[]; net?: PeerNet } = {},
): Promise<DemoMesh> {
  const host = options.host ?? '127.0.0.1';
  const net = options.net ?? fetchNet();
  const peers: RunningPeer[] = [];
  const servers: ServerType[] = [];
  const controlSecret = randomBytes(24).toString('base64url');
  for (const [i, spec] of DEMO_PEERS.entries()) {
    // The app needs its origin (keys, discovery), which needs the port: route through a holder.
    let handler: Hono['fetch'] = () => new Response('starting', { status: 503 });
    const fetch: Hono['fetch'] = (req, env, ctx) => handler(req, env, ctx);
    let listening;
    try {
      listening = await listen(fetch, host, options.ports?.[i] ?? 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      listening = await listen(fetch, host, 0);
    }
    servers.push(listening.server);
    const state = await createPeerState(spec, `http://${host}:${listening.port}`);
    const app = createPeerApp(state, net, controlSecret);
    handler = app.fetch;
    peers.push({ state, app });
  }
  return {
    peers,
    controlSecret,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((done) => {
              if ('closeAllConnections' in s) s.closeAllConnections();
              s.close(() => done());
            }),
        ),
      ).then(() => undefined),
  };
}
