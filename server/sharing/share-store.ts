import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A share the console sent out: what a receiver may exchange a code for and then read. */
export interface ConsoleShare {
  id: string;
  owner: string;
  shareWith: string;
  name: string;
  content: string;
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

/** The console's outgoing shares, in `<data dir>/shares.json`; issued tokens live in memory only. */
export class ShareStore {
  private readonly shares = new Map<string, ConsoleShare>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly file?: string;

  constructor(dir?: string) {
    if (!dir) return;
    this.file = join(dir, 'shares.json');
    if (existsSync(this.file)) {
      try {
        for (const s of JSON.parse(readFileSync(this.file, 'utf8')) as ConsoleShare[]) this.shares.set(s.id, s);
      } catch {
        // An unreadable file is ignored: the console starts with no shares and the next share it sends replaces it.
      }
    }
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
    writeFileSync(`${this.file}.tmp`, JSON.stringify([...this.shares.values()], null, 2), { mode: 0o600 });
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
    const issued = this.tokens.get(token);
    if (!issued || issued.expiresAt < Date.now()) return undefined;
    return this.shares.get(issued.shareId);
  }
}
