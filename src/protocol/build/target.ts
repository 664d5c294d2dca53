import { resourceTypeEntries } from '../detect/discovery.ts';
import { detect } from '../detect/index.ts';
import { isRecord, stringsOf } from '../lint/util.ts';
import type { Kind } from '../kinds.ts';
import type { Dialect, SpecVersion } from '../versions.ts';

/** Who the console is when it sends: its OCM host and the local user it speaks for. */
export interface ConsoleIdentity {
  /** host[:port] of the console's OCM server, e.g. "console.example.org:8443". */
  host: string;
  /** The sending user's identifier (the part before "@"). */
  user: string;
  displayName?: string;
  /** Origin the console serves shared resources from; defaults to https://<host>. */
  origin?: string;
  /** The console's own protocols.webdav path, for relative webdav URIs. */
  webdavPath?: string;
}

/** What the builders need to know about the peer, read once from its discovery document. */
export interface TargetFacts {
  version: SpecVersion;
  dialect: Dialect;
  endPoint?: string;
  tokenEndPoint?: string;
  capabilities: string[];
  criteria: string[];
  /** protocols of the "file" resource type (or the first one). */
  protocols: Record<string, unknown>;
}

export interface BuiltPayload {
  kind: Kind;
  payload: Record<string, unknown>;
  version: SpecVersion;
  dialect: Dialect;
  /** Where to POST it, when the discovery document says. */
  url?: string;
  /** Choices the builder made for this peer, for the user to read. */
  notes: string[];
}

export function targetFacts(
  discovery: unknown,
  override: { version?: SpecVersion; dialect?: Dialect } = {},
): TargetFacts {
  const detected = detect(discovery, 'discovery');
  const doc = isRecord(discovery) ? discovery : {};
  const entries = resourceTypeEntries(doc)
    .map((e) => e.entry)
    .filter(isRecord);
  const file = entries.find((e) => e.name === 'file') ?? entries[0];
  const facts: TargetFacts = {
    version: override.version ?? detected.version,
    dialect: override.dialect ?? detected.dialect,
    capabilities: stringsOf(doc.capabilities),
    criteria: stringsOf(doc.criteria),
    protocols: file && isRecord(file.protocols) ? file.protocols : {},
  };
  if (typeof doc.endPoint === 'string') facts.endPoint = doc.endPoint.replace(/\/+$/, '');
  if (typeof doc.tokenEndPoint === 'string') facts.tokenEndPoint = doc.tokenEndPoint;
  return facts;
}

export const endpointUrl = (facts: TargetFacts, path: string): string | undefined =>
  facts.endPoint ? `${facts.endPoint}${path}` : undefined;

export const identityAddress = (identity: ConsoleIdentity): string => `${identity.user}@${identity.host}`;

export const identityOrigin = (identity: ConsoleIdentity): string =>
  (identity.origin ?? `https://${identity.host}`).replace(/\/+$/, '');

/** The host name without a port, for fields that want an FQDN. */
export const identityDomain = (identity: ConsoleIdentity): string => identity.host;
