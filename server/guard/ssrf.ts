import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/**
 * Which targets the server may reach. Local mode (the default) reaches everything, lab servers on
 * private and loopback addresses included: that is what the console is for. Public mode (a shared
 * instance) reaches only public unicast addresses, checked on the literal host before connecting and
 * again on every address a name resolves to, at connect time (so DNS rebinding cannot slip through).
 */
export interface GuardPolicy {
  publicMode: boolean;
  /** Host names reachable even when they resolve to private addresses (known lab servers). */
  allowHosts: readonly string[];
}

export class BlockedError extends Error {
  readonly code = 'EBLOCKED';
  constructor(
    message: string,
    readonly address?: string,
  ) {
    super(message);
  }
}

/**
 * The IPv4 address an IPv6 address carries, where the IPv6 form only wraps or translates it: IPv4-mapped
 * (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d, RFC 4291 §2.5.5), SIIT (::ffff:0:a.b.c.d, RFC 6145),
 * NAT64 (64:ff9b::a.b.c.d, RFC 6052) and 6to4 (2002:AABB:CCDD::, RFC 3056). A packet to one of them
 * reaches that IPv4 host, so it is the IPv4 address that public mode must judge.
 */
export function embeddedIPv4(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return undefined;
  }
  if (parsed.kind() !== 'ipv6') return undefined;
  const p = (parsed as ipaddr.IPv6).parts;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zero = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  // "::" and "::1" are IPv6's own unspecified and loopback addresses, not wrapped IPv4 ones.
  if (zero(0, 7) && p[7]! <= 1) return undefined;
  if (zero(0, 5) && (p[5] === 0xffff || p[5] === 0)) return v4(p[6]!, p[7]!);
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) return v4(p[6]!, p[7]!);
  if (p[0] === 0x64 && p[1] === 0xff9b && zero(2, 6)) return v4(p[6]!, p[7]!);
  if (p[0] === 0x2002) return v4(p[1]!, p[2]!);
  return undefined;
}

/** The range name of an address that public mode refuses, or null when it is public unicast. */
export function nonPublicRange(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return 'unparseable';
  }
  const carried = embeddedIPv4(address);
  if (carried) parsed = ipaddr.parse(carried);
  const judged = parsed.range();
  return judged === 'unicast' ? null : judged;
}

/** "a loopback address", or "an address that carries 127.0.0.1, a loopback address" for a wrapped IPv4. */
function describeRange(address: string, range: string): string {
  const carried = embeddedIPv4(address);
  return carried ? `an address that carries ${carried}, a ${range} address` : `a ${range} address`;
}

const isAllowed = (policy: GuardPolicy, host: string) =>
  policy.allowHosts.some((h) => h.toLowerCase() === host.toLowerCase());

/**
 * Checks a URL before anything is sent: scheme, and in public mode the literal host. The WHATWG URL
 * parser has already turned `127.1`, `0x7f000001` and `2130706433` into `127.0.0.1`.
 */
export function checkTarget(url: URL, policy: GuardPolicy): BlockedError | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return new BlockedError(`Only http and https targets are allowed, not ${url.protocol.replace(':', '')}.`);
  if (url.username || url.password)
    return new BlockedError('Credentials in the URL are not sent; use an Authorization header.');
  if (!policy.publicMode || isAllowed(policy, url.hostname)) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(host)) {
    const range = nonPublicRange(host);
    if (range)
      return new BlockedError(
        `${host} is ${describeRange(host, range)}; public mode reaches only public addresses.`,
        host,
      );
    return null;
  }
  if (host === 'localhost' || host.endsWith('.localhost'))
    return new BlockedError(`${host} is this machine; public mode reaches only public addresses.`, host);
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
export type LookupFn = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/**
 * A dns.lookup for the HTTP client's connector: resolves every address of the name and, in public
 * mode, refuses the whole name if any of them is not public. Handles `options.all` (Node's
 * autoSelectFamily asks for all addresses).
 */
export function guardedLookup(
  policy: GuardPolicy,
  resolve: LookupFn = dnsLookup as unknown as LookupFn,
  onResolved?: (ms: number) => void,
): LookupFn {
  return (hostname, options, callback) => {
    const started = performance.now();
    resolve(hostname, { ...options, all: true }, (err, result) => {
      onResolved?.(performance.now() - started);
      if (err) return callback(err, []);
      const addresses = result as LookupAddress[];
      if (policy.publicMode && !isAllowed(policy, hostname)) {
        for (const a of addresses) {
          const range = nonPublicRange(a.address);
          if (range)
            return callback(
              new BlockedError(
                `${hostname} resolves to ${a.address}, ${describeRange(a.address, range)}; public mode reaches only public addresses.`,
                a.address,
              ) as NodeJS.ErrnoException,
              [],
            );
        }
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}
