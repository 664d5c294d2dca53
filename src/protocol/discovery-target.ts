// Where a server's discovery document lives: what a user or a message names (a host, a URL or an OCM
// address in any form `parseOcmAddress` reads) becomes the base URLs to try, and each base is asked at
// /.well-known/ocm first, then at the legacy /ocm-provider (OCM §3; /ocm-provider is 1.0–1.3).
import type { RelayFailure } from '../contract/exchange.ts';
import { addressAuthority, parseOcmAddress } from './address.ts';

export type Scheme = 'http' | 'https';

/** The discovery paths, in the order a peer asks them. */
export const DISCOVERY_PATHS = ['/.well-known/ocm', '/ocm-provider'] as const;
export type DiscoveryPath = (typeof DISCOVERY_PATHS)[number];

export type DiscoveryTarget =
  | {
      ok: true;
      /** host[:port] of the server. */
      authority: string;
      /** Base URLs (scheme://host[:port]) to try, most likely first; never empty. */
      bases: string[];
    }
  | { ok: false; error: string };

const LOOPBACK_OR_IP = /^(localhost|127\.|\[|\d+\.\d+\.\d+\.\d+)/i;
const SCHEME = /^(https?):\/\//i;

/** A lab host (loopback or an IP literal) is tried over http first; a name over https first. */
function basesFor(authority: string, scheme: Scheme | undefined): string[] {
  if (scheme) return [`${scheme}://${authority}`];
  return LOOPBACK_OR_IP.test(authority)
    ? [`http://${authority}`, `https://${authority}`]
    : [`https://${authority}`, `http://${authority}`];
}

/**
 * Reads a target as the bases whose discovery to fetch: `cloud.example.org[:port]`, a URL (its origin;
 * the path is ignored), or an OCM address (`bob@cloud.example.org`, and the URL forms Nextcloud sends,
 * `bob@https://cloud.example.org/`). A scheme the target spells is kept; `scheme` overrides it.
 */
export function discoveryTarget(target: string, scheme?: Scheme): DiscoveryTarget {
  const text = target.trim();
  if (!text) return { ok: false, error: 'Give a host, a URL or an OCM address.' };
  if (SCHEME.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { ok: false, error: `${text} is not a valid URL.` };
    }
    if (!url.host) return { ok: false, error: `${text} names no host.` };
    return { ok: true, authority: url.host, bases: [`${scheme ?? url.protocol.slice(0, -1)}://${url.host}`] };
  }
  if (text.includes('@')) {
    const parsed = parseOcmAddress(text);
    if (!parsed.ok) return { ok: false, error: `${JSON.stringify(text)} is not an OCM address: ${parsed.error}.` };
    const spelled = SCHEME.exec(text.slice(text.lastIndexOf('@') + 1))?.[1]?.toLowerCase() as Scheme | undefined;
    const authority = addressAuthority(parsed.address);
    return { ok: true, authority, bases: basesFor(authority, scheme ?? spelled) };
  }
  const hostPart = text.replace(/\/.*$/, '');
  let url: URL;
  try {
    url = new URL(`http://${hostPart}`);
  } catch {
    return { ok: false, error: `${JSON.stringify(text)} names no host.` };
  }
  if (!url.host || url.username || url.password) return { ok: false, error: `${JSON.stringify(text)} names no host.` };
  const authority = hostPart.toLowerCase();
  return { ok: true, authority, bases: basesFor(authority, scheme) };
}

/** Every discovery URL to try, in order: each base at /.well-known/ocm, then at /ocm-provider. */
export function discoveryUrls(bases: readonly string[]): Array<{ base: string; path: DiscoveryPath; url: string }> {
  return [...new Set(bases)].flatMap((base) =>
    DISCOVERY_PATHS.map((path) => ({ base, path, url: `${base.replace(/\/+$/, '')}${path}` })),
  );
}

/**
 * What a transport failure (no HTTP answer) at one discovery URL means for the rest of the search:
 * - `next-base`: nothing answers over this scheme and port (refused, no TLS spoken there, no connection in
 *   time, the connection broke), so the other path there is not asked, and the next candidate base is;
 * - `give-up`: the name does not resolve or the console's guard blocks it, which the other scheme shares; or
 *   the server speaks TLS but its certificate is refused: falling back to plain http then would be a
 *   downgrade (a share's secret sent in the clear to whoever answers), so the certificate is the answer;
 * - `next-path`: a connection was made but the exchange failed (slow headers, too large), which may be this
 *   path's own trouble, so the legacy path on the same base is still asked.
 * An HTTP answer (404, 500…) is never a transport failure: the server answered, and no other scheme is tried.
 */
export type AfterFailure = 'next-base' | 'give-up' | 'next-path';

/** TLS error codes that mean a certificate was presented and refused (not "no TLS spoken on this port"). */
const CERTIFICATE_REFUSED = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME|HOSTNAME/;

export function afterTransportFailure(
  failure: Pick<RelayFailure, 'kind'> & { phase?: string; code?: string },
): AfterFailure {
  switch (failure.kind) {
    case 'tls':
      return CERTIFICATE_REFUSED.test(failure.code ?? '') ? 'give-up' : 'next-base';
    case 'refused':
    case 'network':
      return 'next-base';
    case 'timeout':
      return failure.phase === 'connect' ? 'next-base' : 'next-path';
    case 'dns':
    case 'blocked':
    case 'rate-limited':
      return 'give-up';
    case 'too-large':
    case 'bad-request':
      return 'next-path';
  }
}

/** How a caller reaches a URL and reads its JSON (the guarded client in the server, a fake in tests). */
export type FetchJson = (url: string) => Promise<
  | { ok: true; status: number; json: unknown }
  /** `failure` when no HTTP answer came (a transport failure), absent when the answer was unreadable. */
  | { ok: false; error: string; failure?: Pick<RelayFailure, 'kind'> & { phase?: string; code?: string } }
>;

export type FoundDiscovery =
  { ok: true; base: string; url: string; doc: Record<string, unknown> } | { ok: false; tried: string[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The first usable discovery document (a 200 with a JSON object), well-known before legacy on each base.
 * Another base of the same host is asked only when nothing answered at this one (`afterTransportFailure`);
 * a host that answers without a document is not asked again over the other scheme. `tried` says what every
 * URL asked answered.
 */
export async function findDiscovery(fetchJson: FetchJson, bases: readonly string[]): Promise<FoundDiscovery> {
  const tried: string[] = [];
  const settled = new Set<string>();
  for (const base of [...new Set(bases)]) {
    const host = hostnameOf(base);
    if (settled.has(host)) continue;
    let next: AfterFailure = 'next-path';
    for (const { url } of discoveryUrls([base])) {
      const res = await fetchJson(url);
      if (res.ok && res.status === 200 && isObject(res.json)) return { ok: true, base, url, doc: res.json };
      tried.push(`${url}: ${!res.ok ? res.error : res.status === 200 ? 'not a JSON object' : `HTTP ${res.status}`}`);
      next = !res.ok && res.failure ? afterTransportFailure(res.failure) : 'next-path';
      if (next !== 'next-path') break;
    }
    if (next !== 'next-base') settled.add(host);
  }
  return { ok: false, tried };
}

function hostnameOf(base: string): string {
  try {
    return new URL(base).hostname;
  } catch {
    return base;
  }
}
