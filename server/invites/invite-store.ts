import { randomUUID } from 'node:crypto';
import * as z from 'zod/mini';
import type { Unreadable } from '../../src/contract/inbound.ts';
import { inviteExpiry, type SentInvite } from '../../src/protocol/index.ts';
import type { StoredFormat } from '../stored-format.ts';
import { StoredListFile } from '../stored-list-file.ts';

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
  private readonly stored: StoredListFile<SentInvite>;
  private readonly listeners = new Set<() => void>();

  constructor(dir?: string) {
    this.stored = new StoredListFile<SentInvite>({
      dir,
      fileName: 'invites.json',
      format: INVITES_FILE_FORMAT,
      listKey: 'invites',
      schema: sentInviteSchema,
      entryLabel: 'invite',
      keptInMemory: 'new invites',
    });
    for (const invite of this.stored.entries) this.invites.set(invite.token, invite);
  }

  /** What could not be read from invites.json at start-up; undefined when everything was. */
  get unreadable(): Unreadable | undefined {
    return this.stored.unreadable;
  }

  private save(): void {
    for (const listener of this.listeners) listener();
    this.stored.save(this.invites.values());
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
