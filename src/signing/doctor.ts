// Why did a signature not verify? Turns verification problems into advice a user can act on, tries the
// usual mistakes (port, case, scheme, trailing slash, subfolder in the URL) to find what the signer signed,
// and diffs our signature base against one the user pastes.
import type { Primitive } from './algorithms.ts';
import { headerValues, parseUrl, type HttpMessageInput, type HttpRequestInput } from './message.ts';
import { verifyMessage, type VerifyOptions, type VerifyOutcome, type VerifyProblem } from './rfc9421/verify.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  /** What is wrong, in words. */
  message: string;
  /** What to do about it. */
  fix?: string;
  where?: string;
}

export type DiffLine = { kind: 'same' | 'ours' | 'theirs'; text: string };

export interface DoctorReport {
  ok: boolean;
  findings: Finding[];
  /** The signature base we rebuilt from the message. */
  signatureBase?: string;
  /** Line diff of our base against a base the user pasted. */
  diff?: DiffLine[];
  /** When the signature verifies after changing the URL: what the signer must have signed. */
  signerUrl?: string;
  outcome: VerifyOutcome;
}

const FIXES: Partial<Record<VerifyProblem['code'], string>> = {
  'no-signature':
    'Send Signature-Input and Signature headers (RFC 9421 §4). A draft-cavage request carries only Signature with keyId=; check it with the cavage profile.',
  'duplicate-member':
    'Send each Dictionary member once: one Signature-Input and one Signature member per label, and one Content-Digest value per algorithm. A repeated member is read as its last value only, so a receiver cannot tell which one was meant.',
  'tag-missing':
    'OCM receivers look for the signature with tag="ocm": add ;tag="ocm" to the Signature-Input parameters.',
  'not-tagged':
    'To sign for OCM, add ;tag="ocm" to the Signature-Input parameters of exactly one signature. Without it a receiver treats the request as unsigned: it refuses it when it advertises must-use-http-sig, and may accept it otherwise.',
  'key-alg-missing':
    'Publish every key in the JWK Set with "kid" and "alg" (e.g. "alg": "Ed25519"); strict receivers refuse a key without alg (draft-07, Keys and Algorithms).',
  'alg-forbidden':
    'Sign with an asymmetric key (Ed25519 recommended); OCM refuses HMAC and other shared-secret algorithms.',
  'created-in-future': "Check the signer's clock (NTP); created is set from the signer's time.",
  'created-too-old': 'Sign just before sending, and check both clocks; replays of old requests are refused.',
  expired: 'Sign again, or give the signature a longer expires.',
  'keyid-not-found':
    "Make the keyid equal to the kid of a key in the signer's JWK Set (the jwksUri in its /.well-known/ocm).",
  'alg-mismatch':
    "Leave out the alg parameter, or make it name the key's algorithm: the JWK alg decides (RFC 9421 §3.3.7), and an algorithm without an RFC 9421 name (RS512, ES512 …) takes no alg parameter.",
  'alg-unknown':
    'Give the key an asymmetric JOSE alg (Ed25519, ES256/384/512, PS256/384/512, RS256/384/512); in the alg parameter use an RFC 9421 name (ed25519, ecdsa-p256-sha256, rsa-pss-sha512, rsa-v1_5-sha256 …) or leave it out.',
  'digest-mismatch':
    'Compute Content-Digest over the exact body bytes sent (after any re-serialisation of the JSON), and sign after the body is final.',
  'profile-component-missing':
    'Cover every component the profile lists, in the Signature-Input of the tagged signature.',
  'param-missing': 'Add the missing parameter to the Signature-Input of this signature.',
  'component-error':
    'Every covered component must be present in the message as signed: a proxy may have dropped or renamed a header.',
  'signature-mismatch':
    'Compare the signature bases line by line: the first line that differs is what the signer saw differently.',
  'bad-signature-input':
    'Signature-Input must be a structured Dictionary: label=("@method" ...);created=...;keyid="..."',
  'bad-signature-header': 'Signature must be a structured Dictionary: label=:base64:',
};

// Signature sizes by algorithm (RSA sizes follow the modulus, whatever the hash or padding).
const RSA_ALGS: Primitive[] = [
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
  'rsa-v1_5-sha384',
  'rsa-v1_5-sha512',
  'rsa-pss-sha256',
  'rsa-pss-sha384',
];
const LENGTH_HINTS: Record<number, { text: string; algs: Primitive[] }> = {
  32: { text: 'hmac-sha256', algs: ['hmac-sha256'] },
  64: { text: 'ed25519 or ecdsa-p256-sha256', algs: ['ed25519', 'ecdsa-p256-sha256'] },
  96: { text: 'ecdsa-p384-sha384', algs: ['ecdsa-p384-sha384'] },
  132: { text: 'ES512 (ECDSA P-521)', algs: ['ecdsa-p521-sha512'] },
  256: { text: 'a 2048-bit RSA key', algs: RSA_ALGS },
  384: { text: 'a 3072-bit RSA key', algs: RSA_ALGS },
  512: { text: 'a 4096-bit RSA key', algs: RSA_ALGS },
};

/** Small LCS line diff: good enough for signature bases of a dozen lines. */
export function diffLines(ours: string, theirs: string): DiffLine[] {
  const a = ours.split(/\r?\n/);
  const b = theirs.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i++]! });
      j++;
    } else if (j < b.length && (i >= a.length || dp[i]![j + 1]! >= dp[i + 1]![j]!))
      out.push({ kind: 'theirs', text: b[j++]! });
    else out.push({ kind: 'ours', text: a[i++]! });
  }
  return out;
}

/** Explains, for one component line that differs, the usual cause. */
export function explainLineDifference(component: string, ours: string, theirs: string): string | undefined {
  if (component === '"@authority"') {
    if (ours.toLowerCase() === theirs.toLowerCase())
      return `@authority differs in case (${theirs} vs ${ours}): it must be lower-case`;
    const host = (v: string) => v.replace(/:\d+$/, '');
    if (host(ours) === host(theirs))
      return `@authority differs in the port (${theirs} vs ${ours}): default ports (80, 443) are left out, others must match the Host header`;
  }
  if (component === '"@target-uri"' || component === '"@path"' || component === '"@request-target"') {
    if (ours.replace(/\/(\?|$)/, '$1') === theirs.replace(/\/(\?|$)/, '$1'))
      return `${component} differs by a trailing slash (${theirs} vs ${ours})`;
    if (ours.replace(/^https?:/, '') === theirs.replace(/^https?:/, ''))
      return `${component} differs in the scheme (${theirs} vs ${ours}): a TLS-terminating proxy in front of the receiver?`;
    if (
      ours.length !== theirs.length &&
      (ours.endsWith(theirs.replace(/^https?:\/\/[^/]+/, '')) || theirs.endsWith(ours.replace(/^https?:\/\/[^/]+/, '')))
    ) {
      return `${component} differs by a path prefix (${theirs} vs ${ours}): a subfolder install (e.g. /nextcloud or /index.php) that one side leaves out`;
    }
  }
  if (component.startsWith('"content-digest"'))
    return `Content-Digest differs (${theirs} vs ${ours}): the body or the digest changed after signing`;
  return undefined;
}

function urlVariants(url: string): Array<{ url: string; what: string }> {
  const parts = parseUrl(url);
  if (!parts) return [];
  const out: Array<{ url: string; what: string }> = [];
  const q = parts.query === null ? '' : `?${parts.query}`;
  const other = parts.scheme === 'https' ? 'http' : 'https';
  out.push({ url: `${other}://${parts.authority}${parts.path}${q}`, what: `the scheme ${other}` });
  if (parts.path.endsWith('/') && parts.path !== '/')
    out.push({ url: `${parts.scheme}://${parts.authority}${parts.path.slice(0, -1)}${q}`, what: 'no trailing slash' });
  else out.push({ url: `${parts.scheme}://${parts.authority}${parts.path}/${q}`, what: 'a trailing slash' });
  const port = parts.scheme === 'https' ? 443 : 80;
  if (/:\d+$/.test(parts.authority))
    out.push({
      url: `${parts.scheme}://${parts.authority.replace(/:\d+$/, '')}${parts.path}${q}`,
      what: 'no port in @authority',
    });
  if (!/:\d+$/.test(parts.authority))
    out.push({
      url: `${parts.scheme}://${parts.authority}:${port}${parts.path}${q}`,
      what: `an explicit :${port} in @authority`,
    });
  const segments = parts.path.split('/').filter(Boolean);
  if (segments.length > 1)
    out.push({
      url: `${parts.scheme}://${parts.authority}/${segments.slice(1).join('/')}${q}`,
      what: `no /${segments[0]} prefix (subfolder)`,
    });
  out.push({ url: `${parts.scheme}://${parts.authority}/index.php${parts.path}${q}`, what: 'an /index.php prefix' });
  return out;
}

/** Verifies, and when that fails, says why in words and looks for what the signer signed instead. */
export async function diagnose(
  message: HttpMessageInput,
  options: VerifyOptions & { pastedBase?: string } = {},
): Promise<DoctorReport> {
  const outcome = await verifyMessage(message, options);
  const report: DoctorReport = { ok: outcome.ok, findings: [], outcome };
  if (outcome.signatureBase !== undefined) report.signatureBase = outcome.signatureBase;
  const add = (problem: VerifyProblem, severity: Severity) => {
    const finding: Finding = { code: problem.code, severity, message: problem.message };
    const fix = FIXES[problem.code];
    if (fix) finding.fix = fix;
    if (problem.where) finding.where = problem.where;
    report.findings.push(finding);
  };
  for (const problem of outcome.problems) add(problem, 'error');
  for (const warning of outcome.warnings) add(warning, 'warning');
  for (const note of outcome.notes) report.findings.push({ code: 'note', severity: 'info', message: note });

  const mismatch = outcome.problems.some((p) => p.code === 'signature-mismatch');
  const hint = outcome.signatureLength !== undefined ? LENGTH_HINTS[outcome.signatureLength] : undefined;
  if (mismatch && hint && outcome.primitive && !hint.algs.includes(outcome.primitive)) {
    report.findings.push({
      code: 'signature-length',
      severity: 'warning',
      message: `the signature is ${outcome.signatureLength} bytes, typical of ${hint.text}, but it was checked as ${outcome.alg}: is this the signer's key?`,
    });
  }
  if (mismatch && 'url' in message) {
    const covered = outcome.components.some((c) =>
      ['"@target-uri"', '"@authority"', '"@path"', '"@scheme"', '"@request-target"'].includes(c),
    );
    if (covered) {
      for (const variant of urlVariants((message as HttpRequestInput).url)) {
        const retry = await verifyMessage(
          { ...(message as HttpRequestInput), url: variant.url },
          { ...options, now: options.now ?? outcome.params?.created },
        );
        if (!retry.problems.some((p) => p.code === 'signature-mismatch' || p.code === 'component-error')) {
          report.signerUrl = variant.url;
          report.findings.unshift({
            code: 'url-differs',
            severity: 'error',
            message: `the signature verifies if the request URL is ${variant.url} (${variant.what}): the signer signed a different @target-uri/@authority than this request has`,
            fix: 'Sign the URL exactly as it is sent (scheme, host, port, path), or configure the receiver with its public URL when it sits behind a proxy.',
          });
          break;
        }
      }
    }
    const host = headerValues(message.headers, 'host')[0];
    const urlHost = parseUrl((message as HttpRequestInput).url)?.authority;
    if (host && urlHost && host.toLowerCase() !== urlHost) {
      report.findings.push({
        code: 'host-differs',
        severity: 'warning',
        message: `the Host header (${host}) differs from the URL's authority (${urlHost}); @authority is taken from the URL`,
      });
    }
  }

  if (options.pastedBase !== undefined && outcome.signatureBase !== undefined) {
    report.diff = diffLines(outcome.signatureBase, options.pastedBase);
    const theirs = new Map(
      options.pastedBase
        .split(/\r?\n/)
        .map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)] as const),
    );
    for (const line of outcome.lines ?? []) {
      const other = theirs.get(line.component);
      if (other === undefined)
        report.findings.push({
          code: 'base-line-missing',
          severity: 'error',
          message: `the pasted base has no ${line.component} line`,
        });
      else if (other !== line.value) {
        report.findings.push({
          code: 'base-line-differs',
          severity: 'error',
          message:
            explainLineDifference(line.component, line.value, other) ??
            `${line.component} differs: signer "${other}", we "${line.value}"`,
          where: line.component,
        });
      }
    }
    const ourParams = outcome.signatureBase.split('\n').pop();
    const theirParams = options.pastedBase.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n').pop();
    if (ourParams !== theirParams)
      report.findings.push({
        code: 'base-params-differ',
        severity: 'error',
        message: `the @signature-params lines differ: the signer must sign exactly the Signature-Input value it sends`,
      });
  }
  return report;
}
