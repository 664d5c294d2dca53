/**
 * OCM addresses: identifier "@" host [":" port], split at the last "@" (the identifier may hold "@").
 * Parsing is tolerant of what Nextcloud sends ("bob@https://host/"), but says so in `warnings`.
 */
export interface OcmAddress {
  identifier: string;
  /** Host as written (IPv6 in brackets), lower-cased. */
  host: string;
  port?: number;
}

export type AddressResult =
  { ok: true; address: OcmAddress; text: string; warnings: AddressWarning[] } | { ok: false; error: string };

export type AddressWarning = 'scheme' | 'path' | 'trailing-slash';

const REG_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$/i;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** The local user an OCM address names: the part before the last `@` (user names may contain `@`). */
export function localUserOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at === -1 ? address : address.slice(0, at);
}

export function parseOcmAddress(input: string): AddressResult {
  const text = input.trim();
  const at = text.lastIndexOf('@');
  if (at < 0) return { ok: false, error: 'no "@": an OCM address is identifier@host' };
  const identifier = text.slice(0, at);
  let rest = text.slice(at + 1);
  if (!identifier) return { ok: false, error: 'nothing before the "@"' };
  const warnings: AddressWarning[] = [];
  const scheme = /^https?:\/\//i.exec(rest);
  if (scheme) {
    warnings.push('scheme');
    rest = rest.slice(scheme[0].length);
  }
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    warnings.push(rest.slice(slash) === '/' ? 'trailing-slash' : 'path');
    rest = rest.slice(0, slash);
  }
  let host = rest;
  let portText: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return { ok: false, error: 'an IPv6 host needs a closing "]"' };
    host = rest.slice(0, close + 1);
    const after = rest.slice(close + 1);
    if (after && !after.startsWith(':')) return { ok: false, error: `unexpected "${after}" after the IPv6 host` };
    portText = after ? after.slice(1) : undefined;
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon >= 0) {
      host = rest.slice(0, colon);
      portText = rest.slice(colon + 1);
    }
  }
  if (!host) return { ok: false, error: 'no host after the "@"' };
  if (!host.startsWith('[') && !REG_NAME.test(host) && !IPV4.test(host))
    return { ok: false, error: `"${host}" is not a host name or IP address` };
  const address: OcmAddress = { identifier, host: host.toLowerCase() };
  if (portText !== undefined) {
    const port = Number(portText);
    if (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535)
      return { ok: false, error: `"${portText}" is not a port number` };
    address.port = port;
  }
  return { ok: true, address, text: formatOcmAddress(address), warnings };
}

export function formatOcmAddress(address: OcmAddress): string {
  return `${address.identifier}@${address.host}${address.port ? `:${address.port}` : ''}`;
}

/** host[:port], the part discovery and signature checks use. */
export function addressAuthority(address: OcmAddress): string {
  return `${address.host}${address.port ? `:${address.port}` : ''}`;
}

/** Where the server behind an address publishes its discovery document. */
export function discoveryUrlFor(address: OcmAddress, scheme: 'https' | 'http' = 'https'): string {
  return `${scheme}://${addressAuthority(address)}/.well-known/ocm`;
}

const WARNING_TEXT: Record<AddressWarning, string> = {
  scheme: 'a URL scheme after the "@" (Nextcloud sends this)',
  path: 'a path after the host',
  'trailing-slash': 'a trailing "/" after the host',
};

export function describeAddressWarning(warning: AddressWarning): string {
  return WARNING_TEXT[warning];
}
