import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { safeParse } from 'zod/mini';
import { inboundRecordSchema, type InboundRecord } from '../../src/contract/inbound.ts';

export interface InboxStoreOptions {
  /** Folder for inbox.jsonl (and its rotated predecessor inbox.1.jsonl); none keeps records in memory only. */
  dir?: string;
  /** Records kept in memory and replayable (oldest dropped first). */
  maxRecords?: number;
  /** Approximate bytes of records kept in memory (bodies dominate); oldest dropped first. */
  maxMemoryBytes?: number;
  /** Size at which inbox.jsonl is rotated to inbox.1.jsonl (the older rotation is dropped). */
  maxFileBytes?: number;
}

/** Rough in-memory weight of a record: its body text plus a fixed allowance for headers and verdicts. */
const weightOf = (r: InboundRecord) => r.body.data.length + 2_048;

/**
 * Received messages, appended to a JSON-lines file and kept in memory for listing and SSE replay.
 * A record is written when it arrives (stage 'received') and again when it has been answered; on
 * load, the later line for an id wins. Writes are synchronous so that what was received is on disk
 * before anything else can go wrong while handling it.
 */
export class InboxStore {
  private readonly records: InboundRecord[] = [];
  private readonly byId = new Map<string, InboundRecord>();
  private nextSeq = 1;
  private readonly file?: string;
  private readonly rotated?: string;
  private readonly maxRecords: number;
  private readonly maxFileBytes: number;
  private readonly maxMemoryBytes: number;
  private memoryBytes = 0;
  private fileBytes = 0;
  /** Lines that could not be read back on load (corrupted or from an incompatible version). */
  readonly skippedOnLoad: number = 0;

  constructor(options: InboxStoreOptions = {}) {
    this.maxRecords = options.maxRecords ?? 5_000;
    this.maxFileBytes = options.maxFileBytes ?? 64 * 1024 * 1024;
    this.maxMemoryBytes = options.maxMemoryBytes ?? 128 * 1024 * 1024;
    if (options.dir) {
      mkdirSync(options.dir, { recursive: true, mode: 0o700 });
      this.file = join(options.dir, 'inbox.jsonl');
      this.rotated = join(options.dir, 'inbox.1.jsonl');
      this.skippedOnLoad = this.load();
    }
  }

  private load(): number {
    let skipped = 0;
    for (const path of [this.rotated!, this.file!]) {
      if (!existsSync(path)) continue;
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          skipped++;
          continue;
        }
        const parsed = safeParse(inboundRecordSchema, value);
        if (!parsed.success) {
          skipped++;
          continue;
        }
        this.remember(parsed.data);
      }
    }
    this.fileBytes = existsSync(this.file!) ? statSync(this.file!).size : 0;
    return skipped;
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
    const line = `${JSON.stringify(record)}\n`;
    if (this.fileBytes + line.length > this.maxFileBytes && this.fileBytes > 0) {
      renameSync(this.file, this.rotated!);
      this.fileBytes = 0;
    }
    appendFileSync(this.file, line, { mode: 0o600 });
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

  /** Forgets everything, in memory and on disk (an explicit user action). */
  clear(): void {
    this.records.length = 0;
    this.byId.clear();
    this.memoryBytes = 0;
    if (this.file) {
      for (const path of [this.file, this.rotated!]) rmSync(path, { force: true });
      this.fileBytes = 0;
    }
  }
}
