// Every line of the graded check, with its area, title and the spec section it comes from.
import type { CheckArea } from '../../contract/check.ts';
import type { SectionId } from '../spec-refs.ts';

interface LineInfo {
  area: CheckArea;
  title: string;
  section?: SectionId;
}

const line = (area: CheckArea, title: string, section?: SectionId): LineInfo => ({
  area,
  title,
  ...(section ? { section } : {}),
});

export const CHECK_LINES = {
  'discovery.reachable': line('discovery', 'Discovery document served', 'discovery'),
  'discovery.lint': line('discovery', 'Discovery document lints clean', 'discovery'),
  'transport.https': line('transport', 'Served over https'),
  'transport.redirect': line('transport', 'No redirect on discovery'),
  'transport.latency': line('transport', 'Answers promptly'),
  'transport.skipped': line('transport', 'Not checked'),
  'keys.jwks-uri': line('keys', 'jwksUri published', 'signatures'),
  'keys.jwks': line('keys', 'JWKS reachable and readable', 'signatures'),
  'keys.members': line('keys', 'Every key has kid and alg, none is symmetric', 'signatures'),
  'keys.legacy-public-key': line('keys', 'Legacy publicKey parses', 'cavage'),
  'keys.none': line('keys', 'Signing keys'),
  'keys.skipped': line('keys', 'Not checked'),
  'signatures.endpoint': line('signatures', 'Signature policy'),
  'signatures.not-required': line('signatures', 'Signature policy'),
  'signatures.unsigned': line('signatures', 'Refuses an unsigned share', 'signatures'),
  'signatures.digest': line('signatures', 'Refuses a wrong Content-Digest', 'signatures'),
  'signatures.stale': line('signatures', 'Refuses a stale created (10 minutes old)', 'signatures'),
  'signatures.skipped': line('signatures', 'Not checked'),
  'validation.endpoint': line('validation', 'Input validation'),
  'validation.share': line('validation', 'Refuses an invalid share with a spec-shaped error', 'share'),
  'validation.skipped': line('validation', 'Not checked'),
  'token.not-advertised': line('token', 'Token endpoint'),
  'token.missing': line('token', 'tokenEndPoint published', 'token-exchange'),
  'token.unsigned-skipped': line('token', 'Token endpoint'),
  'token.invalid-grant': line('token', 'Refuses an unknown code with invalid_grant', 'token-exchange'),
  'token.skipped': line('token', 'Not checked'),
} as const satisfies Record<string, LineInfo>;

export type CheckLineId = keyof typeof CHECK_LINES;
