import { NEXTCLOUD_CAVAGE_PROFILE, OCM_RFC9421_PROFILE } from '../../src/protocol/signature-profile.ts';
import {
  DEFAULT_PARAM_ORDER,
  signCavage,
  signCavageWithProfile,
  signMessage,
  signWithProfile,
  type HeaderPairs,
  type HttpRequestInput,
  type Result,
  type SignatureParamName,
  type SignOptions,
} from '../../src/signing/index.ts';
import type { CliCommand } from './types.ts';
import { intArg, parseArgs, readKey, readMessage, UsageError } from './signing-input.ts';

const HELP = `Usage: ocm-explorer sign --request FILE --key FILE [options]

Signs an HTTP message and prints the signature base and the headers to add.

  --request FILE     JSON {method, url, headers, body?} or {status, headers, body?, request?}; "-" for stdin
  --key FILE         private key: PEM (PKCS#8, PKCS#1, SEC1) or JWK JSON (HMAC as kty "oct")
  --profile P        ocm (default): adds Content-Digest and Content-Length if missing and signs
                     "@method" "@target-uri" "content-digest" "content-length" with created=now, tag="ocm"
                     rfc9421: signs exactly --components and the parameters given (created defaults to now)
                     cavage: draft-cavage-12; Nextcloud's headers unless --components lists others
  --components C     covered components, e.g. '"@method" "@path" "content-digest"' (cavage: header names)
  --alg A            algorithm (default from the key: JWK alg, RSA-PSS OID, else key type); an RFC 9421
                     name, or a JOSE name (RS512, ES512 …) for algorithms the registry does not name
  --include-alg      write the alg parameter (left out, with a note, when the registry has no name for it)
  --keyid ID         keyid (default: the JWK kid)
  --label L          signature label (default sig1)
  --created N        created, Unix seconds (default now)
  --no-created       leave created out (rfc9421)
  --expires N  --nonce S  --tag T   (with the ocm profile they are added to, or replace, its parameters)
  --json             print {signatureBase, signatureInput, signature, headers, notes}

Parameter order: by default created, expires, keyid, nonce, alg, tag (the OCM profile's order, that of
the draft-07 appendix example). Parameters given as flags (--created, --expires, --keyid, --nonce, --tag,
and alg by the first of --alg or --include-alg) keep the command line's order among themselves, in the
places those parameters take by default: --expires E --created C signs ...;expires=E;created=C;keyid="...";
tag="ocm", and --created C --keyid K --include-alg --expires E signs ...;created=C;keyid=K;alg=...;expires=E
(RFC 9421 §4.3's proxy_sig order).
`;

// Each flag that writes a signature parameter; alg is written by --include-alg (its value may come from --alg).
const PARAM_FLAGS: Record<string, SignatureParamName> = {
  created: 'created',
  expires: 'expires',
  keyid: 'keyid',
  nonce: 'nonce',
  alg: 'alg',
  'include-alg': 'alg',
  tag: 'tag',
};

/**
 * The parameter order the command line asks for: the parameters given as flags take, in the order given,
 * the places those parameters have in the default order; the others keep theirs.
 */
export function paramOrderFromArgs(args: readonly string[]): SignatureParamName[] {
  const given: SignatureParamName[] = [];
  for (const arg of args) {
    const name = PARAM_FLAGS[arg.replace(/^--/, '').replace(/=.*$/, '')];
    if (arg.startsWith('--') && name && !given.includes(name)) given.push(name);
  }
  const queue = [...given];
  return DEFAULT_PARAM_ORDER.map((name) => (given.includes(name) ? queue.shift()! : name));
}

export const signCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(HELP);
    return 0;
  }
  try {
    const parsed = parseArgs(
      args,
      ['request', 'key', 'profile', 'alg', 'keyid', 'label', 'components', 'created', 'expires', 'nonce', 'tag'],
      ['include-alg', 'json', 'no-created'],
    );
    const requestFile = parsed.values.get('request');
    const keyFile = parsed.values.get('key');
    if (!requestFile || !keyFile) throw new UsageError('--request and --key are required');
    const profile = parsed.values.get('profile') ?? 'ocm';
    if (!['ocm', 'rfc9421', 'cavage'].includes(profile))
      throw new UsageError(`--profile must be ocm, rfc9421 or cavage (got "${profile}")`);
    const message = await readMessage(io, requestFile);
    const key = await readKey(io, keyFile);
    const alg = parsed.values.get('alg');
    const created = intArg(parsed, 'created');
    const expires = intArg(parsed, 'expires');
    const components = parsed.values.get('components');
    const keyid = parsed.values.get('keyid');
    const label = parsed.values.get('label');
    const json = parsed.flags.has('json');

    let out: Result<{
      signatureBase: string;
      signatureInput: string | null;
      signature: string;
      headers: HeaderPairs;
      notes?: string[];
    }>;
    if (profile === 'cavage') {
      if (!('method' in message)) throw new UsageError('draft-cavage signs requests only');
      const cavageKeyId = keyid ?? key.kid;
      if (!cavageKeyId)
        throw new UsageError('draft-cavage needs --keyid (e.g. https://sender.example.org/ocm#signature)');
      const request = message as HttpRequestInput;
      const signed = components
        ? await signCavage(request, {
            key,
            keyId: cavageKeyId,
            algorithm: alg ?? 'rsa-sha256',
            headers: components.replace(/"/g, '').split(/\s+/).filter(Boolean),
            ...(created !== undefined ? { created } : {}),
            ...(expires !== undefined ? { expires } : {}),
          })
        : await signCavageWithProfile(
            request,
            alg ? { ...NEXTCLOUD_CAVAGE_PROFILE, algorithm: alg } : NEXTCLOUD_CAVAGE_PROFILE,
            { key, keyId: cavageKeyId, ...(created !== undefined ? { now: created } : {}) },
          );
      out = signed.ok
        ? {
            ok: true,
            value: {
              signatureBase: signed.value.signingString,
              signatureInput: null,
              signature: signed.value.value,
              headers: signed.value.headers,
            },
          }
        : signed;
    } else {
      const paramOrder = paramOrderFromArgs(args);
      const explicit = profile === 'rfc9421' || components !== undefined;
      if (profile === 'rfc9421' && components === undefined)
        throw new UsageError('--profile rfc9421 needs --components');
      const signed = explicit
        ? await signMessage(message, {
            key,
            components: components ?? '',
            ...(alg ? { alg } : {}),
            ...(parsed.flags.has('include-alg') ? { includeAlg: true } : {}),
            ...(label ? { label } : {}),
            ...(keyid ? { keyid } : {}),
            ...(parsed.flags.has('no-created') ? { created: null } : created !== undefined ? { created } : {}),
            ...(expires !== undefined ? { expires } : {}),
            ...(parsed.values.has('nonce') ? { nonce: parsed.values.get('nonce')! } : {}),
            ...(parsed.values.has('tag') ? { tag: parsed.values.get('tag')! } : {}),
            paramOrder,
          } satisfies SignOptions)
        : await signWithProfile(message, OCM_RFC9421_PROFILE, {
            key,
            ...(alg ? { alg } : {}),
            ...(parsed.flags.has('include-alg') ? { includeAlg: true } : {}),
            ...(label ? { label } : {}),
            ...(keyid ? { keyid } : {}),
            ...(created !== undefined ? { now: created } : {}),
            ...(expires !== undefined ? { expires } : {}),
            ...(parsed.values.has('nonce') ? { nonce: parsed.values.get('nonce')! } : {}),
            ...(parsed.values.has('tag') ? { tag: parsed.values.get('tag')! } : {}),
            paramOrder,
          });
      out = signed.ok
        ? {
            ok: true,
            value: {
              signatureBase: signed.value.signatureBase,
              signatureInput: signed.value.signatureInput,
              signature: signed.value.signature,
              headers: signed.value.headers,
              notes: signed.value.notes,
            },
          }
        : signed;
    }
    if (!out.ok) {
      io.stderr(`ocm-explorer sign: ${out.error.message}${out.error.where ? ` (${out.error.where})` : ''}`);
      return 2;
    }
    if (json) io.stdout(JSON.stringify({ ...out.value, headers: Object.fromEntries(out.value.headers) }, null, 2));
    else {
      const notes = out.value.notes?.length ? `\n\nNotes:\n${out.value.notes.map((n) => `  ${n}`).join('\n')}` : '';
      io.stdout(
        `Signature base:\n${out.value.signatureBase}\n\nHeaders to add:\n${out.value.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}${notes}`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`ocm-explorer sign: ${error.message}\nRun ocm-explorer sign --help for the options.`);
      return 2;
    }
    throw error;
  }
};
