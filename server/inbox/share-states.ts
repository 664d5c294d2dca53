import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Unreadable } from '../../src/contract/inbound.ts';
import { trackedShareSchema, type TrackedShare } from '../../src/contract/share-states.ts';
import { describeIssue, parseStoredJson, upgrade, type StoredFormat } from '../stored-format.ts';

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
  private readonly file?: string;
  private readonly unreadableEntries: unknown[] = [];
  private firstError?: string;
  private writable = true;

  constructor(dir?: string) {
    if (!dir) return;
    this.file = join(dir, 'share-states.json');
    if (existsSync(this.file)) this.load(readFileSync(this.file, 'utf8'));
  }

  private load(text: string): void {
    const json = parseStoredJson(text);
    const upgraded = json.ok ? upgrade(SHARE_STATES_FORMAT, json.value) : json;
    const list = upgraded.ok ? upgraded.value.shares : undefined;
    if (!Array.isArray(list)) {
      this.writable = false;
      const why = upgraded.ok ? 'it has no list of shares' : upgraded.error;
      this.firstError = `the whole file: ${why}; share states are kept in memory only until it is fixed or moved away`;
      return;
    }
    list.forEach((entry, i) => {
      const read = z.safeParse(trackedShareSchema, entry);
      if (read.success) this.entries.set(keyOf(read.data.side, read.data.key), read.data);
      else {
        this.unreadableEntries.push(entry);
        this.firstError ??= `entry ${i + 1}: ${describeIssue(read.error.issues)}`;
      }
    });
  }

  get unreadable(): Unreadable | undefined {
    if (!this.file || this.firstError === undefined) return undefined;
    return { count: this.writable ? this.unreadableEntries.length : 1, file: this.file, firstError: this.firstError };
  }

  private save(): void {
    if (!this.file || !this.writable) return;
    mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
    const data = {
      version: SHARE_STATES_FORMAT.current,
      shares: [...this.entries.values(), ...this.unreadableEntries],
    };
    writeFileSync(`${this.file}.tmp`, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
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
