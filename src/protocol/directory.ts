// The Directory Service document (draft-07 "Appendix C: Directory Service"): a federation's list of OCM
// servers, published as a signed JWS (RFC 7515) whose key comes out of band. This reads the envelope in
// every form met in practice, without verifying anything (verification needs a key and lives in signing).
import { base64ToText } from './encoding.ts';
import { isRecord } from './lint/util.ts';

/**
 * `plain`: unsigned JSON (the form before the draft required a JWS). `jws-compact`: header.payload.signature.
 * `jws-flattened` / `jws-general`: the JSON serialisations. `jws-decoded`: `{payload: {...}, protected:
 * {...}, signature}` with the parts shown decoded, as the draft's own example writes it: illustrative, not
 * something a verifier can check.
 */
export type DirectoryForm = 'plain' | 'jws-compact' | 'jws-flattened' | 'jws-general' | 'jws-decoded';

export interface DirectoryProblem {
  /** JSON pointer in the document ('' for the whole, or a compact JWS). */
  path: string;
  message: string;
}

export interface DirectoryReading {
  form: DirectoryForm;
  /** The payload, decoded; undefined when it cannot be decoded. */
  payload: unknown;
  /** Where the payload sits, as a pointer prefix for findings inside it. */
  at: string;
  /** The protected header, decoded, when there is one. */
  header?: Record<string, unknown>;
  /** The JWS as a verifier takes it (compact text or JSON serialisation); absent when there is none to verify. */
  jws?: string;
  /** Why the envelope is not a well-formed JWS. */
  problems: DirectoryProblem[];
}

export interface DirectoryServer {
  url: string;
  displayName?: string;
}

const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/** A compact JWS (three base64url parts joined by dots), as a Directory Service may serve it. */
export function isCompactJws(text: string): boolean {
  return COMPACT.test(text.trim());
}

/** An object shaped like a JWS JSON serialisation (or the draft's decoded view of one). */
export function isJwsEnvelope(doc: Record<string, unknown>): boolean {
  return 'payload' in doc && ('protected' in doc || 'signature' in doc || 'signatures' in doc);
}

function decodeJson(part: string): { ok: true; value: unknown } | { ok: false } {
  const text = base64ToText(part, 'base64url');
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Reads a Directory Service document: the parsed JSON, or the text of a compact JWS. */
export function readDirectory(doc: unknown): DirectoryReading {
  const problems: DirectoryProblem[] = [];
  if (typeof doc === 'string' && isCompactJws(doc)) {
    const jws = doc.trim();
    const [h, p, s] = jws.split('.') as [string, string, string];
    const header = decodeJson(h);
    if (!header.ok || !isRecord(header.value))
      problems.push({ path: '', message: 'The first part of the JWS is not a base64url-encoded JSON header.' });
    const payload = decodeJson(p);
    if (!payload.ok) problems.push({ path: '', message: 'The second part of the JWS is not base64url-encoded JSON.' });
    if (!s) problems.push({ path: '', message: 'The third part (the signature) is empty: this JWS is not signed.' });
    return {
      form: 'jws-compact',
      payload: payload.ok ? payload.value : undefined,
      at: '',
      ...(header.ok && isRecord(header.value) ? { header: header.value } : {}),
      jws,
      problems,
    };
  }
  if (!isRecord(doc) || !isJwsEnvelope(doc)) return { form: 'plain', payload: doc, at: '', problems };

  if (isRecord(doc.payload)) {
    // The draft's example: payload and protected written out as JSON, signature a placeholder.
    return {
      form: 'jws-decoded',
      payload: doc.payload,
      at: '/payload',
      ...(isRecord(doc.protected) ? { header: doc.protected } : {}),
      problems,
    };
  }
  const general = Array.isArray(doc.signatures);
  const first = general ? (doc.signatures as unknown[])[0] : doc;
  const where = general ? '/signatures/0' : '';
  let header: Record<string, unknown> | undefined;
  if (!isRecord(first)) problems.push({ path: '/signatures', message: '"signatures" lists no signature object.' });
  else {
    if (typeof first.protected !== 'string')
      problems.push({
        path: `${where}/protected`,
        message: isRecord(first.protected)
          ? '"protected" is a JSON object; in a JWS it is the base64url encoding of the header JSON.'
          : '"protected" (the base64url-encoded header) is missing.',
      });
    else {
      const decoded = decodeJson(first.protected);
      if (decoded.ok && isRecord(decoded.value)) header = decoded.value;
      else problems.push({ path: `${where}/protected`, message: '"protected" is not base64url-encoded JSON.' });
    }
    if (typeof first.signature !== 'string' || first.signature === '')
      problems.push({ path: `${where}/signature`, message: 'The signature is missing or empty.' });
  }
  let payload: unknown;
  if (typeof doc.payload !== 'string')
    problems.push({ path: '/payload', message: '"payload" must be the base64url encoding of the directory JSON.' });
  else {
    const decoded = decodeJson(doc.payload);
    if (decoded.ok) payload = decoded.value;
    else problems.push({ path: '/payload', message: '"payload" is not base64url-encoded JSON.' });
  }
  return {
    form: general ? 'jws-general' : 'jws-flattened',
    payload,
    at: '/payload',
    ...(header ? { header } : {}),
    ...(problems.length === 0 ? { jws: JSON.stringify(doc) } : {}),
    problems,
  };
}

/** The servers a directory payload lists (entries without a url string are left out). */
export function directoryServers(payload: unknown): DirectoryServer[] {
  if (!isRecord(payload) || !Array.isArray(payload.servers)) return [];
  return payload.servers
    .filter(isRecord)
    .flatMap((s) =>
      typeof s.url === 'string' && s.url
        ? [{ url: s.url, ...(typeof s.displayName === 'string' ? { displayName: s.displayName } : {}) }]
        : [],
    );
}

/**
 * Why a federation key has nothing to check in this reading, or undefined when it has a JWS to verify. The key
 * comes out of band, so whoever has it (Compose, the CLI) verifies `reading.jws` in src/signing.
 */
export function nothingToVerify(reading: DirectoryReading | null): string | undefined {
  if (!reading) return 'this is not a Directory Service document';
  if (reading.jws) return undefined;
  if (reading.form === 'plain') return 'the document is plain JSON, not a JWS: there is no signature to check';
  if (reading.form === 'jws-decoded')
    return "it is the draft example's decoded view, not a JWS: there is no signature to check";
  return 'the JWS is malformed (see the findings)';
}

/** Once a key was used on the JWS, the linter's "signature not checked here" note gives way to that verdict. */
export function findingsAfterKeyCheck<F extends { code: string }>(findings: F[], keyChecked: boolean): F[] {
  return keyChecked ? findings.filter((f) => f.code !== 'directory.signature-unverified') : findings;
}

/** A body's text read as a Directory Service document, or null when it is not one. */
export function readDirectoryText(text: string): DirectoryReading | null {
  const trimmed = text.trim();
  if (isCompactJws(trimmed)) return readDirectory(trimmed);
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (!isRecord(doc)) return null;
  if (isJwsEnvelope(doc) || ('federation' in doc && Array.isArray(doc.servers))) return readDirectory(doc);
  return null;
}

export interface DirectoryComparison {
  /** The federation's name, when it changed. */
  federation?: { before: unknown; after: unknown };
  added: DirectoryServer[];
  removed: DirectoryServer[];
  renamed: Array<{ url: string; before?: string; after?: string }>;
  /** Servers listed in both, unchanged. */
  unchanged: number;
}

const serverKey = (url: string) => url.trim().toLowerCase().replace(/\/+$/, '');

/** What changed between two directory payloads: servers added, removed or renamed (matched by url). */
export function compareDirectories(before: unknown, after: unknown): DirectoryComparison {
  const a = new Map(directoryServers(before).map((s) => [serverKey(s.url), s]));
  const b = new Map(directoryServers(after).map((s) => [serverKey(s.url), s]));
  const comparison: DirectoryComparison = {
    added: [...b].filter(([k]) => !a.has(k)).map(([, s]) => s),
    removed: [...a].filter(([k]) => !b.has(k)).map(([, s]) => s),
    renamed: [],
    unchanged: 0,
  };
  for (const [k, old] of a) {
    const now = b.get(k);
    if (!now) continue;
    if (old.displayName === now.displayName) comparison.unchanged += 1;
    else
      comparison.renamed.push({
        url: now.url,
        ...(old.displayName !== undefined ? { before: old.displayName } : {}),
        ...(now.displayName !== undefined ? { after: now.displayName } : {}),
      });
  }
  const fa = isRecord(before) ? before.federation : undefined;
  const fb = isRecord(after) ? after.federation : undefined;
  if (fa !== fb) comparison.federation = { before: fa, after: fb };
  return comparison;
}
