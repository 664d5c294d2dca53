import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { safeParse } from 'zod/mini';
import { inboundRecordSchema, type InboundRecord, type Unreadable } from '../../src/contract/inbound.ts';
import { KeptRecords, type KeptLimits } from './kept-records.ts';
import { describeIssue, parseStoredJson, upgrade, type StoredFormat } from '../stored-format.ts';
import { appendPrivateFile, privateDir, writePrivateFile } from '../private-files.ts';

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

export interface InboxStoreOptions extends Partial<KeptLimits> {
  /** Folder for inbox.jsonl; none keeps records in memory only. */
  dir?: string;
  /**
   * inbox.jsonl is rewritten with only the records kept once it holds more than twice their bytes and more
   * than this (so a small inbox is not rewritten for every evicted record).
   */
  compactAtBytes?: number;
}

/** What the inbox keeps unless told otherwise (README, Security). */
export const INBOX_DEFAULTS: KeptLimits & { compactAtBytes: number } = {
  maxRecords: 5_000,
  maxBytes: 64 * 1024 * 1024,
  maxPeerRecords: 1_000,
  maxPeerBytes: 8 * 1024 * 1024,
  compactAtBytes: 1024 * 1024,
};

/** A record as one line of inbox.jsonl. */
const lineOf = (record: InboundRecord) => `${JSON.stringify({ version: INBOX_LINE_FORMAT.current, ...record })}\n`;

/**
 * Received messages, appended to a JSON-lines file and kept in memory for listing and SSE replay.
 * A record is written when it arrives (stage 'received') and again when it has been answered; on
 * load, the later line for an id wins. Writes are synchronous so that what was received is on disk
 * before anything else can go wrong while handling it.
 *
 * Each peer has a quota (see KeptRecords): a flooding peer pushes out its own older records, not other
 * peers'. The file follows the same rule: once it holds more than twice what is kept, it is rewritten with
 * the kept records only (an earlier console rotated to inbox.1.jsonl instead; that file is read, and folded
 * into inbox.jsonl at the first rewrite).
 *
 * A line that cannot be read back (broken, or from a newer console) is counted and reported, and stays on
 * disk: when a rewrite or clearing would delete it, it is first appended to inbox.unreadable.jsonl.
 */
export class InboxStore {
  private readonly kept: KeptRecords;
  private nextSeq = 1;
  private readonly file?: string;
  private readonly rotated?: string;
  private readonly aside?: string;
  private readonly compactAtBytes: number;
  /** Bytes of inbox.jsonl and inbox.1.jsonl. */
  private fileBytes = 0;
  /** Lines that could not be read back on load (corrupted or from a newer console), oldest first. */
  private readonly unreadableLines: UnreadableLine[] = [];

  constructor(options: InboxStoreOptions = {}) {
    const { dir, compactAtBytes, ...limits } = options;
    this.kept = new KeptRecords({ ...INBOX_DEFAULTS, ...definedOnly(limits) });
    this.compactAtBytes = compactAtBytes ?? INBOX_DEFAULTS.compactAtBytes;
    if (dir) {
      privateDir(dir);
      this.file = join(dir, 'inbox.jsonl');
      this.rotated = join(dir, 'inbox.1.jsonl');
      this.aside = join(dir, 'inbox.unreadable.jsonl');
      this.load();
    }
  }

  private load(): void {
    // A later line of a record already dropped (its peer's quota) does not bring it back, as in update().
    const seen = new Set<string>();
    for (const [path, where] of [
      [this.aside!, 'kept'],
      [this.rotated!, 'rotated'],
      [this.file!, 'current'],
    ] as const) {
      if (!existsSync(path)) continue;
      const text = readFileSync(path, 'utf8');
      if (where !== 'kept') this.fileBytes += Buffer.byteLength(text);
      text.split('\n').forEach((line, i) => {
        if (!line.trim()) return;
        const read = readInboxLine(line);
        // Lines set aside earlier stay set aside (and counted) even if this console could read them now.
        if (read.ok && where !== 'kept') {
          if (seen.has(read.record.id) && !this.kept.get(read.record.id)) return;
          seen.add(read.record.id);
          return this.remember(read.record, Buffer.byteLength(line) + 1);
        }
        const why = read.ok ? 'set aside by an earlier start' : read.error;
        this.unreadableLines.push({ raw: line, where, error: `line ${i + 1} of ${basename(path)}: ${why}` });
      });
    }
    this.compactIfDue();
  }

  /**
   * Lines of the inbox files that could not be read at start-up, those set aside in inbox.unreadable.jsonl
   * included (deleting that file is how a user says they are done with them); undefined when there are none.
   */
  get unreadable(): Unreadable | undefined {
    const first = this.unreadableLines[0];
    if (!first) return undefined;
    const file = { current: this.file!, rotated: this.rotated!, kept: this.aside! }[first.where];
    return { count: this.unreadableLines.length, file, firstError: first.error };
  }

  /** Appends the unreadable lines of files about to be deleted to inbox.unreadable.jsonl. */
  private keepUnreadable(from: readonly UnreadableLine['where'][]): void {
    const moving = this.unreadableLines.filter((l) => from.includes(l.where));
    if (!moving.length) return;
    appendPrivateFile(this.aside!, moving.map((l) => `${l.raw}\n`).join(''));
    for (const l of moving) l.where = 'kept';
  }

  private remember(record: InboundRecord, weight: number): void {
    this.kept.put(record, weight);
    this.nextSeq = Math.max(this.nextSeq, record.seq + 1);
  }

  /** Rewrites inbox.jsonl with the kept records once it holds more than twice their bytes. */
  private compactIfDue(): void {
    if (!this.file || this.fileBytes <= Math.max(this.compactAtBytes, 2 * this.kept.bytes)) return;
    this.keepUnreadable(['current', 'rotated']);
    const text = this.kept.all().map(lineOf).join('');
    // Written aside and renamed: a crash mid-write leaves the previous file whole.
    writePrivateFile(this.file, text);
    rmSync(this.rotated!, { force: true });
    this.fileBytes = Buffer.byteLength(text);
  }

  private persist(line: string): void {
    if (!this.file) return;
    appendPrivateFile(this.file, line);
    this.fileBytes += Buffer.byteLength(line);
    this.compactIfDue();
  }

  /** Gives the record its sequence number and id, stores it, and returns it. */
  add(record: Omit<InboundRecord, 'id' | 'seq'>): InboundRecord {
    const seq = this.nextSeq++;
    const full: InboundRecord = { ...record, seq, id: `in-${seq}` };
    this.keep(full);
    return full;
  }

  /**
   * Replaces a stored record (same id) with its processed version. One dropped meanwhile (its peer sent more
   * than its quota while it was being handled) stays dropped.
   */
  update(record: InboundRecord): void {
    if (this.kept.get(record.id)) this.keep(record);
  }

  private keep(record: InboundRecord): void {
    const line = lineOf(record);
    this.remember(record, Buffer.byteLength(line));
    this.persist(line);
  }

  get(id: string): InboundRecord | undefined {
    return this.kept.get(id);
  }

  /** Newest first, at most `limit`, only records older than sequence number `before` when given. */
  list(limit = 200, before = Infinity): InboundRecord[] {
    const page: InboundRecord[] = [];
    const all = this.kept.all();
    for (let i = all.length - 1; i >= 0 && page.length < limit; i--) if (all[i]!.seq < before) page.push(all[i]!);
    return page;
  }

  /** Records with a sequence number above `seq`, oldest first (SSE replay after Last-Event-ID). */
  since(seq: number): InboundRecord[] {
    return this.kept.all().filter((r) => r.seq > seq);
  }

  get size(): number {
    return this.kept.size;
  }

  /** The highest sequence number handed out so far (0 when none). */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Forgets every record, in memory and on disk (an explicit user action); unreadable lines are kept aside. */
  clear(): void {
    this.kept.clear();
    if (this.file) {
      this.keepUnreadable(['current', 'rotated']);
      for (const path of [this.file, this.rotated!]) rmSync(path, { force: true });
      this.fileBytes = 0;
    }
  }
}

/** The options given, without those left undefined (which would hide the defaults). */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
