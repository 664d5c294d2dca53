import type { DiscoverResult } from '../../contract/exchange.ts';
import { resourceRows } from './view-model.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** One server's column in the comparison. */
export interface Column {
  target: string;
  answered: string;
  version: string;
  dialect: string;
  capabilities: string[];
  criteria: string[];
  protocols: string[];
  keys: string;
  findings: string;
}

export function columnOf(result: DiscoverResult): Column {
  const doc = isObject(result.document) ? result.document : undefined;
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const keys = doc
    ? [
        typeof doc.jwksUri === 'string' ? 'JWKS' : '',
        doc.publicKey ? 'legacy publicKey' : '',
        Array.isArray(doc.publicKeys) ? 'publicKeys[]' : '',
      ]
        .filter(Boolean)
        .join(', ') || 'none'
    : '–';
  return {
    target: result.target,
    answered: result.answeredBy ?? 'no document',
    version: result.detected?.version ?? '–',
    dialect: result.detected?.dialect ?? '–',
    capabilities: doc ? strings(doc.capabilities) : [],
    criteria: doc ? strings(doc.criteria) : [],
    protocols: doc
      ? [
          ...new Set(
            resourceRows(doc).flatMap((r) => [
              ...r.serves.map((p) => p.name),
              ...r.receives.map((p) => `${p.name}-receive`),
            ]),
          ),
        ]
      : [],
    keys,
    findings: doc ? `${errors} errors, ${warnings} warnings` : (result.problem ?? '–'),
  };
}

/** Every capability, criterion and protocol any column has, so rows line up across servers. */
export function matrixRows(columns: Column[]): { capabilities: string[]; criteria: string[]; protocols: string[] } {
  const all = (pick: (c: Column) => string[]) => [...new Set(columns.flatMap(pick))].sort();
  return {
    capabilities: all((c) => c.capabilities),
    criteria: all((c) => c.criteria),
    protocols: all((c) => c.protocols),
  };
}

/**
 * Targets from pasted text: one per line (or comma-separated), or a Directory Service document
 * (OCM Appendix C: `{federation, servers: [{url, displayName}]}`), plain or as the payload of a JWS.
 */
export function targetsFrom(text: string): {
  targets: string[];
  source: 'list' | 'directory';
  federation?: string;
  jws?: string;
} {
  const trimmed = text.trim();
  const jwsCompact = /^[\w-]+\.[\w-]+\.[\w-]*$/.test(trimmed) ? trimmed : undefined;
  let doc: unknown;
  try {
    doc = jwsCompact ? JSON.parse(decodeBase64Url(trimmed.split('.')[1]!)) : JSON.parse(trimmed);
  } catch {
    doc = undefined;
  }
  if (isObject(doc) && typeof doc.payload === 'string') {
    // A flattened JWS JSON serialisation: the payload is base64url.
    try {
      const inner: unknown = JSON.parse(decodeBase64Url(doc.payload));
      if (isObject(inner)) return { ...directory(inner), jws: JSON.stringify(doc) };
    } catch {
      // Not a JWS after all: fall through to a list.
    }
  }
  if (isObject(doc) && Array.isArray(doc.servers))
    return { ...directory(doc), ...(jwsCompact ? { jws: jwsCompact } : {}) };
  return { targets: [...new Set(trimmed.split(/[\s,]+/).filter(Boolean))], source: 'list' };
}

function directory(doc: Record<string, unknown>) {
  const servers = Array.isArray(doc.servers) ? doc.servers.filter(isObject) : [];
  return {
    targets: servers.map((s) => String(s.url ?? '')).filter(Boolean),
    source: 'directory' as const,
    ...(typeof doc.federation === 'string' ? { federation: doc.federation } : {}),
  };
}

function decodeBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
