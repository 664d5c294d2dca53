// Results are data: every operation that can fail on user input returns a Result with a code and a message
// that names what was wrong and where, instead of throwing.

export type ErrorCode =
  | 'bad-message'
  | 'bad-signature-input'
  | 'bad-signature'
  | 'missing-signature'
  | 'unknown-label'
  | 'missing-component'
  | 'bad-component'
  | 'unknown-component'
  | 'duplicate-component'
  | 'bad-key'
  | 'unsupported-algorithm'
  | 'alg-mismatch'
  | 'bad-base64'
  | 'crypto-failed'
  | 'bad-digest';

export interface SigningError {
  code: ErrorCode;
  message: string;
  /** Where the problem is, e.g. 'Signature-Input' or '"content-digest"'. */
  where?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SigningError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, where?: string): { ok: false; error: SigningError } => ({
  ok: false,
  error: where === undefined ? { code, message } : { code, message, where },
});

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** JSON text or an already parsed value; bad JSON is a bad-key error naming what was being read. */
export function jsonInput(input: string | object, what: string): Result<unknown> {
  if (typeof input !== 'string') return ok(input);
  try {
    return ok(JSON.parse(input));
  } catch (error) {
    return fail('bad-key', `the ${what} is not valid JSON: ${errorText(error)}`, what);
  }
}
