// Problem texts put together from several attempts (two discovery paths, several candidates) often say the
// same thing twice: a DNS failure or a slow server fails each path alike. Every page says it once.

/**
 * The texts joined as one, each sentence said once, in the order first said. Sentences end at a full stop
 * followed by whitespace; missing or empty texts are left out.
 */
export function sayOnce(...texts: (string | undefined)[]): string {
  const sentences = texts
    .filter((t): t is string => !!t?.trim())
    .flatMap((t) => t.trim().split(/(?<=\.)\s+/))
    .filter(Boolean);
  return [...new Set(sentences)].join(' ');
}
