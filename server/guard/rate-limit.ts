import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE } from './access.ts';
import { withOutboundBudget, type Charge } from './outbound-budget.ts';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets, one per key: each holds `perMinute` tokens and refills at that rate, so a client
 * may burst up to the limit and then goes at the limit's pace. Full buckets are forgotten.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  private level(key: string, at: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.perMinute;
    return Math.min(this.perMinute, bucket.tokens + ((at - bucket.at) * this.perMinute) / 60_000);
  }

  /**
   * Takes one token from every key's bucket, or none when any is empty: then answers how many
   * seconds until the emptiest has one again.
   */
  take(keys: readonly string[]): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const at = this.now();
    const levels = keys.map((key) => this.level(key, at));
    const empty = this.emptyFor(levels);
    if (empty) return empty;
    keys.forEach((key, i) => this.buckets.set(key, { tokens: levels[i]! - 1, at }));
    if (this.buckets.size > 10_000) {
      for (const [key] of this.buckets) if (this.level(key, at) >= this.perMinute) this.buckets.delete(key);
    }
    return { ok: true };
  }

  /** Whether a token is there for every key, without taking it (a caller that pays only on failure). */
  peek(keys: readonly string[]): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const at = this.now();
    return this.emptyFor(keys.map((key) => this.level(key, at))) ?? { ok: true };
  }

  private emptyFor(levels: number[]): { ok: false; retryAfterSeconds: number } | undefined {
    const lowest = Math.min(...levels);
    if (lowest >= 1) return undefined;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - lowest) * 60) / this.perMinute)) };
  }
}

/** The client's address as the socket saw it (a reverse proxy in front makes this the proxy's). */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Who is asking, for the per-user limit: the signed-in browser's session, or the bearer-token holder. A visitor
 * without either (the WAYF page is open to anyone with an invite link) is known by address only, so one visitor
 * cannot spend every other invitee's share.
 */
function callerOf(c: Context): string {
  if (c.req.header('authorization')) return 'bearer';
  const session = getCookie(c, SESSION_COOKIE);
  return session ? `session:${session}` : `visitor:${clientAddress(c)}`;
}

/**
 * Limits outbound work (relay, discovery, check, sharing) per caller and per client address, so a
 * shared instance cannot be used to scan the internet. Answers 429 with Retry-After. The call itself
 * takes one token, which pays for its first outbound request; every further request it makes (a check
 * sends up to seven) takes one more, and is not sent once the allowance is spent.
 */
export function rateLimitOutbound(limiter: RateLimiter): MiddlewareHandler {
  return async (c, next) => {
    const keys = [`caller:${callerOf(c)}`, `address:${clientAddress(c)}`];
    const outcome = limiter.take(keys);
    if (!outcome.ok) {
      c.header('retry-after', String(outcome.retryAfterSeconds));
      return c.json(
        {
          error: 'rate-limited',
          message: `This public console allows ${limiter.perMinute} outbound requests a minute per user and per address; try again in ${outcome.retryAfterSeconds} s.`,
        },
        429,
      );
    }
    let prepaid = true;
    const charge: Charge = () => {
      if (prepaid) {
        prepaid = false;
        return { ok: true };
      }
      const more = limiter.take(keys);
      return more.ok ? more : { ...more, perMinute: limiter.perMinute };
    };
    return withOutboundBudget(charge, () => next());
  };
}
