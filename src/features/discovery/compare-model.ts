import { explainRelayFailure, type DiscoverResult, type RelayResult } from '../../contract/exchange.ts';
import { directoryServers, isCompactJws, readDirectory, type DirectoryForm } from '../../protocol/index.ts';
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

/** What the pasted text was: a list of targets, or a Directory Service document read by the protocol core. */
export interface PastedTargets {
  targets: string[];
  source: 'list' | 'directory';
  federation?: string;
  /** How the directory was published (plain JSON, a JWS, the draft example's decoded view). */
  form?: DirectoryForm;
  /** The JWS a verifier takes, when there is one. */
  jws?: string;
  /** Each listed server's displayName, by url. */
  names?: Record<string, string>;
}

/**
 * Targets from pasted text: one per line (or comma-separated), or a Directory Service document (OCM
 * Appendix C: `{federation, servers: [{url, displayName}]}`), plain, as a JWS (compact or JSON), or in the
 * decoded form of the draft's own example.
 */
export function targetsFrom(text: string): PastedTargets {
  const trimmed = text.trim();
  let doc: unknown = isCompactJws(trimmed) ? trimmed : undefined;
  if (doc === undefined)
    try {
      doc = JSON.parse(trimmed);
    } catch {
      doc = undefined;
    }
  if (doc !== undefined) {
    const reading = readDirectory(doc);
    const payload = isObject(reading.payload) ? reading.payload : undefined;
    if (payload && (reading.form !== 'plain' || Array.isArray(payload.servers))) {
      const servers = directoryServers(payload);
      return {
        targets: [...new Set(servers.map((s) => s.url))],
        source: 'directory',
        ...(typeof payload.federation === 'string' ? { federation: payload.federation } : {}),
        form: reading.form,
        ...(reading.jws ? { jws: reading.jws } : {}),
        names: Object.fromEntries(servers.flatMap((s) => (s.displayName ? [[s.url, s.displayName]] : []))),
      };
    }
  }
  return { targets: [...new Set(trimmed.split(/[\s,]+/).filter(Boolean))], source: 'list' };
}

const FORM_TEXT: Record<DirectoryForm, string> = {
  plain: 'unsigned (plain JSON)',
  'jws-compact': 'signed (compact JWS)',
  'jws-flattened': 'signed (flattened JWS JSON)',
  'jws-general': 'signed (general JWS JSON)',
  'jws-decoded':
    "in the decoded form of the draft's example: not a real JWS, so there is no signature to verify against any key",
};

/** One line saying what was pasted; `verdict` is the JWS verification, when it was tried. */
export function pastedSummary(
  parsed: PastedTargets,
  verdict?: { ok: true; alg: string } | { ok: false; reason: string },
  fetchedFrom?: string,
) {
  if (parsed.source === 'list') return `${parsed.targets.length} servers`;
  let note = `Directory Service document${parsed.federation ? ` "${parsed.federation}"` : ''}${fetchedFrom ? ` from ${fetchedFrom}` : ''}, ${parsed.targets.length} servers, ${FORM_TEXT[parsed.form ?? 'plain']}`;
  if (parsed.jws)
    note += !verdict
      ? '; not verified: paste the federation key to verify it'
      : verdict.ok
        ? `; signature verified (${verdict.alg})`
        : `; signature NOT verified: ${verdict.reason}`;
  else if (parsed.form && parsed.form !== 'plain' && parsed.form !== 'jws-decoded')
    note += '; the JWS is malformed, so it cannot be verified (lint it as a Directory Service document to see why)';
  return note;
}

/**
 * The text of a Directory Service document fetched through the relay, or why the answer is not one to read:
 * no answer (the relay's failure, explained), an HTTP status other than 200, a body that is not text.
 */
export function fetchedDirectoryText(url: string, result: RelayResult): { text: string } | { error: string } {
  if ('failure' in result) {
    const { title } = explainRelayFailure(result.failure);
    return { error: `${url} could not be fetched: ${title}: ${result.failure.message}` };
  }
  const { status, body } = result.exchange.response;
  if (status !== 200) return { error: `${url} answered ${status}, not a Directory Service document.` };
  if (body.encoding !== 'utf8') return { error: `${url} answered a body that is not text.` };
  if (body.truncated) return { error: `${url} answered more than the console reads; the document was cut short.` };
  return { text: body.data };
}
