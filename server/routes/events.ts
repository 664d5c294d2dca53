import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { InboundRecord } from '../../src/contract/inbound.ts';
import type { BusEvent, EventBus } from '../inbox/event-bus.ts';
import { listPage } from '../inbox/list-page.ts';
import type { InboxStore } from '../inbox/store.ts';

/**
 * What a fresh (or too-late) client gets in its `reset` event: the newest page of the list, records as
 * lists show them (large bodies cut); the browser asks /api/inbox for older pages and whole records.
 */
const RESET_PAGE = { limit: 50, maxBytes: 256 * 1024 };

/**
 * GET /api/events: Server-Sent Events for the browser. A new client first gets `reset` with the
 * newest page of records; a reconnecting one (Last-Event-ID) gets exactly the events it missed, or `reset`
 * when they are no longer available. Then `inbound` events live, and a `ping` comment every 15 s.
 */
export function eventRoutes(
  store: InboxStore,
  bus: EventBus<InboundRecord>,
  options: {
    pingMs?: number;
    /**
     * Watches the credential the stream was opened with: calls `ended` when it no longer holds (sign-out,
     * expiry) and returns a function that stops watching. A stream must not outlive the session that opened it.
     */
    watchCredential?: (c: Context, ended: () => void) => () => void;
  } = {},
): Hono {
  const pingMs = options.pingMs ?? 15_000;
  const app = new Hono();
  app.get('/api/events', (c) => {
    c.header('x-accel-buffering', 'no');
    c.header('cache-control', 'no-store');
    return streamSSE(c, async (stream) => {
      const queue: BusEvent<InboundRecord>[] = [];
      let wake: (() => void) | null = null;
      const unsubscribe = bus.subscribe((event) => {
        queue.push(event);
        wake?.();
      });
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        unwatch();
        wake?.();
      };
      let unwatch: () => void = () => undefined;
      stream.onAbort(close);
      unwatch = options.watchCredential?.(c, close) ?? unwatch;
      if (!open) return;

      const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
      const missed = lastEventId ? bus.eventsAfter(lastEventId) : null;
      if (missed) {
        const replayed = new Set(missed.map((e) => e.id));
        // Anything published between subscribing and replaying is in both lists: keep one copy.
        for (let i = queue.length - 1; i >= 0; i--) if (replayed.has(queue[i]!.id)) queue.splice(i, 1);
        for (const e of missed) await stream.writeSSE({ id: e.id, event: e.type, data: JSON.stringify(e.data) });
      } else {
        const newest = queue.at(-1)?.id;
        queue.length = 0;
        await stream.writeSSE({
          ...(newest ? { id: newest } : {}),
          event: 'reset',
          data: JSON.stringify({ ...listPage(store, RESET_PAGE), bootId: bus.bootId }),
        });
      }

      while (open) {
        while (queue.length && open) {
          const e = queue.shift()!;
          await stream.writeSSE({ id: e.id, event: e.type, data: JSON.stringify(e.data) });
        }
        if (!open) break;
        const timer = new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, pingMs);
        });
        await timer;
        wake = null;
        if (open && !queue.length) await stream.write(': ping\n\n');
      }
    });
  });
  return app;
}
