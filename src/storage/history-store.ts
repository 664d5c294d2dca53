import { openDB, type IDBPDatabase } from 'idb';
import type { Exchange } from '../contract/exchange.ts';
import {
  checkRecord,
  HISTORY_FORMAT,
  HISTORY_PAGES,
  type HeldBackImport,
  type HistoryPage,
  type HistoryRecord,
  type HistorySource,
  type UnreadableRecord,
} from './history-record.ts';

/**
 * The browser's history of exchanges the console made for the user, in IndexedDB (through `idb`).
 *
 * Database version 1 kept format-1 records in the `exchanges` store: `{id, savedAt, page, exchange}`.
 * Version 2 keeps format-2 records in `records`, indexed by time, with what produced the exchange,
 * the lint findings of both bodies and a pin. Opening an older database moves every record over;
 * a record that cannot be read is kept where it was and counted, never dropped.
 */
export const HISTORY_DB_NAME = 'ocm-explorer-history';
export const HISTORY_DB_VERSION = 2;
export { HISTORY_FORMAT, HISTORY_PAGES };
export type { HeldBackImport, HistoryPage, HistoryRecord, HistorySource, UnreadableRecord };

/** Format 1, as version 1 of the database stored it. */
interface HistoryRecordV1 {
  id: string;
  savedAt: string;
  page: string;
  exchange: Exchange;
}

/**
 * Reads a stored record of any known format as the current one, checked field by field; what was wrong
 * and where when it cannot be read (and the request it holds, when that much reads).
 */
export function migrateRecord(
  raw: unknown,
): HistoryRecord | { unreadable: string; request?: UnreadableRecord['request'] } {
  if (typeof raw !== 'object' || raw === null) return { unreadable: 'not an object' };
  const r = raw as Record<string, unknown>;
  const exchange = r.exchange as Exchange | undefined;
  if (typeof r.id !== 'string') return { unreadable: 'no id' };
  const format = r.format ?? 1;
  if (format === 1) {
    if (!exchange || typeof exchange !== 'object' || typeof exchange.request?.url !== 'string')
      return { unreadable: `record ${r.id} holds no exchange` };
    const v1 = raw as HistoryRecordV1;
    const page = HISTORY_PAGES.includes(v1.page as HistoryPage) ? (v1.page as HistoryPage) : 'other';
    return checkRecord({
      format: HISTORY_FORMAT,
      id: v1.id,
      savedAt: typeof v1.savedAt === 'string' ? v1.savedAt : exchange.startedAt,
      // Fields later consoles added to an exchange, as the earliest ones meant them when they left them out.
      exchange: { signing: null, insecureTls: false, notes: [], ...(exchange as Partial<Exchange>) },
      source: { page },
      findings: { request: [], response: [] },
      pinned: false,
    });
  }
  if (format === HISTORY_FORMAT) return checkRecord(raw);
  return { unreadable: `record ${r.id} is format ${String(format)}, written by a newer console` };
}

export type HistoryProblem =
  { kind: 'unavailable'; message: string } | { kind: 'quota'; message: string } | { kind: 'blocked'; message: string };

/** Why history cannot be kept, in words a user can act on. */
export function explainStorageError(err: unknown): HistoryProblem {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError')
    return {
      kind: 'quota',
      message:
        "The browser's storage for this console is full: delete or export old history entries (pinned ones too), or allow this site more storage.",
    };
  if (name === 'HistoryBlocked')
    return {
      kind: 'blocked',
      message:
        'Another tab holds an older version of the history database open: close other OCM Explorer tabs and reload.',
    };
  return {
    kind: 'unavailable',
    message: `History cannot be kept in this browser (${(err as Error)?.message ?? String(err)}). Private windows and some privacy settings turn IndexedDB off; everything else works, but nothing is remembered after a reload.`,
  };
}

/** How many records are checked between two breaks for the page to handle input. */
const CHECK_SLICE = 500;

export class HistoryStore {
  private constructor(
    private readonly db: IDBPDatabase,
    /** Records an upgrade could not read, left in the old store. */
    readonly unreadable: { count: number; first?: string },
  ) {}

  /** Opens (creating or upgrading) the history database; throws a HistoryProblem-shaped error. */
  static async open(): Promise<HistoryStore> {
    const unreadable: { count: number; first?: string } = { count: 0 };
    let onBlocked: (err: Error) => void = () => undefined;
    // An older version open in another tab holds the upgrade back indefinitely: say so instead of waiting.
    const blocked = new Promise<never>((_, reject) => (onBlocked = reject));
    const opening = openDB(HISTORY_DB_NAME, HISTORY_DB_VERSION, {
      async upgrade(database, oldVersion, _newVersion, tx) {
        if (!database.objectStoreNames.contains('records')) {
          const records = database.createObjectStore('records', { keyPath: 'id' });
          records.createIndex('savedAt', 'savedAt');
        }
        if (oldVersion === 1 && database.objectStoreNames.contains('exchanges')) {
          const old = tx.objectStore('exchanges' as never);
          const records = tx.objectStore('records' as never);
          let cursor = await old.openCursor();
          while (cursor) {
            const migrated = migrateRecord(cursor.value);
            if ('unreadable' in migrated) {
              unreadable.count++;
              unreadable.first ??= migrated.unreadable;
            } else {
              await records.put(migrated);
              await cursor.delete();
            }
            cursor = await cursor.continue();
          }
          // The old store goes only when nothing is left in it: an unreadable record stays where it was.
          if ((await old.count()) === 0) database.deleteObjectStore('exchanges');
        }
      },
      blocked() {
        onBlocked(Object.assign(new Error('blocked by another tab'), { name: 'HistoryBlocked' }));
      },
      // A newer console in another tab wants to upgrade: let it, this tab's history stops working.
      blocking() {
        void opening.then((db) => db.close());
      },
    });
    const db = await Promise.race([opening, blocked]);
    if (db.objectStoreNames.contains('exchanges')) {
      unreadable.count = Math.max(unreadable.count, await db.count('exchanges'));
      unreadable.first ??= 'records of an earlier format that could not be read';
    }
    return new HistoryStore(db, unreadable);
  }

  /**
   * Every record, newest first, and every stored record that cannot be shown (a newer format, a field of
   * the wrong shape, a held-back import) with its key and why: listed, so each can be deleted on its own.
   * `unreadable` counts them, and the records an upgrade left in the old store.
   */
  async list(): Promise<{ records: HistoryRecord[]; unreadable: number; broken: UnreadableRecord[] }> {
    // The store, not the savedAt index: a record without a usable savedAt is missing from the index.
    const tx = this.db.transaction('records');
    const [values, keys] = await Promise.all([tx.store.getAll(), tx.store.getAllKeys(), tx.done]);
    const records: HistoryRecord[] = [];
    const broken: UnreadableRecord[] = [];
    for (const [i, value] of values.entries()) {
      // Checking a record takes some 50 µs: in slices, so a long history does not freeze the page.
      if (i > 0 && i % CHECK_SLICE === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      const read = migrateRecord(value);
      if (!('unreadable' in read)) records.push(read);
      else {
        const savedAt = (value as { savedAt?: unknown } | null)?.savedAt;
        broken.push({
          key: keys[i]!,
          problem: read.unreadable,
          ...(typeof savedAt === 'string' ? { savedAt } : {}),
          ...(read.request ? { request: read.request } : {}),
        });
      }
    }
    // Stable: records saved together stay in key order, as the savedAt index keeps them.
    records.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    // Held-back entries of one import share a time: they follow the file's order (entries[2] before [10]).
    broken.sort(
      (a, b) =>
        (b.savedAt ?? '').localeCompare(a.savedAt ?? '') || a.problem.localeCompare(b.problem, 'en', { numeric: true }),
    );
    return { records, unreadable: this.unreadable.count + broken.length, broken };
  }

  /** The newest records and how many there are: enough for a first screen without reading everything. */
  async recent(limit: number): Promise<{ records: HistoryRecord[]; total: number }> {
    const tx = this.db.transaction('records');
    const index = tx.store.index('savedAt');
    // Two small requests instead of one per record: jump to the limit-th newest time, then read from there.
    const cursor = await index.openKeyCursor(null, 'prev');
    const edge = cursor && limit > 1 ? await cursor.advance(limit - 1) : cursor;
    const raw = edge ? await index.getAll(IDBKeyRange.lowerBound(edge.key)) : await index.getAll();
    const records: HistoryRecord[] = [];
    for (const value of raw.reverse()) {
      const read = migrateRecord(value);
      if (!('unreadable' in read)) records.push(read);
    }
    return { records: records.slice(0, limit), total: await tx.store.count() };
  }

  async get(id: string): Promise<HistoryRecord | undefined> {
    const read = migrateRecord(await this.db.get('records', id));
    return 'unreadable' in read ? undefined : read;
  }

  async put(record: HistoryRecord): Promise<void> {
    await this.db.put('records', record);
  }

  /** Stores records, and held-back imports beside them (listed as unreadable until deleted). */
  async putMany(records: readonly (HistoryRecord | HeldBackImport)[]): Promise<void> {
    const tx = this.db.transaction('records', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(r)), tx.done]);
  }

  /** Deletes records by key, readable or not; returns the readable ones, for undo. */
  async delete(ids: readonly IDBValidKey[]): Promise<HistoryRecord[]> {
    const tx = this.db.transaction('records', 'readwrite');
    const removed: HistoryRecord[] = [];
    for (const id of ids) {
      const read = migrateRecord(await tx.store.get(id));
      if (!('unreadable' in read)) removed.push(read);
      await tx.store.delete(id);
    }
    await tx.done;
    return removed;
  }

  /** Deletes every record but the pinned ones; returns what it deleted, for undo. */
  async clear(): Promise<HistoryRecord[]> {
    const { records } = await this.list();
    return this.delete(records.filter((r) => !r.pinned).map((r) => r.id));
  }

  close(): void {
    this.db.close();
  }
}
