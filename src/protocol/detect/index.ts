import { isRecord } from '../lint/util.ts';
import type { Kind } from '../kinds.ts';
import { compareVersions, LATEST_VERSION, SPEC_VERSIONS, type SpecVersion } from '../versions.ts';
import { discoveryClues } from './discovery.ts';
import { guessKind } from './guess-kind.ts';
import { directoryClues } from './directory.ts';
import { inviteClues, notificationClues, requestShareClues, shareClues, tokenClues } from './payloads.ts';
import type { Clues, Detection } from './types.ts';

const CLUES: Record<Kind, (doc: Record<string, unknown>) => Clues> = {
  discovery: discoveryClues,
  share: shareClues,
  notification: notificationClues,
  'invite-accepted': inviteClues,
  'invite-response': inviteClues,
  'token-request': tokenClues,
  'token-response': tokenClues,
  'request-share': requestShareClues,
  // recipientPublicKeys (ssh) is a 1.5 field; without it the answer has looked the same since 1.0.
  'share-response': (doc) =>
    Array.isArray(doc.recipientPublicKeys)
      ? {
          min: '1.5',
          dialect: 'spec',
          evidence: [{ path: '/recipientPublicKeys', reason: 'recipientPublicKeys came with ssh in draft -07 (1.5+)' }],
        }
      : { min: '1.0', dialect: 'spec', evidence: [] },
  // RFC 9421 keys in a JWK Set came with http-sig (1.3); jwksUri names where they are in 1.5.
  jwks: () => ({
    min: '1.3',
    dialect: 'spec',
    evidence: [{ path: '/keys', reason: 'a JWK Set carries the RFC 9421 signing keys (1.3+)' }],
  }),
  directory: directoryClues,
  error: () => ({ min: '1.0', dialect: 'spec', evidence: [] }),
};

/**
 * The most likely spec version(s) and vendor dialect of a document, with the fields that decided.
 * Features give a lower bound; an apiVersion (discovery) wins when it is within the bounds.
 */
export function detect(doc: unknown, kind?: Kind): Detection {
  const k = kind ?? guessKind(doc).kind ?? 'discovery';
  // A compact JWS (a Directory Service document) is text, not an object.
  if (!isRecord(doc) && !(k === 'directory' && typeof doc === 'string'))
    return { kind: k, version: LATEST_VERSION, versions: [LATEST_VERSION], dialect: 'spec', evidence: [] };
  const clues = k === 'directory' ? directoryClues(doc) : CLUES[k](doc as Record<string, unknown>);
  const max = clues.max ?? LATEST_VERSION;
  const inRange = SPEC_VERSIONS.filter((v) => compareVersions(v, clues.min) >= 0 && compareVersions(v, max) <= 0);
  const range = inRange.length ? inRange : [clues.min];
  const first = range[0]!;
  const last = range[range.length - 1]!;
  let version: SpecVersion;
  if (clues.declared)
    version = range.includes(clues.declared)
      ? clues.declared
      : compareVersions(clues.declared, first) < 0
        ? first
        : last;
  // A discovery document without apiVersion is judged by its oldest plausible version; a payload by
  // the newest version it fits (nothing in it says it is older).
  else version = k === 'discovery' ? first : last;
  const versions = [version, ...range.filter((v) => v !== version).reverse()];
  return { kind: k, version, versions, dialect: clues.dialect, evidence: clues.evidence };
}
