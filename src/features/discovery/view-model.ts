import {
  CAPABILITIES,
  CRITERIA,
  PATH_CAPABILITIES,
  RENAMED_CAPABILITIES,
  RENAMED_CRITERIA,
} from '../../protocol/vocabulary.ts';
import { resourceTypeEntries } from '../../protocol/detect/discovery.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One-line meanings, from draft-07 §2.4 and §2.5. */
const MEANINGS: Record<string, string> = {
  'enforce-mfa': 'honours must-use-mfa on shares it receives',
  'exchange-token': 'runs the code flow: a tokenEndPoint as sender, exchanges codes as receiver',
  'http-sig': 'signs and verifies RFC 9421 HTTP Message Signatures (keys at jwksUri)',
  invites: 'can send and accept invites',
  'invite-wayf': 'has a "where are you from" page for invite links',
  notifications: 'handles POST /notifications',
  'protocol-object': 'accepts a protocol object with one key per protocol',
  'must-use-http-sig': 'rejects unsigned requests',
  'must-exchange-token': 'every share it receives must require the code flow',
  denylist: 'may block servers by address',
  allowlist: 'may block servers it does not know',
  'must-invite': 'accepts shares only after an invite was exchanged',
};

export interface TermBadge {
  term: string;
  status: 'known' | 'renamed' | 'path-style' | 'unknown';
  explanation: string;
}

function badge(
  term: string,
  known: readonly string[],
  renamed: Record<string, { now: string; since: string }>,
  path: Record<string, string>,
): TermBadge {
  if (known.includes(term)) return { term, status: 'known', explanation: MEANINGS[term] ?? '' };
  const old = renamed[term];
  if (old) return { term, status: 'renamed', explanation: `an older name: ${old.now} since ${old.since}` };
  if (path[term]) return { term, status: 'path-style', explanation: `OCM 1.1 endpoint-style; today: ${path[term]}` };
  return { term, status: 'unknown', explanation: 'not defined by any OCM version (a vendor extension?)' };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function capabilityBadges(doc: Record<string, unknown>): TermBadge[] {
  return strings(doc.capabilities).map((c) => badge(c, CAPABILITIES, RENAMED_CAPABILITIES, PATH_CAPABILITIES));
}

export function criteriaBadges(doc: Record<string, unknown>): TermBadge[] {
  return strings(doc.criteria).map((c) => badge(c, CRITERIA, RENAMED_CRITERIA, {}));
}

export interface ResourceRow {
  resourceType: string;
  shareTypes: string[];
  /** Protocols served (sending side), with their value shown as text. */
  serves: { name: string; value: string }[];
  /** Protocols received (`<name>-receive`). */
  receives: { name: string; value: string }[];
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** resourceTypes as rows, wherever the dialect put them (Seafile's single object, a map by name, 1.0's shareTypes). */
export function resourceRows(doc: Record<string, unknown>): ResourceRow[] {
  const entries = resourceTypeEntries(doc).map((e) => e.entry);
  return entries.filter(isObject).map((e) => {
    const protocols = isObject(e.protocols) ? e.protocols : {};
    const serves: ResourceRow['serves'] = [];
    const receives: ResourceRow['receives'] = [];
    for (const [name, value] of Object.entries(protocols)) {
      if (name.endsWith('-receive')) receives.push({ name: name.slice(0, -'-receive'.length), value: show(value) });
      else serves.push({ name, value: show(value) });
    }
    return { resourceType: String(e.name ?? '?'), shareTypes: strings(e.shareTypes), serves, receives };
  });
}

const NOTABLE = [
  'content-type',
  'server',
  'x-powered-by',
  'cache-control',
  'access-control-allow-origin',
  'strict-transport-security',
  'location',
  'www-authenticate',
  'content-encoding',
];

/** The response headers worth a glance when reading discovery. */
export function notableHeaders(headers: [string, string][]): [string, string][] {
  return headers.filter(([n]) => NOTABLE.includes(n.toLowerCase()));
}

export interface LinkInfo {
  label: string;
  value: string;
  note?: string;
}

/** tokenEndPoint, jwksUri, inviteAcceptDialog (a path or, in some implementations, an absolute URL). */
export function endpointLinks(doc: Record<string, unknown>, base: string): LinkInfo[] {
  const out: LinkInfo[] = [];
  if (typeof doc.endPoint === 'string') out.push({ label: 'OCM endpoint', value: doc.endPoint });
  if (typeof doc.tokenEndPoint === 'string') out.push({ label: 'Token endpoint', value: doc.tokenEndPoint });
  if (typeof doc.jwksUri === 'string') out.push({ label: 'JWKS', value: doc.jwksUri });
  if (typeof doc.inviteAcceptDialog === 'string') {
    const absolute = /^https?:\/\//.test(doc.inviteAcceptDialog);
    out.push({
      label: 'Invite accept dialog',
      value: absolute ? doc.inviteAcceptDialog : `${base}${doc.inviteAcceptDialog}`,
      ...(absolute ? { note: 'published as an absolute URL; the spec says a path' } : {}),
    });
  }
  return out;
}

/** Top-level fields and what they mean (draft-07 §2.2). */
export const FIELD_MEANINGS: Record<string, string> = {
  enabled: 'OCM on or off',
  apiVersion: 'informative only: behaviour follows capabilities',
  version: "Nextcloud's real version next to its frozen apiVersion",
  endPoint: 'base URL of the OCM API',
  provider: 'branding name',
  resourceTypes: 'what can be shared, with whom, over which protocols',
  capabilities: 'optional features it supports',
  criteria: 'rules inbound shares must meet',
  jwksUri: 'the JWK Set for RFC 9421 signatures',
  tokenEndPoint: 'where receivers exchange a code for a token',
  inviteAcceptDialog: 'page that accepts invite tokens',
  publicKey: 'legacy draft-cavage key (1.1–1.3; removed in draft-05)',
  publicKeys: 'transitional RFC 9421 keys (briefly, before jwksUri)',
};
