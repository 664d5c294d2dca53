import { randomUUID } from 'node:crypto';

export interface BusEvent<T> {
  /** `<boot id>:<counter>`: a reconnecting browser's Last-Event-ID tells whether it saw this run's events. */
  id: string;
  type: string;
  data: T;
}

/**
 * In-process publish/subscribe with a ring of recent events, so an SSE client that reconnects
 * with Last-Event-ID gets exactly what it missed, or is told to start over when that is gone.
 */
export class EventBus<T> {
  readonly bootId = randomUUID().slice(0, 8);
  private counter = 0;
  private readonly ring: BusEvent<T>[] = [];
  private readonly subscribers = new Set<(event: BusEvent<T>) => void>();

  constructor(private readonly ringSize = 5_000) {}

  publish(type: string, data: T): BusEvent<T> {
    const event = { id: `${this.bootId}:${++this.counter}`, type, data };
    this.ring.push(event);
    if (this.ring.length > this.ringSize) this.ring.shift();
    for (const fn of this.subscribers) {
      try {
        fn(event);
      } catch {
        // One broken subscriber (a closed stream) must not stop delivery to the others.
      }
    }
    return event;
  }

  subscribe(fn: (event: BusEvent<T>) => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /**
   * Events after `lastEventId`, oldest first; null when they cannot all be replayed (another run of
   * the server, or older than the ring), in which case the client must reload its state.
   */
  eventsAfter(lastEventId: string): BusEvent<T>[] | null {
    const [boot, n] = lastEventId.split(':');
    const seen = Number(n);
    if (boot !== this.bootId || !Number.isInteger(seen) || seen > this.counter) return null;
    const oldest = this.ring[0] ? Number(this.ring[0].id.split(':')[1]) : this.counter + 1;
    if (seen + 1 < oldest) return null;
    return this.ring.filter((e) => Number(e.id.split(':')[1]) > seen);
  }
}
