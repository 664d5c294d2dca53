// Is a signature fresh? One rule for RFC 9421 `created`/`expires` and draft-cavage's `Date`, judged against
// the verification time with a window the user can set. RFC 9421 §3.2.1 leaves the window to the
// application; deployed OCM peers use 300 s (Nextcloud's draft-cavage Date TTL), which is the default here.
// Whether a finding refuses the signature or only warns is the caller's choice (the profile's), so the
// verdict names the age either way.

/** The window a signature's time must fall in. */
export interface FreshnessWindow {
  /** How old `created` (or `Date`) may be, in seconds. */
  maxAgeSeconds: number;
  /** How far in the future it may be (clock skew), in seconds. */
  clockSkewSeconds: number;
}

/** 300 s, as Nextcloud's verifier and other deployed receivers allow; 60 s of skew into the future. */
export const DEFAULT_FRESHNESS: FreshnessWindow = { maxAgeSeconds: 300, clockSkewSeconds: 60 };

/** Every freshness finding, as data (the conformance map names them). */
export const FRESHNESS_CODES = [
  'created-in-future',
  'created-too-old',
  'expired',
  'date-unparsable',
  'date-too-old',
  'date-in-future',
] as const;
export type FreshnessCode = (typeof FRESHNESS_CODES)[number];

export interface FreshnessFinding {
  code: FreshnessCode;
  message: string;
  where: 'created' | 'expires' | 'date';
  /** Seconds between the signature's time and the verification time (negative: in the future). */
  ageSeconds?: number;
}

/** A duration in words a person reads at a glance: "45 s", "12 min 5 s", "2 d 3 h", "1 y 12 d". */
export function describeDuration(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  const units: Array<[string, number]> = [
    ['y', 365 * 86400],
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [name, size] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${name}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.length ? parts.join(' ') : '0 s';
}

function windowText(window: FreshnessWindow): string {
  return `the window is ${window.maxAgeSeconds} s`;
}

/** Judges RFC 9421 `created` and `expires` (Unix seconds) at `now` (Unix seconds). */
export function judgeSignatureTimes(
  times: { created?: number; expires?: number },
  now: number,
  window: FreshnessWindow = DEFAULT_FRESHNESS,
): FreshnessFinding[] {
  const out: FreshnessFinding[] = [];
  if (times.created !== undefined) {
    const age = now - times.created;
    if (age < -window.clockSkewSeconds)
      out.push({
        code: 'created-in-future',
        message: `created=${times.created} is ${describeDuration(age)} after the verification time (allowed skew ${window.clockSkewSeconds} s): the signer's clock is ahead, or the verifier's is behind`,
        where: 'created',
        ageSeconds: age,
      });
    else if (age > window.maxAgeSeconds)
      out.push({
        code: 'created-too-old',
        message: `created=${times.created} is ${describeDuration(age)} before the verification time; ${windowText(window)}: a replay, a slow queue, or a clock behind`,
        where: 'created',
        ageSeconds: age,
      });
  }
  if (times.expires !== undefined && times.expires < now)
    out.push({
      code: 'expired',
      message: `the signature expired ${describeDuration(now - times.expires)} before the verification time (expires=${times.expires})`,
      where: 'expires',
      ageSeconds: now - times.expires,
    });
  return out;
}

/**
 * Judges a draft-cavage `Date` header at `now` (Unix seconds). RFC 9110 §5.6.7: an HTTP date; one that
 * does not parse cannot show the request is fresh, so it is a finding too.
 */
export function judgeDateHeader(
  date: string,
  now: number,
  window: FreshnessWindow = DEFAULT_FRESHNESS,
): FreshnessFinding[] {
  const at = parseHttpDate(date);
  if (at === undefined)
    return [
      {
        code: 'date-unparsable',
        message: `the Date header ${JSON.stringify(date.slice(0, 80))} is not an HTTP date (RFC 9110 §5.6.7, e.g. "Sun, 06 Nov 1994 08:49:37 GMT"), so the request cannot be shown to be fresh`,
        where: 'date',
      },
    ];
  const age = now - at;
  if (age < -window.clockSkewSeconds)
    return [
      {
        code: 'date-in-future',
        message: `Date is ${describeDuration(age)} after the verification time (allowed skew ${window.clockSkewSeconds} s): the signer's clock is ahead, or the verifier's is behind`,
        where: 'date',
        ageSeconds: age,
      },
    ];
  if (age > window.maxAgeSeconds)
    return [
      {
        code: 'date-too-old',
        message: `Date is ${describeDuration(age)} before the verification time; ${windowText(window)} (deployed receivers such as Nextcloud refuse it)`,
        where: 'date',
        ageSeconds: age,
      },
    ];
  return [];
}

const IMF_FIXDATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Unix seconds of an HTTP date, or undefined. IMF-fixdate is what senders must write; the obsolete RFC 850
 * and asctime forms are read too, as RFC 9110 asks recipients to. Anything else (an ISO date, "wrong date")
 * is not an HTTP date, though `Date.parse` would take some of it.
 */
export function parseHttpDate(text: string): number | undefined {
  const value = text.trim();
  const obsolete =
    /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/.test(
      value,
    ) || /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/.test(value);
  if (!IMF_FIXDATE.test(value) && !obsolete) return undefined;
  const ms = Date.parse(/GMT$/.test(value) ? value : `${value} GMT`);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
