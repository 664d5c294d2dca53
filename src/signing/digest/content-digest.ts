// RFC 9530 Content-Digest (a structured Dictionary of byte sequences) and the legacy RFC 3230 `Digest`
// header that draft-cavage peers such as Nextcloud still send.
import { parseDictionary, serializeDictionary, type Dictionary } from 'structured-headers';
import { fromBase64, subtle, toBase64, toBytes } from '../bytes.ts';
import { signatureEngine } from '../engine.ts';
import { fail, ok, type Result, errorText } from '../result.ts';

export type DigestAlgorithm = 'sha-256' | 'sha-512';
const HASH: Record<DigestAlgorithm, string> = { 'sha-256': 'SHA-256', 'sha-512': 'SHA-512' };

export async function digestBytes(body: string | Uint8Array | undefined, alg: DigestAlgorithm): Promise<Uint8Array> {
  const bytes = toBytes(body);
  return (
    signatureEngine()?.digest?.(HASH[alg] as 'SHA-256' | 'SHA-512', bytes) ??
    new Uint8Array(await subtle().digest(HASH[alg], bytes))
  );
}

/** The Content-Digest value for a body, e.g. `sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:`. */
export async function createContentDigest(
  body: string | Uint8Array | undefined,
  algs: DigestAlgorithm[] = ['sha-256'],
): Promise<string> {
  const dict: Dictionary = new Map();
  for (const alg of algs) dict.set(alg, [(await digestBytes(body, alg)).buffer as ArrayBuffer, new Map()]);
  return serializeDictionary(dict);
}

export interface DigestEntry {
  algorithm: string;
  /** False for algorithms we do not compute (they are reported, not checked). */
  recognised: boolean;
  received: string;
  computed?: string;
  matches?: boolean;
}

export interface DigestCheck {
  ok: boolean;
  entries: DigestEntry[];
  /** Why ok is false, in words. */
  reason?: string;
}

/** Checks a Content-Digest header against the body: every recognised algorithm must match (OCM §5.1). */
export async function checkContentDigest(
  headerValue: string,
  body: string | Uint8Array | undefined,
): Promise<Result<DigestCheck>> {
  let dict: Dictionary;
  try {
    dict = parseDictionary(headerValue);
  } catch (error) {
    return fail(
      'bad-digest',
      `Content-Digest is not a structured Dictionary (RFC 9530 §2): ${errorText(error)}`,
      'Content-Digest',
    );
  }
  const entries: DigestEntry[] = [];
  for (const [alg, member] of dict) {
    const value = member[0];
    if (!(value instanceof ArrayBuffer)) {
      return fail(
        'bad-digest',
        `Content-Digest "${alg}" must be a byte sequence (:base64:), not ${JSON.stringify(String(value))}`,
        'Content-Digest',
      );
    }
    const received = toBase64(new Uint8Array(value));
    if (alg !== 'sha-256' && alg !== 'sha-512') {
      entries.push({ algorithm: alg, recognised: false, received });
      continue;
    }
    const computed = toBase64(await digestBytes(body, alg));
    entries.push({ algorithm: alg, recognised: true, received, computed, matches: computed === received });
  }
  return ok(summarise(entries, 'Content-Digest'));
}

/** The legacy `Digest` value, e.g. `SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=`. */
export async function createLegacyDigest(
  body: string | Uint8Array | undefined,
  alg: 'SHA-256' | 'SHA-512' = 'SHA-256',
): Promise<string> {
  return `${alg}=${toBase64(await digestBytes(body, alg === 'SHA-256' ? 'sha-256' : 'sha-512'))}`;
}

/** Checks a legacy `Digest: SHA-256=...` header (algorithm names are case-insensitive). */
export async function checkLegacyDigest(
  headerValue: string,
  body: string | Uint8Array | undefined,
): Promise<Result<DigestCheck>> {
  const entries: DigestEntry[] = [];
  for (const part of headerValue.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0)
      return fail('bad-digest', `Digest entry "${part.trim()}" is not of the form ALGORITHM=base64`, 'Digest');
    const name = part.slice(0, at).trim();
    const received = part.slice(at + 1).trim();
    const alg = name.toLowerCase();
    if (alg !== 'sha-256' && alg !== 'sha-512') {
      entries.push({ algorithm: name, recognised: false, received });
      continue;
    }
    if (!fromBase64(received)) return fail('bad-base64', `Digest ${name} value is not valid base64`, 'Digest');
    const computed = toBase64(await digestBytes(body, alg));
    entries.push({ algorithm: name, recognised: true, received, computed, matches: computed === received });
  }
  return ok(summarise(entries, 'Digest'));
}

function summarise(entries: DigestEntry[], header: string): DigestCheck {
  const known = entries.filter((e) => e.recognised);
  const bad = known.find((e) => !e.matches);
  if (bad)
    return {
      ok: false,
      entries,
      reason: `${header} ${bad.algorithm} does not match the body: computed ${bad.computed}, received ${bad.received}`,
    };
  if (!known.length)
    return { ok: false, entries, reason: `${header} has no algorithm we can check (sha-256 or sha-512)` };
  return { ok: true, entries };
}
