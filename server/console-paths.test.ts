import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { defaultServerConfig } from './config.ts';
import { answeredOutsideInbox } from './console-paths.ts';
import { KeyStore } from './identity/key-store.ts';
import { createInbox } from './inbox/index.ts';
import { identityRoutes } from './routes/identity.ts';
import { inboundRoutes } from './routes/inbound.ts';

describe("the console's own paths under /ocm", () => {
  it('leaves the JWKS and the shared files to their rooms, and everything else to the inbox', () => {
    expect(answeredOutsideInbox('GET', '/ocm/jwks')).toBe(true);
    expect(answeredOutsideInbox('POST', '/ocm/jwks')).toBe(false);
    expect(answeredOutsideInbox('PROPFIND', '/ocm/webdav/abc')).toBe(true);
    expect(answeredOutsideInbox('POST', '/ocm/webdav/abc')).toBe(false);
    expect(answeredOutsideInbox('GET', '/ocm/webdav/')).toBe(false);
    expect(answeredOutsideInbox('GET', '/ocm/webdav/a/b')).toBe(false);
    expect(answeredOutsideInbox('GET', '/ocm/other')).toBe(false);
  });

  it('serves the JWKS whichever room is mounted first, and the inbox records nothing for it', async () => {
    const config = defaultServerConfig();
    const inbox = createInbox(config, { persist: false });
    const keys = KeyStore.open(undefined, { kidPrefix: '127.0.0.1:8080' });
    const app = new Hono();
    app.route('/', inboundRoutes(inbox));
    app.route(
      '/',
      identityRoutes(keys, () => 'http://127.0.0.1:8080'),
    );
    const res = await app.request('http://127.0.0.1:8080/ocm/jwks');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { keys: unknown[] }).keys.length).toBeGreaterThan(0);
    expect(inbox.store.list()).toEqual([]);
    await app.request('http://127.0.0.1:8080/ocm/somewhere', { method: 'POST', body: '{}' });
    expect(inbox.store.list()).toHaveLength(1);
  });
});

describe('createApp', () => {
  it('does not change the inbox it is given', () => {
    const config = defaultServerConfig();
    const inbox = createInbox(config, { persist: false });
    const before = { ...inbox };
    createApp({ config, startedAt: new Date(), inbox, persist: false });
    expect(inbox).toEqual(before);
    expect(inbox.verify).toBeUndefined();
    expect(inbox.exchangeCode).toBeUndefined();
  });
});
