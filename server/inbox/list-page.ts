import type { Finding } from '../../src/contract/finding.ts';
import type { InboundRecord, StoredBody } from '../../src/contract/inbound.ts';
import type { InboxStore } from './store.ts';

/** What a listed record keeps of its body and of the answer sent (characters). */
export const LISTED_BODY_CHARS = 8 * 1024;
/** Findings a listed record keeps (errors first). */
export const LISTED_FINDINGS = 50;

function cutBody(body: StoredBody): StoredBody | undefined {
  if (body.data.length <= LISTED_BODY_CHARS) return undefined;
  // base64 is cut on a 4-character boundary so the part kept still decodes.
  const keep = body.encoding === 'base64' ? LISTED_BODY_CHARS - (LISTED_BODY_CHARS % 4) : LISTED_BODY_CHARS;
  return { ...body, data: body.data.slice(0, keep) };
}

function cutFindings(findings: Finding[] | undefined): Finding[] | undefined {
  if (!findings || findings.length <= LISTED_FINDINGS) return undefined;
  const rank = (f: Finding) => (f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2);
  return [...findings].sort((a, b) => rank(a) - rank(b)).slice(0, LISTED_FINDINGS);
}

/**
 * A record as lists show it: a large body (or answer) cut to its first 8 KiB and long findings lists to
 * their first 50, marked `abridged`; the rest is at GET /api/inbox/<id>. Small records are listed whole.
 */
export function listed(record: InboundRecord): InboundRecord {
  const body = cutBody(record.body);
  const findings = cutFindings(record.findings);
  const answer = record.response && record.response.body.length > LISTED_BODY_CHARS ? record.response : undefined;
  if (!body && !findings && !answer) return record;
  return {
    ...record,
    ...(body ? { body } : {}),
    ...(findings ? { findings } : {}),
    ...(answer ? { response: { ...answer, body: answer.body.slice(0, LISTED_BODY_CHARS) } } : {}),
    abridged: true,
  };
}

export interface PageRequest {
  /** Records at most. */
  limit: number;
  /** Only records with a sequence number below this (the `next` of the page before). */
  before?: number;
  /** Bytes of JSON at most (at least one record is given, whatever its size). */
  maxBytes: number;
}

/** One page of the inbox, newest first, each record as lists show it. */
export function listPage(
  store: InboxStore,
  { limit, before, maxBytes }: PageRequest,
): { records: InboundRecord[]; total: number; next?: number } {
  // One more than asked, to know whether an older page follows.
  const candidates = store.list(limit + 1, before);
  const records: InboundRecord[] = [];
  let bytes = 0;
  for (const record of candidates.slice(0, limit)) {
    const shown = listed(record);
    bytes += JSON.stringify(shown).length;
    if (records.length && bytes > maxBytes) break;
    records.push(shown);
  }
  const more = candidates.length > records.length;
  return { records, total: store.size, ...(more ? { next: records.at(-1)!.seq } : {}) };
}
