import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { safeParse } from 'zod/mini';
import { inboundRecordSchema, type InboundRecord, type Unreadable } from '../../src/contract/inbound.ts';
import { describeIssue, parseStoredJson, upgrade, type StoredFormat } from '../stored-format.ts';
import { appendPrivateFile, privateDir } from '../private-files.ts';

/**
 * Each line is a record with `"version"`; lines without one were written before versions were (format 1).
 * To change the record's shape, raise `current` and add the step from the previous version here.
 */
export const INBOX_LINE_FORMAT: StoredFormat = { current: 1, migrations: {} };

/** Reads one line of inbox.jsonl, in any format version this console knows. */
export function readInboxLine(line: string): { ok: true; record: InboundRecord } | { ok: false; error: string } {
  const json = parseStoredJson(line);
  if (!json.ok) return json;
  const upgraded = upgrade(INBOX_LINE_FORMAT, json.value);
  if (!upgraded.ok) return upgraded;
  const parsed = safeParse(inboundRecordSchema, upgraded.value);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, error: describeIssue(parsed.error.issues) };
}

/** A line that could not be read, and which file holds it now. */
interface UnreadableLine {
  raw: string;
  where: 'current' | 'rotated' | 'kept';
  error: string;
}

export interface InboxStoreOptions {
  /** Folder for inbox.jsonl (and its rotated predecessor inbox.1.jsonl); none keeps records in memory only. */
  dir?: string;
  /** Records kept in memory and replayable (oldest dropped first). */
  maxRecords?: number;
  /** Approximate bytes of records kept in memory (bodies dominate); oldest dropped first. */
  maxMemoryBytes?: number;
  /**
   * Size at which inbox.jsonl is rotated to inbox.1.jsonl (the older rotation is dropped, except its unreadable
   * lines, which are appended to inbox.unreadable.jsonl).
   */
  maxFileBytes?: number;
}

/** Rough in-memory weight of a record: its body text plus a fixed allowance for headers and verdicts. */
const weightOf = (r: InboundRecord) => r.body.data.length + 2_048;

/**
 * Received messages, appended to a JSON-lines file and kept in memory for listing and SSE replay.
 * A record is written when it arrives (stage 'received') and again when it has been answered; on
 * load, the later line for an id wins. Writes are synchronous so that what was received is on disk
 * before anything else can go wrong while handling it.
 *
 * A line that cannot be read back (broken, or from a newer console) is counted and reported, and stays on
 * disk: when rotation or clearing would delete its file, it is first appended to inbox.unreadable.jsonl.
 */
export class InboxStore {
  private readonly records: InboundRecord[] = [];
  private readonly byId = new Map<string, InboundRecord>();
  private nextSeq = 1;
  private readonly file?: string;
  private readonly rotated?: string;
  private readonly kept?: string;
  private readonly maxRecords: number;
  private readonly maxFileBytes: number;
  private readonly maxMemoryBytes: number;
  private memoryBytes = 0;
  private fileBytes = 0;
  /** Lines that could not be read back on load (corrupted or from a newer console), oldest first. */
  private readonly unreadableLines: UnreadableLine[] = [];

  constructor(options: InboxStoreOptions = {}) {
    this.maxRecords = options.maxRecords ?? 5_000;
    this.maxFileBytes = options.maxFileBytes ?? 64 * 1024 * 1024;
    this.maxMemoryBytes = options.maxMemoryBytes ?? 128 * 1024 * 1024;
    if (options.dir) {
      privateDir(options.dir);
      this.file = join(options.dir, 'inbox.jsonl');
      this.rotated = join(options.dir, 'inbox.1.jsonl');
      this.kept = join(options.dir, 'inbox.unreadable.jsonl');
      this.load();
    }
  }

  private load(): void {
    for (const [path, where] of [
      [this.kept!, 'kept'],
      [this.rotated!, 'rotated'],
      [this.file!, 'current'],
    ] as const) {
      if (!existsSync(path)) continue;
      const lines = readFileSync(path, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!line.trim()) return;
        const read = readInboxLine(line);
        // Lines set aside earlier stay set aside (and counted) even if this console could read them now.
        if (read.ok && where !== 'kept') return this.remember(read.record);
        const why = read.ok ? 'set aside by an earlier start' : read.error;
        this.unreadableLines.push({ raw: line, where, error: `line ${i + 1} of ${basename(path)}: ${why}` });
      });
    }
    this.fileBytes = existsSync(this.file!) ? statSync(this.file!).size : 0;
  }

  /**
   * Lines of the inbox files that could not be read at start-up, those set aside in inbox.unreadable.jsonl
   * included (deleting that file is how a user says they are done with them); undefined when there are none.
   */
  get unreadable(): Unreadable | undefined {
    const first = this.unreadableLines[0];
    if (!first) return undefined;
    const file = { current: this.file!, rotated: this.rotated!, kept: this.kept! }[first.where];
    return { count: this.unreadableLines.length, file, firstError: first.error };
  }

  /** Appends the unreadable lines of files about to be deleted to inbox.unreadable.jsonl. */
  private keepUnreadable(from: readonly UnreadableLine['where'][]): void {
    const moving = this.unreadableLines.filter((l) => from.includes(l.where));
    if (!moving.length) return;
    appendPrivateFile(this.kept!, moving.map((l) => `${l.raw}\n`).join(''));
    for (const l of moving) l.where = 'kept';
  }

  private remember(record: InboundRecord): void {
    const existing = this.byId.get(record.id);
    if (existing) {
      // Updates concern recent records: search from the end.
      this.records[this.records.lastIndexOf(existing)] = record;
      this.memoryBytes -= weightOf(existing);
    } else this.records.push(record);
    this.memoryBytes += weightOf(record);
    this.byId.set(record.id, record);
    this.nextSeq = Math.max(this.nextSeq, record.seq + 1);
    while (
      this.records.length > 1 &&
      (this.records.length > this.maxRecords || this.memoryBytes > this.maxMemoryBytes)
    ) {
      const dropped = this.records.shift()!;
      this.byId.delete(dropped.id);
      this.memoryBytes -= weightOf(dropped);
    }
  }

  private persist(record: InboundRecord): void {
    if (!this.file) return;
    const line = `${JSON.stringify({ version: INBOX_LINE_FORMAT.current, ...record })}\n`;
    if (this.fileBytes + line.length > this.maxFileBytes && this.fileBytes > 0) {
      this.keepUnreadable(['rotated']);
      renameSync(this.file, this.rotated!);
      for (const l of this.unreadableLines) if (l.where === 'current') l.where = 'rotated';
      this.fileBytes = 0;
    }
    appendPrivateFile(this.file, line);
    this.fileBytes += Buffer.byteLength(line);
  }

  /** Gives the record its sequence number and id, stores it, and returns it. */
  add(record: Omit<InboundRecord, 'id' | 'seq'>): InboundRecord {
    const seq = this.nextSeq++;
    const full: InboundRecord = { ...record, seq, id: `in-${seq}` };
    this.remember(full);
    this.persist(full);
    return full;
  }

  /** Replaces a stored record (same id) with its processed version. */
  update(record: InboundRecord): void {
    this.remember(record);
    this.persist(record);
  }

  get(id: string): InboundRecord | undefined {
    return this.byId.get(id);
  }

  /** Newest first. */
  list(limit = 200): InboundRecord[] {
    return this.records.slice(-limit).reverse();
  }

  /** Records with a sequence number above `seq`, oldest first (SSE replay after Last-Event-ID). */
  since(seq: number): InboundRecord[] {
    return this.records.filter((r) => r.seq > seq);
  }

  get size(): number {
    return this.records.length;
  }

  /** The highest sequence number handed out so far (0 when none). */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Forgets every record, in memory and on disk (an explicit user action); unreadable lines are kept aside. */
  clear(): void {
    this.records.length = 0;
    this.byId.clear();
    this.memoryBytes = 0;
    if (this.file) {
      this.keepUnreadable(['current', 'rotated']);
      for (const path of [this.file, this.rotated!]) rmSync(path, { force: true });
      this.fileBytes = 0;
    }
  }
}
