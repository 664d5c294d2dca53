import { randomBytes, randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Unreadable } from '../../src/contract/inbound.ts';
import type { StoredFormat } from '../stored-format.ts';
import { StoredListFile } from '../stored-list-file.ts';

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
  private readonly stored: StoredListFile<ConsoleShare>;

  constructor(dir?: string) {
    this.stored = new StoredListFile({
      dir,
      fileName: 'shares.json',
      format: SHARES_FILE_FORMAT,
      listKey: 'shares',
      schema: consoleShareSchema,
      entryLabel: 'share',
      keptInMemory: 'new shares',
      bareArrayIsVersionOne: true,
    });
    for (const share of this.stored.entries) this.shares.set(share.id, share);
  }

  /** What could not be read from shares.json at start-up; undefined when everything was. */
  get unreadable(): Unreadable | undefined {
    return this.stored.unreadable;
  }

  private save(): void {
    this.stored.save(this.shares.values());
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
