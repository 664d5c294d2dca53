import { Hono } from 'hono';
import type { DemoPeer } from '../../src/contract/demo.ts';
import type { DemoMesh } from '../demo-mesh/index.ts';
import { hostOf } from '../demo-mesh/peer-state.ts';
import { DEMO_CONTROL_HEADER } from '../demo-mesh/peer-app.ts';

/**
 * The console's window on its demo peers. The browser cannot call the peers itself (other origins,
 * and the console's CSP allows only its own), so it asks here; these routes call the peers over HTTP
 * like any client would.
 */
export function demoRoutes(mesh: DemoMesh | undefined): Hono {
  const app = new Hono();
  const peers = () =>
    (mesh?.peers ?? []).map(({ state }): DemoPeer => ({
      id: state.spec.id,
      name: state.spec.name,
      dialect: state.spec.dialect,
      origin: state.origin,
      users: state.spec.users.map((u) => `${u}@${hostOf(state)}`),
      keyId: state.keyId,
      faults: state.faults,
    }));
  app.get('/api/demo', (c) => c.json({ enabled: !!mesh, peers: peers() }));

  // Forwarded as-is to the peer's own control endpoints (send, faults, invites).
  const forward = (method: 'POST' | 'PUT', action: string) =>
    app.on(method, `/api/demo/:id/${action}`, async (c) => {
      const peer = mesh?.peers.find((p) => p.state.spec.id === c.req.param('id'));
      if (!peer)
        return c.json(
          { error: 'not-found', message: `No demo peer ${c.req.param('id')}${mesh ? '' : ' (the demo mesh is off)'}` },
          404,
        );
      const res = await fetch(`${peer.state.origin}/demo/${action}`, {
        method,
        body: await c.req.text(),
        headers: { 'content-type': 'application/json', [DEMO_CONTROL_HEADER]: mesh!.controlSecret },
      });
      return new Response(res.body, {
        status: res.status,
        headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' },
      });
    });
  forward('POST', 'send');
  forward('PUT', 'faults');
  forward('POST', 'invites');
  // What the peer received and how it answered (method, path, body, status, its signature verdict), and what
  // it did with the shares it accepted (code exchanged, file read).
  app.get('/api/demo/:id/received', async (c) => {
    const peer = mesh?.peers.find((p) => p.state.spec.id === c.req.param('id'));
    if (!peer) return c.json({ error: 'not-found', message: `No demo peer ${c.req.param('id')}` }, 404);
    return c.json({ received: peer.state.received, fetched: peer.state.fetched });
  });
  return app;
}
