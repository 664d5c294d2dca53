/** The least a user-given access token must carry: past this, guessing at the sign-in limit takes forever. */
export const MIN_TOKEN_BITS = 128;

export interface TokenStrength {
  /** Estimated bits: the characters that count × log2(the alphabet the token actually uses). */
  bits: number;
  alphabet: number;
  /** Characters left once repeats of a shorter unit and runs with a constant step (aaaa, 1234, acegi) are cut. */
  counted: number;
}

/** The shortest unit the whole token repeats at least twice (`abcabcab` → `abc`), or the token itself. */
function unitOf(token: string): string {
  for (let period = 1; period <= token.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < token.length && repeats; i++) repeats = token[i] === token[i - period];
    if (repeats) return token.slice(0, period);
  }
  return token;
}

/**
 * A conservative estimate of how hard a token is to guess, as if each character that counts were drawn at random
 * from the classes the token uses (lower case 26, upper case 26, digits 10, and each other character seen once).
 * Patterns a person types get no credit: a repeated unit counts once, and inside a run whose characters step by the
 * same amount only the first two count.
 */
export function tokenStrength(token: string): TokenStrength {
  const chars = [...unitOf(token)];
  let counted = 0;
  for (let i = 0; i < chars.length; i++) {
    const step = (j: number) => chars[j]!.codePointAt(0)! - chars[j - 1]!.codePointAt(0)!;
    // Only small steps make a typed pattern; two equal large steps in a row are chance.
    if (i < 2 || step(i) !== step(i - 1) || Math.abs(step(i)) > 1) counted++;
  }
  const all = [...token];
  const others = new Set(all.filter((ch) => !/[a-zA-Z0-9]/.test(ch)));
  const alphabet =
    (all.some((ch) => /[a-z]/.test(ch)) ? 26 : 0) +
    (all.some((ch) => /[A-Z]/.test(ch)) ? 26 : 0) +
    (all.some((ch) => /[0-9]/.test(ch)) ? 10 : 0) +
    others.size;
  return { bits: alphabet > 1 ? counted * Math.log2(alphabet) : 0, alphabet, counted };
}

/** Why a token is too weak to protect a public console, or undefined when it is strong enough. */
export function weakTokenReason(token: string): string | undefined {
  const { bits, alphabet, counted } = tokenStrength(token);
  if (bits >= MIN_TOKEN_BITS) return undefined;
  return (
    `too easy to guess: about ${Math.floor(bits)} bits (${counted} characters that count, from an alphabet of ` +
    `${alphabet}), at least ${MIN_TOKEN_BITS} are needed. Leave it out to have one made, or make one with ` +
    '`openssl rand -base64 24`'
  );
}
