// The slice of WebCrypto the signing core uses, typed here so the code compiles both with the DOM
// library (browser build) and with Node's types only (server build), where names like CryptoKey or
// RsaHashedImportParams do not exist.

export interface AlgorithmParams {
  name: string;
  hash?: string;
  namedCurve?: string;
  saltLength?: number;
  modulusLength?: number;
  publicExponent?: Uint8Array;
}

export interface JwkObject {
  kty?: string;
  crv?: string;
  kid?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  ext?: boolean;
  d?: string;
  k?: string;
  x?: string;
  [member: string]: unknown;
}

export interface CryptoKeyLike {
  readonly type: string;
}

type Usage = 'sign' | 'verify';
type Binary = Uint8Array<ArrayBuffer>;

export interface SubtleLike {
  importKey(
    format: 'jwk',
    key: JwkObject,
    alg: AlgorithmParams,
    extractable: boolean,
    usages: Usage[],
  ): Promise<CryptoKeyLike>;
  importKey(
    format: 'pkcs8' | 'spki' | 'raw',
    key: Binary,
    alg: AlgorithmParams,
    extractable: boolean,
    usages: Usage[],
  ): Promise<CryptoKeyLike>;
  exportKey(format: 'jwk', key: CryptoKeyLike): Promise<JwkObject>;
  exportKey(format: 'pkcs8' | 'spki' | 'raw', key: CryptoKeyLike): Promise<ArrayBuffer>;
  sign(alg: AlgorithmParams, key: CryptoKeyLike, data: Binary): Promise<ArrayBuffer>;
  verify(alg: AlgorithmParams, key: CryptoKeyLike, signature: Binary, data: Binary): Promise<boolean>;
  digest(alg: string, data: Binary): Promise<ArrayBuffer>;
  generateKey(
    alg: AlgorithmParams,
    extractable: boolean,
    usages: Usage[],
  ): Promise<CryptoKeyLike | { privateKey: CryptoKeyLike; publicKey: CryptoKeyLike }>;
}

export function subtle(): SubtleLike {
  return (globalThis as unknown as { crypto: { subtle: SubtleLike } }).crypto.subtle;
}
