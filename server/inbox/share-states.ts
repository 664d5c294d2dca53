import type { Unreadable } from '../../src/contract/inbound.ts';
import { trackedShareSchema, type TrackedShare } from '../../src/contract/share-states.ts';
import type { StoredFormat } from '../stored-format.ts';
import { StoredListFile } from '../stored-list-file.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * share-states.json is `{"version": 2, "shares": [...]}`. Format 2 says how each sent share was made
 * (`how`: console or hand); in format 1 the console tracked only its own shares, so every sent entry of
 * format 1 is a console share. Entries that are not objects are left as they were, to be reported.
 */
export const SHARE_STATES_FORMAT: StoredFormat = {
  current: 2,
  migrations: {
    1: (value) => ({
      ...value,
      version: 2,
      shares: Array.isArray(value.shares)
        ? value.shares.map((s: unknown) =>
            isObject(s) && s.side === 'sent' && s.how === undefined ? { ...s, how: 'console' } : s,
          )
        : value.shares,
    }),
  },
};

const keyOf = (side: TrackedShare['side'], key: string) => `${side}:${key}`;

/**
 * The state of the shares and share requests the console has heard about, and the notifications linked to
 * each, in `<data dir>/share-states.json`, so a reload or a restart keeps them. Like shares.json: an entry
 * that cannot be read is counted, reported and written back as it was; a file that cannot be read at all is
 * never overwritten (states are then kept in memory only, and the report says so).
 */
export class ShareStateStore {
  private readonly entries = new Map<string, TrackedShare>();
  private readonly stored: StoredListFile<TrackedShare>;

  constructor(dir?: string) {
    this.stored = new StoredListFile({
      dir,
      fileName: 'share-states.json',
      format: SHARE_STATES_FORMAT,
      listKey: 'shares',
      schema: trackedShareSchema,
      entryLabel: 'entry',
      keptInMemory: 'share states',
    });
    for (const entry of this.stored.entries) this.entries.set(keyOf(entry.side, entry.key), entry);
  }

  get unreadable(): Unreadable | undefined {
    return this.stored.unreadable;
  }

  private save(): void {
    this.stored.save(this.entries.values());
  }

  get(side: TrackedShare['side'], key: string): TrackedShare | undefined {
    return this.entries.get(keyOf(side, key));
  }

  /** Received shares with this providerId, newest first. */
  receivedByProviderId(providerId: string): TrackedShare[] {
    return [...this.entries.values()].filter((e) => e.side === 'received' && e.providerId === providerId).reverse();
  }

  put(entry: TrackedShare): void {
    this.entries.set(keyOf(entry.side, entry.key), entry);
    this.save();
  }

  list(): TrackedShare[] {
    return [...this.entries.values()];
  }

  /** Forgets the states of received shares and requests (with the inbox they belong to); sent shares stay. */
  clearReceived(): void {
    for (const [k, e] of this.entries) if (e.side !== 'sent') this.entries.delete(k);
    this.save();
  }
}
