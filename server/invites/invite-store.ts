import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import type { Unreadable } from '../../src/contract/inbound.ts';
import { inviteExpiry, type SentInvite } from '../../src/protocol/index.ts';
import { describeIssue, parseStoredJson, upgrade, type StoredFormat } from '../stored-format.ts';

const sentInviteSchema = z.object({
  token: z.string(),
  user: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  accepted: z.optional(
    z.object({
      at: z.string(),
      userID: z.string(),
      email: z.string(),
      name: z.string(),
      recipientProvider: z.string(),
    }),
  ),
});

/** invites.json is `{"version": 1, "invites": [...]}`. */
export const INVITES_FILE_FORMAT: StoredFormat = { current: 1, migrations: {} };

/**
 * The invites the console created (as Invite Sender), in `<data dir>/invites.json`.
 *
 * As with shares: an entry that cannot be read is counted, reported and written back as it was; a file that
 * cannot be read at all is never overwritten (new invites are then kept in memory only, and the report says so).
 */
export class InviteStore {
  private readonly invites = new Map<string, SentInvite>();
  private readonly file?: string;
  private readonly unreadableEntries: unknown[] = [];
  private firstError?: string;
  private writable = true;
  private readonly listeners = new Set<() => void>();

  constructor(dir?: string) {
    if (!dir) return;
    this.file = join(dir, 'invites.json');
    if (existsSync(this.file)) this.load(readFileSync(this.file, 'utf8'));
  }

  private load(text: string): void {
    const json = parseStoredJson(text);
    const upgraded = json.ok ? upgrade(INVITES_FILE_FORMAT, json.value) : json;
    const entries = upgraded.ok ? upgraded.value.invites : undefined;
    if (!Array.isArray(entries)) {
      const why = upgraded.ok ? 'it has no list of invites' : upgraded.error;
      this.writable = false;
      this.firstError = `the whole file: ${why}; new invites are kept in memory only until it is fixed or moved away`;
      return;
    }
    entries.forEach((entry, i) => {
      const invite = z.safeParse(sentInviteSchema, entry);
      if (invite.success) this.invites.set(invite.data.token, invite.data as SentInvite);
      else {
        this.unreadableEntries.push(entry);
        this.firstError ??= `invite ${i + 1}: ${describeIssue(invite.error.issues)}`;
      }
    });
  }

  /** What could not be read from invites.json at start-up; undefined when everything was. */
  get unreadable(): Unreadable | undefined {
    if (!this.file || this.firstError === undefined) return undefined;
    return { count: this.writable ? this.unreadableEntries.length : 1, file: this.file, firstError: this.firstError };
  }

  private save(): void {
    for (const listener of this.listeners) listener();
    if (!this.file || !this.writable) return;
    mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
    const data = {
      version: INVITES_FILE_FORMAT.current,
      invites: [...this.invites.values(), ...this.unreadableEntries],
    };
    writeFileSync(`${this.file}.tmp`, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
  }

  /** Called after every change (a new invite, an acceptance). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create(user: string, seconds?: number, now = new Date()): SentInvite {
    const invite: SentInvite = {
      token: randomUUID(),
      user,
      createdAt: now.toISOString(),
      expiresAt: inviteExpiry(now, seconds),
    };
    this.invites.set(invite.token, invite);
    this.save();
    return invite;
  }

  get(token: string): SentInvite | undefined {
    return this.invites.get(token);
  }

  markAccepted(token: string, accepted: NonNullable<SentInvite['accepted']>): void {
    const invite = this.invites.get(token);
    if (!invite) return;
    invite.accepted = accepted;
    this.save();
  }

  /** Newest first. */
  list(): SentInvite[] {
    return [...this.invites.values()].reverse();
  }
}
