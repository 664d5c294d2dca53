import { addressPeer } from './peer-address.ts';
import { RateLimiter } from './rate-limit.ts';

/** Whether a peer may be served now, or in how many seconds it may try again. */
export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number; why: string };

export interface PeerLimits {
  /** Checked before anything is read: the client address (IPv6 by its /64). */
  address(address: string | null): Admission;
  /** Checked once a signature verified: the signer's domain, whatever address it comes from. */
  signer(domain: string): Admission;
}

/**
 * Calls to the console's OCM endpoint a minute, per client address and per verified signer domain: a burst
 * of `perMinute`, then that pace. A claimed but unverified signer is not counted under its name, so no one
 * can spend another peer's allowance by naming it in a keyid.
 */
export function peerLimits(perMinute: number, now?: () => number): PeerLimits {
  const limiter = new RateLimiter(perMinute, now);
  const admit = (key: string, who: string): Admission => {
    const taken = limiter.take([key]);
    if (taken.ok) return taken;
    return { ...taken, why: `At most ${perMinute} calls a minute ${who}; try again in ${taken.retryAfterSeconds} s.` };
  };
  return {
    address: (address) => admit(addressPeer(address), 'from one address'),
    signer: (domain) => admit(`domain:${domain.toLowerCase()}`, `from one signer (${domain})`),
  };
}

/** The OCM-shaped answer (message in capitals, §12) to a peer past its limit, with Retry-After. */
export function tooManyRequests(refused: Extract<Admission, { ok: false }>): Response {
  return new Response(JSON.stringify({ message: 'TOO_MANY_REQUESTS', detail: refused.why }), {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after': String(refused.retryAfterSeconds) },
  });
}
