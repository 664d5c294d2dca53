import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Unreadable } from '../../src/contract/inbound.ts';
import { describeIssue, parseStoredJson, upgrade, type StoredFormat } from '../stored-format.ts';

/** A share the console sent out: what a receiver may exchange a code for and then read. */
export interface ConsoleShare {
  id: string;
  owner: string;
  shareWith: string;
  name: string;
  content: string;
  /** What the receiver is given: the file over WebDAV, or the console's web app for it. */
  protocol: 'webdav' | 'webapp';
  /** The sharedSecret: the code for the token exchange. Kept in the data folder only (0600). */
  secret: string;
  mustExchangeToken: boolean;
  createdAt: string;
  /** The receiver's answer when the share was sent (null when it could not be sent). */
  sentStatus: number | null;
}

export interface IssuedToken {
  shareId: string;
  /** Unix ms. */
  expiresAt: number;
}

export const TOKEN_SECONDS = 300;

const consoleShareSchema = z.object({
  id: z.string(),
  owner: z.string(),
  shareWith: z.string(),
  name: z.string(),
  content: z.string(),
  protocol: z.enum(['webdav', 'webapp']),
  secret: z.string(),
  mustExchangeToken: z.boolean(),
  createdAt: z.string(),
  sentStatus: z.nullable(z.number()),
});

const formatOneShareSchema = z.omit(consoleShareSchema, { protocol: true });

/**
 * shares.json is `{"version": 2, "shares": [...]}`. Files written before versions were are a bare array of
 * shares: format 1, read as `{"shares": [...]}`. Format 2 says which protocol each share offers; every
 * share of format 1 was a WebDAV file.
 */
export const SHARES_FILE_FORMAT: StoredFormat = {
  current: 2,
  migrations: {
    1: (value) => ({
      ...value,
      version: 2,
      shares: Array.isArray(value.shares)
        ? // Only readable format-1 shares are changed: an unreadable entry is written back as it was.
          value.shares.map((s: unknown) =>
            z.safeParse(formatOneShareSchema, s).success ? { ...(s as object), protocol: 'webdav' } : s,
          )
        : value.shares,
    }),
  },
};

/**
 * The console's outgoing shares, in `<data dir>/shares.json`; issued tokens live in memory only.
 *
 * A share in the file that cannot be read is counted, reported, and written back as it was on every save.
 * A file that cannot be read at all (not JSON, written by a newer console) is never overwritten: new shares
 * are then kept in memory only, and the report says so.
 */
export class ShareStore {
  private readonly shares = new Map<string, ConsoleShare>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly file?: string;
  /** Entries of the file that are not readable shares, kept to be written back as they were. */
  private readonly unreadableEntries: unknown[] = [];
  private firstError?: string;
  /** False when the file cannot be read at all, so saving would destroy it. */
  private writable = true;

  constructor(dir?: string) {
    if (!dir) return;
    this.file = join(dir, 'shares.json');
    if (existsSync(this.file)) this.load(readFileSync(this.file, 'utf8'));
  }

  private load(text: string): void {
    const json = parseStoredJson(text);
    const upgraded = json.ok
      ? upgrade(SHARES_FILE_FORMAT, Array.isArray(json.value) ? { shares: json.value } : json.value)
      : json;
    const entries = upgraded.ok ? upgraded.value.shares : undefined;
    if (!Array.isArray(entries)) {
      const why = upgraded.ok ? 'it has no list of shares' : upgraded.error;
      this.writable = false;
      this.firstError = `the whole file: ${why}; new shares are kept in memory only until it is fixed or moved away`;
      return;
    }
    entries.forEach((entry, i) => {
      const share = z.safeParse(consoleShareSchema, entry);
      if (share.success) this.shares.set(share.data.id, share.data);
      else {
        this.unreadableEntries.push(entry);
        this.firstError ??= `share ${i + 1}: ${describeIssue(share.error.issues)}`;
      }
    });
  }

  /** What could not be read from shares.json at start-up; undefined when everything was. */
  get unreadable(): Unreadable | undefined {
    if (!this.file || this.firstError === undefined) return undefined;
    return { count: this.writable ? this.unreadableEntries.length : 1, file: this.file, firstError: this.firstError };
  }

  private save(): void {
    if (!this.file || !this.writable) return;
    mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
    const data = { version: SHARES_FILE_FORMAT.current, shares: [...this.shares.values(), ...this.unreadableEntries] };
    writeFileSync(`${this.file}.tmp`, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }

  create(input: Omit<ConsoleShare, 'id' | 'secret' | 'createdAt' | 'sentStatus'>): ConsoleShare {
    const share: ConsoleShare = {
      ...input,
      id: randomUUID(),
      secret: randomBytes(18).toString('base64url'),
      createdAt: new Date().toISOString(),
      sentStatus: null,
    };
    this.shares.set(share.id, share);
    this.save();
    return share;
  }

  /** Forgets a share that was never sent (the receiver could not take it). */
  discard(id: string): void {
    if (this.shares.delete(id)) this.save();
  }

  markSent(id: string, status: number | null): void {
    const share = this.shares.get(id);
    if (!share) return;
    share.sentStatus = status;
    this.save();
  }

  list(): ConsoleShare[] {
    return [...this.shares.values()].reverse();
  }

  get(id: string): ConsoleShare | undefined {
    return this.shares.get(id);
  }

  byCode(code: string): ConsoleShare | undefined {
    return [...this.shares.values()].find((s) => s.secret === code);
  }

  issueToken(shareId: string): { token: string; expiresIn: number } {
    const token = randomUUID();
    this.tokens.set(token, { shareId, expiresAt: Date.now() + TOKEN_SECONDS * 1000 });
    return { token, expiresIn: TOKEN_SECONDS };
  }

  /** The share a bearer token opens, if it is live. */
  shareForToken(token: string): ConsoleShare | undefined {
    return this.grantForToken(token)?.share;
  }

  /** The share a live bearer token opens, and when the token expires (Unix ms). */
  grantForToken(token: string): { share: ConsoleShare; expiresAt: number } | undefined {
    const issued = this.tokens.get(token);
    if (!issued || issued.expiresAt < Date.now()) return undefined;
    const share = this.shares.get(issued.shareId);
    return share && { share, expiresAt: issued.expiresAt };
  }
}
