/**
 * Who sent something, for limits and quotas: the address it came from. An IPv4 address mapped into IPv6
 * is the IPv4 one; an IPv6 address counts by its /64, the block one subscriber usually holds, so a peer
 * cannot become many by rotating the low bits.
 */
export function addressPeer(address: string | null | undefined): string {
  if (!address) return 'address:unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return `address:${mapped[1]}`;
  if (!address.includes(':')) return `address:${address}`;
  return `address:${ipv6Prefix64(address)}::/64`;
}

/** The first four groups of an IPv6 address, expanded (`2001:db8::1` → `2001:db8:0:0`). */
function ipv6Prefix64(address: string): string {
  const bare = address.split('%')[0]!.toLowerCase();
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':');
}
