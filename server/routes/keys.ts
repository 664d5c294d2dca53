import { Hono, type Context } from 'hono';
import { KeyStoreError, type KeyStore, type KeyUse } from '../identity/key-store.ts';
import type { GenerateKind } from '../../src/signing/index.ts';

const USES: KeyUse[] = ['rfc9421', 'cavage'];
const KINDS: GenerateKind[] = [
  'ed25519',
  'ecdsa-p256-sha256',
  'ecdsa-p384-sha384',
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
];

async function body(c: Context): Promise<Record<string, unknown>> {
  try {
    const value: unknown = await c.req.json();
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * /api/keys: the console's signing keys. Lists show public parts only; a private key leaves the
 * server only through POST /api/keys/:kid/export with {"confirm": "export private key"}.
 */
export function keyRoutes(
  keys: Promise<KeyStore>,
  options: { exportPrivate: boolean } = { exportPrivate: true },
): Hono {
  const app = new Hono();
  const guard = async (c: Context, action: (store: KeyStore) => Promise<Response>) => {
    try {
      return await action(await keys);
    } catch (err) {
      if (err instanceof KeyStoreError) return c.json({ error: 'bad-request', message: err.message }, 400);
      throw err;
    }
  };
  const list = async (store: KeyStore) => Promise.all(store.all().map((k) => store.info(k)));

  app.get('/api/keys', (c) => guard(c, async (store) => c.json({ keys: await list(store) })));
  app.post('/api/keys', (c) =>
    guard(c, async (store) => {
      const { use, kind } = await body(c);
      if (!USES.includes(use as KeyUse))
        return c.json({ error: 'bad-request', message: `"use" must be one of ${USES.join(', ')}` }, 400);
      if (kind !== undefined && !KINDS.includes(kind as GenerateKind))
        return c.json({ error: 'bad-request', message: `"kind" must be one of ${KINDS.join(', ')}` }, 400);
      const key = await store.generate(use as KeyUse, kind as GenerateKind | undefined);
      return c.json(await store.info(key), 201);
    }),
  );
  app.post('/api/keys/import', (c) =>
    guard(c, async (store) => {
      const { use, key, kid } = await body(c);
      if (!USES.includes(use as KeyUse))
        return c.json({ error: 'bad-request', message: `"use" must be one of ${USES.join(', ')}` }, 400);
      if (typeof key !== 'string')
        return c.json({ error: 'bad-request', message: '"key" must be the private key as PEM or JWK text' }, 400);
      const stored = await store.import(key, use as KeyUse, typeof kid === 'string' && kid ? kid : undefined);
      return c.json(await store.info(stored), 201);
    }),
  );
  app.post('/api/keys/rotate', (c) =>
    guard(c, async (store) => {
      const { use } = await body(c);
      if (!USES.includes(use as KeyUse))
        return c.json({ error: 'bad-request', message: `"use" must be one of ${USES.join(', ')}` }, 400);
      return c.json(await store.info(await store.rotate(use as KeyUse)), 201);
    }),
  );
  app.delete('/api/keys/:kid', (c) =>
    guard(c, async (store) => {
      store.delete(c.req.param('kid'));
      return c.json({ deleted: c.req.param('kid') });
    }),
  );
  app.post('/api/keys/:kid/export', (c) =>
    guard(c, async (store) => {
      if (!options.exportPrivate) {
        return c.json(
          {
            error: 'forbidden',
            message: 'A public console never hands out its private keys. Run the console locally to export a key.',
          },
          403,
        );
      }
      const { confirm } = await body(c);
      if (confirm !== 'export private key') {
        return c.json(
          {
            error: 'confirmation-required',
            message: 'Exporting a private key needs {"confirm": "export private key"} in the body.',
          },
          400,
        );
      }
      c.header('cache-control', 'no-store');
      return c.json({ kid: c.req.param('kid'), privateKeyPem: await store.exportPrivatePem(c.req.param('kid')) });
    }),
  );
  return app;
}
