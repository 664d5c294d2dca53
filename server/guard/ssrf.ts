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

/** The range name of an address that public mode refuses, or null when it is public unicast. */
export function nonPublicRange(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return 'unparseable';
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return range === 'unicast' ? null : range;
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
      return new BlockedError(`${host} is a ${range} address; public mode reaches only public addresses.`, host);
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
                `${hostname} resolves to ${a.address}, a ${range} address; public mode reaches only public addresses.`,
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
