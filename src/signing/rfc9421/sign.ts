import { serializeItem, type Parameters } from 'structured-headers';
import {
  isPrimitive,
  isSignatureAlgorithm,
  joseName,
  primitiveFromJose,
  PRIMITIVES,
  SIGNATURE_ALGORITHMS,
  type Primitive,
} from '../algorithms.ts';
import { toBase64, toBytes, utf8 } from '../bytes.ts';
import { signBytes } from '../crypto.ts';
import { createContentDigest } from '../digest/content-digest.ts';
import { defaultAlgorithm, describeKey, keyTypeMatches, type KeyMaterial } from '../keys/material.ts';
import { hasHeader, headerValues, withHeaders, type HeaderPairs, type HttpMessageInput } from '../message.ts';
import type { Rfc9421Profile, SignatureParamName } from '../profile.ts';
import { fail, ok, type Result } from '../result.ts';
import { buildSignatureBase, type BaseLine } from './base.ts';
import { parseComponents } from './components.ts';

export interface SignOptions {
  key: KeyMaterial;
  /**
   * Defaults to the key's algorithm (JWK alg, RSA-PSS OID, else key type). An RFC 9421 name, or a JOSE
   * name (RS512, ES512 …) for the algorithms the registry does not name.
   */
  alg?: Primitive | string;
  /**
   * Write the `alg` parameter (off by default: RFC 9421 §3.3.7 and OCM derive it from the key). Left out,
   * with a note, when the algorithm has no RFC 9421 name (OCM: "the alg signature parameter MUST be omitted").
   */
  includeAlg?: boolean;
  /**
   * The order of the signature parameters, as the signer wants them (RFC 9421 keeps whatever order the
   * signer writes; §4.3's example puts expires last). Parameters not listed follow in DEFAULT_PARAM_ORDER.
   */
  paramOrder?: readonly SignatureParamName[];
  label?: string;
  /** `"@method" "@path"` or ['@method', '"@query-param";name="x"']. */
  components: string | readonly string[];
  /** Unix seconds; defaults to `now`; null leaves it out. */
  created?: number | null;
  expires?: number;
  nonce?: string;
  /** Defaults to the key's kid; null leaves it out. */
  keyid?: string | null;
  tag?: string;
  /** Current time in Unix seconds (for tests and replays). */
  now?: number;
}

export interface SignResult<M extends HttpMessageInput = HttpMessageInput> {
  label: string;
  alg: Primitive;
  /** Things the signer chose that the caller may not expect (e.g. an alg parameter left out). */
  notes: string[];
  keyid?: string;
  /** The exact bytes that were signed, as text. */
  signatureBase: string;
  lines: BaseLine[];
  /** The inner list with parameters: `("@method" ...);created=...`. */
  signatureParams: string;
  /** Full header values: `label=("@method" ...);created=...` and `label=:base64:`. */
  signatureInput: string;
  signature: string;
  /** Base64 of the raw signature. */
  signatureValue: string;
  /** Every header this call added (Signature-Input and Signature, plus any the profile added first). */
  headers: HeaderPairs;
  /** The message with those headers appended. */
  message: M;
}

/** The order parameters are written in unless the caller or profile says otherwise (the OCM -07 example's order). */
export const DEFAULT_PARAM_ORDER: readonly SignatureParamName[] = [
  'created',
  'expires',
  'keyid',
  'nonce',
  'alg',
  'tag',
];

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Chooses the algorithm for a key: the requested one (RFC 9421 or JOSE name) must fit the key type. */
export function resolveAlgorithm(key: KeyMaterial, requested?: string): Result<Primitive> {
  if (requested !== undefined) {
    const primitive = isPrimitive(requested) ? requested : primitiveFromJose(requested, key.crv);
    if (!primitive)
      return fail(
        'unsupported-algorithm',
        `"${requested}" is neither an RFC 9421 algorithm (${SIGNATURE_ALGORITHMS.join(', ')}) nor a JOSE signature algorithm this console implements (RS256/384/512, PS256/384/512, ES256/384/512, Ed25519/EdDSA)`,
        'alg',
      );
    if (!keyTypeMatches(key, primitive))
      return fail(
        'alg-mismatch',
        `algorithm ${requested} needs ${PRIMITIVES[primitive].kty}${PRIMITIVES[primitive].crv ? ` ${PRIMITIVES[primitive].crv}` : ''} key, but the key is ${describeKey(key)}`,
        'alg',
      );
    return ok(primitive);
  }
  const alg = defaultAlgorithm(key);
  if (!alg)
    return fail(
      'unsupported-algorithm',
      `no signature algorithm fits ${describeKey(key)}${key.joseAlg ? ` with JWK alg ${key.joseAlg}` : ''}`,
      'alg',
    );
  return ok(alg);
}

/** Signs a request or response (RFC 9421 §3.1) and returns the base, the header values and the signed message. */
export async function signMessage<M extends HttpMessageInput>(
  message: M,
  options: SignOptions,
): Promise<Result<SignResult<M>>> {
  const label = options.label ?? 'sig1';
  if (!/^[a-z*][a-z0-9_\-.*]*$/.test(label))
    return fail(
      'bad-signature-input',
      `label "${label}" is not a structured-field key (lower-case letters, digits, _ - . *)`,
      'label',
    );
  const existing = headerValues(message.headers, 'signature-input').join(', ');
  if (new RegExp(`(^|,)\\s*${label.replace(/[.*]/g, '\\$&')}=`).test(existing))
    return fail(
      'bad-signature-input',
      `the message already has a signature labelled "${label}"; choose another label`,
      'label',
    );
  const alg = resolveAlgorithm(options.key, options.alg);
  if (!alg.ok) return alg;
  const components = parseComponents(options.components);
  if (!components.ok) return components;

  const notes: string[] = [];
  const values = new Map<SignatureParamName, string | number>();
  const created = options.created === undefined ? (options.now ?? nowSeconds()) : options.created;
  if (created !== null) values.set('created', created);
  if (options.expires !== undefined) values.set('expires', options.expires);
  const keyid = options.keyid === undefined ? options.key.kid : (options.keyid ?? undefined);
  if (keyid !== undefined) values.set('keyid', keyid);
  if (options.nonce !== undefined) values.set('nonce', options.nonce);
  if (options.includeAlg) {
    if (isSignatureAlgorithm(alg.value)) values.set('alg', alg.value);
    else
      notes.push(
        `the alg parameter was left out: ${joseName(alg.value)} has no name in the RFC 9421 algorithm registry, so the verifier takes it from the key`,
      );
  }
  if (options.tag !== undefined) values.set('tag', options.tag);
  const params: Parameters = new Map();
  for (const name of [...(options.paramOrder ?? []), ...DEFAULT_PARAM_ORDER]) {
    const value = values.get(name);
    if (value !== undefined && !params.has(name)) params.set(name, value);
  }

  const built = buildSignatureBase(message, components.value, params);
  if (!built.ok) return built;
  const signed = await signBytes(options.key, alg.value, utf8(built.value.base));
  if (!signed.ok) return signed;
  const signatureValue = toBase64(signed.value);
  const signatureInput = `${label}=${built.value.signatureParams}`;
  const signature = `${label}=${serializeItem(signed.value.buffer as ArrayBuffer)}`;
  const headers: HeaderPairs = [
    ['Signature-Input', signatureInput],
    ['Signature', signature],
  ];
  const result: SignResult<M> = {
    label,
    alg: alg.value,
    notes,
    signatureBase: built.value.base,
    lines: built.value.lines,
    signatureParams: built.value.signatureParams,
    signatureInput,
    signature,
    signatureValue,
    headers,
    message: withHeaders(message, headers),
  };
  if (keyid !== undefined) result.keyid = keyid;
  return ok(result);
}

/** Headers a profile wants before signing (Content-Digest, Content-Length), for those the message lacks. */
export async function profileHeaders(
  message: HttpMessageInput,
  profile: Pick<Rfc9421Profile, 'contentDigest' | 'addContentLength'>,
): Promise<HeaderPairs> {
  const added: HeaderPairs = [];
  if (profile.contentDigest && !hasHeader(message.headers, 'content-digest'))
    added.push(['Content-Digest', await createContentDigest(message.body, [profile.contentDigest])]);
  if (profile.addContentLength && !hasHeader(message.headers, 'content-length'))
    added.push(['Content-Length', String(toBytes(message.body).length)]);
  return added;
}

export interface ProfileSignOptions {
  key: KeyMaterial;
  alg?: Primitive | string;
  includeAlg?: boolean;
  label?: string;
  keyid?: string;
  now?: number;
  /** Extra parameters on top of the profile's (e.g. to test how a receiver treats expires). */
  expires?: number;
  nonce?: string;
  /** Replaces the profile's tag (to test a receiver's tag check). */
  tag?: string;
  /** Replaces the profile's parameter order. */
  paramOrder?: readonly SignatureParamName[];
}

/** Signs with a profile: adds the headers it needs, then covers its components with its tag and `created`=now. */
export async function signWithProfile<M extends HttpMessageInput>(
  message: M,
  profile: Rfc9421Profile,
  options: ProfileSignOptions,
): Promise<Result<SignResult<M>>> {
  const chosen = resolveAlgorithm(options.key, options.alg);
  if (!chosen.ok) return chosen;
  if (profile.forbiddenAlgorithms?.includes(chosen.value)) {
    return fail('alg-mismatch', `the ${profile.name} profile forbids ${chosen.value}`, 'alg');
  }
  const keyid = options.keyid ?? options.key.kid;
  if (profile.requiredParams.includes('keyid') && keyid === undefined)
    return fail('bad-key', `the ${profile.name} profile needs a keyid: give the key a kid or pass one`, 'keyid');
  const added = await profileHeaders(message, profile);
  const prepared = withHeaders(message, added);
  const signOptions: SignOptions = { key: options.key, components: profile.components, label: options.label ?? 'sig1' };
  if (options.alg) signOptions.alg = options.alg;
  if (options.includeAlg) signOptions.includeAlg = true;
  const order = options.paramOrder ?? profile.paramOrder;
  if (order) signOptions.paramOrder = order;
  if (keyid !== undefined) signOptions.keyid = keyid;
  if (options.now !== undefined) signOptions.now = options.now;
  const tag = options.tag ?? profile.tag;
  if (tag !== undefined) signOptions.tag = tag;
  if (options.expires !== undefined) signOptions.expires = options.expires;
  if (options.nonce !== undefined) signOptions.nonce = options.nonce;
  const signed = await signMessage(prepared, signOptions);
  if (!signed.ok) return signed;
  return ok({ ...signed.value, headers: [...added, ...signed.value.headers], message: signed.value.message as M });
}
