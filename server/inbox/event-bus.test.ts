import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus.ts';

describe('event bus replay', () => {
  it('replays exactly the events after Last-Event-ID', () => {
    const bus = new EventBus<number>();
    const ids = [1, 2, 3, 4].map((n) => bus.publish('inbound', n).id);
    expect(bus.eventsAfter(ids[1]!)!.map((e) => e.data)).toEqual([3, 4]);
    expect(bus.eventsAfter(ids[3]!)).toEqual([]);
  });

  it('asks for a reset when the id is from another run, unknown, or older than the ring', () => {
    const bus = new EventBus<number>(2);
    const ids = [1, 2, 3, 4].map((n) => bus.publish('inbound', n).id);
    expect(bus.eventsAfter('otherboot:1')).toBeNull();
    expect(bus.eventsAfter(`${bus.bootId}:99`)).toBeNull();
    expect(bus.eventsAfter('garbage')).toBeNull();
    expect(bus.eventsAfter(ids[0]!)).toBeNull(); // 2 fell out of the ring of two
    expect(bus.eventsAfter(ids[1]!)!.map((e) => e.data)).toEqual([3, 4]);
  });

  it('keeps delivering when one subscriber throws', () => {
    const bus = new EventBus<string>();
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error('closed stream');
    });
    bus.subscribe((e) => seen.push(e.data));
    bus.publish('inbound', 'a');
    expect(seen).toEqual(['a']);
  });
});
