/**
 * What an app's response headers say about opening it in a frame or a popup: X-Frame-Options, CSP
 * frame-ancestors (every policy must allow), Cross-Origin-Opener-Policy and cookies' SameSite. Pure.
 */

export type Prediction = 'allowed' | 'refused';

export interface HeaderFinding {
  header: string;
  /** The header value as received (quoted to the user). */
  value: string;
  note: string;
}

export interface FrameDiagnosis {
  iframe: Prediction;
  /** One line: why the iframe will load or be refused. */
  iframeReason: string;
  /** Whether the popup keeps its opener (COOP can sever it). */
  popupOpener: boolean;
  findings: HeaderFinding[];
}

type Headers = readonly (readonly [string, string])[];

const all = (headers: Headers, name: string) =>
  headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v.trim());

interface Origin {
  scheme: string;
  host: string;
  port: string;
}

function parseOrigin(origin: string): Origin | undefined {
  try {
    const u = new URL(origin);
    const port = u.port || (u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '');
    return { scheme: u.protocol.slice(0, -1), host: u.hostname.toLowerCase(), port };
  } catch {
    return undefined;
  }
}

/** Does one CSP source expression match an ancestor origin? (CSP3 "Does url match expression in origin…") */
export function sourceMatches(source: string, ancestor: string, appOrigin: string): boolean {
  const s = source.trim();
  const lower = s.toLowerCase();
  const a = parseOrigin(ancestor);
  if (!a) return false;
  if (lower === "'none'") return false;
  if (lower === "'self'")
    return parseOrigin(appOrigin) !== undefined && new URL(appOrigin).origin === new URL(ancestor).origin;
  if (s === '*') return a.scheme === 'http' || a.scheme === 'https';
  const schemeOnly = /^([a-z][a-z0-9+.-]*):$/i.exec(s);
  if (schemeOnly) {
    const scheme = schemeOnly[1]!.toLowerCase();
    // http: also matches https (upgrade), as browsers do.
    return scheme === a.scheme || (scheme === 'http' && a.scheme === 'https');
  }
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|\*\.[^:/]+|[^:/*]+)(?::(\d+|\*))?(?:\/.*)?$/i.exec(s);
  if (!m) return false;
  const [, scheme, host, port] = m;
  if (scheme) {
    const sc = scheme.toLowerCase();
    if (!(sc === a.scheme || (sc === 'http' && a.scheme === 'https'))) return false;
  } else {
    const app = parseOrigin(appOrigin);
    if (!(a.scheme === app?.scheme || (app?.scheme === 'http' && a.scheme === 'https'))) return false;
  }
  const h = host!.toLowerCase();
  if (h.startsWith('*.')) {
    if (!a.host.endsWith(h.slice(1))) return false;
  } else if (h !== '*' && h !== a.host) return false;
  if (port === '*') return true;
  if (port) return port === a.port;
  const effective = scheme?.toLowerCase() ?? a.scheme;
  return a.port === (effective === 'https' ? '443' : '80') || (effective === 'http' && a.port === '443');
}

/** Every `frame-ancestors` directive in the CSP headers (one header may hold several policies, comma-separated). */
export function frameAncestorsPolicies(headers: Headers): string[][] {
  const out: string[][] = [];
  for (const header of all(headers, 'content-security-policy'))
    for (const policy of header.split(','))
      for (const directive of policy.split(';')) {
        const [name, ...sources] = directive.trim().split(/\s+/);
        if (name?.toLowerCase() === 'frame-ancestors') {
          out.push(sources);
          break; // only the first frame-ancestors of a policy counts
        }
      }
  return out;
}

/**
 * Predicts whether `consoleOrigin` may frame the app at `appOrigin`, and whether a popup keeps its opener.
 * CSP frame-ancestors, when present, wins over X-Frame-Options (browsers ignore XFO then).
 */
export function diagnoseFrameHeaders(headers: Headers, appOrigin: string, consoleOrigin: string): FrameDiagnosis {
  const findings: HeaderFinding[] = [];
  const sameOrigin = new URL(appOrigin).origin === new URL(consoleOrigin).origin;
  let iframe: Prediction = 'allowed';
  let iframeReason = 'Nothing in the headers forbids framing.';

  const policies = frameAncestorsPolicies(headers);
  for (const header of all(headers, 'content-security-policy')) {
    if (!/frame-ancestors/i.test(header)) continue;
    findings.push({ header: 'Content-Security-Policy', value: header, note: 'frame-ancestors decides framing.' });
  }
  if (policies.length) {
    const refusing = policies.find((sources) => !sources.some((s) => sourceMatches(s, consoleOrigin, appOrigin)));
    if (refusing) {
      iframe = 'refused';
      iframeReason = `iframe will be refused: frame-ancestors ${refusing.join(' ') || "(empty = 'none')"} does not allow ${consoleOrigin}`;
    } else iframeReason = `frame-ancestors allows ${consoleOrigin}.`;
  }
  for (const xfo of all(headers, 'x-frame-options')) {
    const v = xfo.toUpperCase();
    const refuses = v === 'DENY' || (v === 'SAMEORIGIN' && !sameOrigin);
    findings.push({
      header: 'X-Frame-Options',
      value: xfo,
      note: policies.length
        ? 'ignored by browsers: CSP frame-ancestors is present and wins.'
        : refuses
          ? 'refuses framing by this console.'
          : v.startsWith('ALLOW-FROM')
            ? 'ALLOW-FROM is obsolete and ignored by current browsers.'
            : 'allows framing by this console.',
    });
    if (!policies.length && refuses) {
      iframe = 'refused';
      iframeReason = `iframe will be refused: X-Frame-Options ${xfo}`;
    }
  }

  const coop = all(headers, 'cross-origin-opener-policy')[0];
  let popupOpener = true;
  if (coop) {
    const value = coop.split(';')[0]!.trim().toLowerCase();
    popupOpener = value === 'unsafe-none' || (sameOrigin && value !== 'noopener-allow-popups');
    findings.push({
      header: 'Cross-Origin-Opener-Policy',
      value: coop,
      note: popupOpener
        ? 'the popup keeps its opener.'
        : 'the popup loses its opener: window.opener is null in the app, and the console cannot see or message it.',
    });
  }

  for (const cookie of all(headers, 'set-cookie')) {
    const name = cookie.split('=')[0]!.trim();
    const sameSite = /;\s*samesite=(\w+)/i.exec(cookie)?.[1]?.toLowerCase();
    const note =
      sameSite === 'none'
        ? 'SameSite=None: sent in a cross-site iframe only if third-party cookies are allowed (many browsers block them).'
        : `SameSite=${sameSite ?? 'Lax (default)'}: not sent inside a cross-site iframe, so a session kept in this cookie will not stick there.`;
    findings.push({ header: 'Set-Cookie', value: `${name}=…`, note });
  }
  return { iframe, iframeReason, popupOpener, findings };
}
