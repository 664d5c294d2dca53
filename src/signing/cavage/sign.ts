import type { Primitive } from '../algorithms.ts';
import { toBase64, toBytes, utf8 } from '../bytes.ts';
import { signBytes } from '../crypto.ts';
import { createLegacyDigest } from '../digest/content-digest.ts';
import type { KeyMaterial } from '../keys/material.ts';
import { hasHeader, parseUrl, withHeaders, type HeaderPairs, type HttpRequestInput } from '../message.ts';
import type { CavageProfile } from '../profile.ts';
import { fail, ok, type Result } from '../result.ts';
import { serializeCavageHeader, signingString, type CavageParams } from './signing-string.ts';

export const CAVAGE_ALGORITHMS = ['rsa-sha256', 'rsa-sha512', 'hmac-sha256', 'ecdsa-sha256', 'hs2019'] as const;
export type CavageAlgorithm = (typeof CAVAGE_ALGORITHMS)[number];

/** The WebCrypto primitive for a cavage algorithm; hs2019 takes it from the key (draft-12 §2.1.3). */
export function cavagePrimitive(algorithm: string, key: KeyMaterial): Primitive | undefined {
  switch (algorithm) {
    case 'rsa-sha256':
      return 'rsa-v1_5-sha256';
    case 'rsa-sha512':
      return 'rsa-v1_5-sha512';
    case 'hmac-sha256':
      return 'hmac-sha256';
    case 'ecdsa-sha256':
      return 'ecdsa-p256-sha256';
    case 'hs2019':
      if (key.kty === 'OKP') return 'ed25519';
      if (key.kty === 'EC') return key.crv === 'P-384' ? 'ecdsa-p384-sha384' : 'ecdsa-p256-sha256';
      if (key.kty === 'oct') return 'hmac-sha256';
      return 'rsa-pss-sha512';
    default:
      return undefined;
  }
}

export interface CavageSignOptions {
  key: KeyMaterial;
  keyId: string;
  algorithm?: string;
  /** Default: (request-target) host date. */
  headers?: readonly string[];
  created?: number;
  expires?: number;
  /** Put the signature in `Authorization: Signature ...` instead of `Signature`. */
  authorization?: boolean;
  /** Default `name-value` (draft-12); `values-only` for the OCM-stub's variant. */
  lines?: 'name-value' | 'values-only';
}

export interface CavageSignResult {
  signingString: string;
  /** The header value (without `Signature ` prefix for the Signature header). */
  value: string;
  headerName: 'Signature' | 'Authorization';
  /** Every header added (including those a profile added first). */
  headers: HeaderPairs;
  message: HttpRequestInput;
}

export async function signCavage(
  request: HttpRequestInput,
  options: CavageSignOptions,
): Promise<Result<CavageSignResult>> {
  const algorithm = options.algorithm ?? 'rsa-sha256';
  const primitive = cavagePrimitive(algorithm, options.key);
  if (!primitive)
    return fail(
      'unsupported-algorithm',
      `cavage algorithm "${algorithm}" is not supported (${CAVAGE_ALGORITHMS.join(', ')})`,
      'algorithm',
    );
  const headers = [...(options.headers ?? ['(request-target)', 'host', 'date'])].map((h) => h.toLowerCase());
  const params: CavageParams = { keyId: options.keyId, algorithm, headers };
  if (options.created !== undefined) params.created = options.created;
  if (options.expires !== undefined) params.expires = options.expires;
  const text = signingString(request, headers, params, options.lines ? { lines: options.lines } : {});
  if (!text.ok) return text;
  const signed = await signBytes(options.key, primitive, utf8(text.value));
  if (!signed.ok) return signed;
  const value = serializeCavageHeader({ ...params, signature: toBase64(signed.value) });
  const headerName = options.authorization ? 'Authorization' : 'Signature';
  const added: HeaderPairs = [[headerName, options.authorization ? `Signature ${value}` : value]];
  return ok({ signingString: text.value, value, headerName, headers: added, message: withHeaders(request, added) });
}

/** Signs like a profile (e.g. Nextcloud's): adds Date, Host, Content-Length and Digest when missing, then signs its headers. */
export async function signCavageWithProfile(
  request: HttpRequestInput,
  profile: CavageProfile,
  options: { key: KeyMaterial; keyId: string; now?: number },
): Promise<Result<CavageSignResult>> {
  const added: HeaderPairs = [];
  const url = parseUrl(request.url);
  if (!url) return fail('bad-message', `the request URL ${JSON.stringify(request.url)} is not an absolute URL`, 'url');
  if (profile.addContentLength && !hasHeader(request.headers, 'content-length'))
    added.push(['Content-Length', String(toBytes(request.body).length)]);
  if (profile.addDate && !hasHeader(request.headers, 'date'))
    added.push(['Date', new Date((options.now ?? Math.floor(Date.now() / 1000)) * 1000).toUTCString()]);
  if (profile.digest && !hasHeader(request.headers, 'digest'))
    added.push(['Digest', await createLegacyDigest(request.body, profile.digest)]);
  if (profile.addHost && !hasHeader(request.headers, 'host')) added.push(['Host', url.authority]);
  const signed = await signCavage(withHeaders(request, added), {
    key: options.key,
    keyId: options.keyId,
    algorithm: profile.algorithm,
    headers: profile.headers,
    ...(profile.signingStringLines ? { lines: profile.signingStringLines } : {}),
  });
  if (!signed.ok) return signed;
  return ok({ ...signed.value, headers: [...added, ...signed.value.headers] });
}
