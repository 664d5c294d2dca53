import { lint, type LintOptions, type LintResult } from './lint/engine.ts';
import { makeFinding } from './lint/context.ts';
import { guessKind } from './detect/guess-kind.ts';
import { isCompactJws } from './directory.ts';
import type { Finding } from './finding.ts';
import { parseJsonDocument } from './json/parse-document.ts';
import type { Kind } from './kinds.ts';

export interface TextLintResult
  extends Omit<LintResult, 'kind' | 'detected' | 'version'>, Partial<Pick<LintResult, 'detected' | 'version'>> {
  kind: Kind | null;
  /** How the kind was chosen when the caller did not say. */
  kindGuess?: { reason: string };
}

/** grant_type=…&client_id=…&code=… as the token endpoint receives it. */
const FORM = /^[\w.~%+-]+=[^&\s]*(?:&[\w.~%+-]+=[^&\s]*)*$/;

/** Parses text (JSON, or a form-encoded token request) and lints it; the kind is guessed when not given. */
export function lintText(text: string, options: LintOptions & { kind?: Kind } = {}): TextLintResult {
  const trimmed = text.trim();
  if ((options.kind === 'token-request' || !options.kind) && FORM.test(trimmed) && !trimmed.startsWith('{')) {
    const doc = Object.fromEntries(new URLSearchParams(trimmed));
    return withGuess(
      lint('token-request', doc, { ...options, bodyEncoding: 'form' }),
      options.kind ? undefined : 'form-encoded grant_type/client_id/code',
    );
  }
  // A Directory Service may serve a compact JWS (header.payload.signature): text, not JSON.
  if ((options.kind === 'directory' || !options.kind) && isCompactJws(trimmed))
    return withGuess(
      lint('directory', trimmed, options),
      options.kind ? undefined : 'a compact JWS: the signed Directory Service document',
    );
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) {
    const finding: Finding = makeFinding(parsed.error.code, '', parsed.error.message);
    return { kind: options.kind ?? null, valid: false, findings: [finding] };
  }
  // A token request written as JSON is not what the token endpoint takes: say so.
  const json = { ...options, bodyEncoding: options.bodyEncoding ?? ('json' as const) };
  if (options.kind) return lint(options.kind, parsed.value, json);
  const guess = guessKind(parsed.value);
  if (!guess.kind)
    return {
      kind: null,
      kindGuess: { reason: guess.reason },
      valid: false,
      findings: [
        makeFinding(
          'doc.not-object',
          '',
          `Cannot tell which OCM document this is (${guess.reason}); pass the kind explicitly.`,
        ),
      ],
    };
  return withGuess(lint(guess.kind, parsed.value, json), guess.reason);
}

function withGuess(result: LintResult, reason: string | undefined): TextLintResult {
  return reason ? { ...result, kindGuess: { reason } } : result;
}
