import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Unreadable } from '../src/contract/inbound.ts';
import { describeIssue, parseStoredJson, upgrade, type StoredFormat } from './stored-format.ts';
import { writePrivateFile } from './private-files.ts';

export interface StoredListOptions<T> {
  /** The data folder; without one nothing is read or written (tests, a console without a data dir). */
  dir?: string;
  fileName: string;
  format: StoredFormat;
  /** The file is `{"version": n, [listKey]: [...]}`. */
  listKey: string;
  schema: z.ZodMiniType<T>;
  /** How an entry is named in the first error ("share 3: …"). */
  entryLabel: string;
  /** What is kept in memory only when the file cannot be read at all ("new shares"). */
  keptInMemory: string;
  /** Files written before versions were a bare array: read it as `{[listKey]: [...]}`. */
  bareArrayIsVersionOne?: boolean;
}

/**
 * One versioned JSON list in the data folder (shares.json, invites.json, share-states.json), with the same
 * promise for each: an entry that cannot be read is counted, reported and written back as it was on every
 * save; a file that cannot be read at all (not JSON, written by a newer console) is never overwritten, and
 * the report says that changes are kept in memory only.
 */
export class StoredListFile<T> {
  /** The readable entries, in file order. */
  readonly entries: T[] = [];
  private readonly file?: string;
  private readonly unreadableEntries: unknown[] = [];
  private firstError?: string;
  /** False when the file cannot be read at all, so saving would destroy it. */
  private writable = true;

  constructor(private readonly options: StoredListOptions<T>) {
    if (!options.dir) return;
    this.file = join(options.dir, options.fileName);
    if (existsSync(this.file)) this.load(readFileSync(this.file, 'utf8'));
  }

  private load(text: string): void {
    const { format, listKey, schema, entryLabel, keptInMemory, bareArrayIsVersionOne } = this.options;
    const json = parseStoredJson(text);
    const upgraded = !json.ok
      ? json
      : upgrade(format, bareArrayIsVersionOne && Array.isArray(json.value) ? { [listKey]: json.value } : json.value);
    const list = upgraded.ok ? upgraded.value[listKey] : undefined;
    if (!Array.isArray(list)) {
      const why = upgraded.ok ? `it has no list of ${listKey}` : upgraded.error;
      this.writable = false;
      this.firstError = `the whole file: ${why}; ${keptInMemory} are kept in memory only until it is fixed or moved away`;
      return;
    }
    list.forEach((entry, i) => {
      const read = z.safeParse(schema, entry);
      if (read.success) this.entries.push(read.data);
      else {
        this.unreadableEntries.push(entry);
        this.firstError ??= `${entryLabel} ${i + 1}: ${describeIssue(read.error.issues)}`;
      }
    });
  }

  /** What could not be read at start-up; undefined when everything was. */
  get unreadable(): Unreadable | undefined {
    if (!this.file || this.firstError === undefined) return undefined;
    return { count: this.writable ? this.unreadableEntries.length : 1, file: this.file, firstError: this.firstError };
  }

  /** Writes these entries, then the unreadable ones as they were (atomically, 0600). */
  save(entries: Iterable<T>): void {
    if (!this.file || !this.writable) return;
    const data = {
      version: this.options.format.current,
      [this.options.listKey]: [...entries, ...this.unreadableEntries],
    };
    writePrivateFile(this.file, JSON.stringify(data, null, 2));
  }
}
