import type { Context } from 'hono';
import { clientAddress, type RateLimiter } from './rate-limit.ts';

/**
 * Wrong credentials, per client address, however they are presented: the sign-in form and a bearer token on any
 * API route draw on one budget, so the token cannot be guessed faster through one than through the other. Only
 * wrong ones count; once the budget is spent every credential from the address waits, the right one too (else the
 * answer would tell a right guess from a wrong one). A session cookie is not counted: its id is 256 random bits, and
 * a browser whose session expired presents it on every call.
 */
export class GuessLimit {
  constructor(readonly limiter: RateLimiter) {}

  /** The 429 answer when this address has spent its wrong guesses; undefined when it may try. */
  refusal(c: Context): Response | undefined {
    const outcome = this.limiter.peek([this.key(c)]);
    if (outcome.ok) return undefined;
    c.header('retry-after', String(outcome.retryAfterSeconds));
    return c.json(
      {
        error: 'rate-limited',
        message: `Too many wrong access tokens from this address (${this.limiter.perMinute} a minute); try again in ${outcome.retryAfterSeconds} s.`,
      },
      429,
    );
  }

  /** Counts one wrong credential from this address. */
  wrong(c: Context): void {
    this.limiter.take([this.key(c)]);
  }

  private key(c: Context): string {
    return `sign-in:${clientAddress(c)}`;
  }
}
