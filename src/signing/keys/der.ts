// Just enough DER to recognise key containers and re-wrap the ones WebCrypto refuses: PKCS#1 RSA keys,
// SEC1 EC keys and PKCS#8/SPKI with the id-RSASSA-PSS OID (the RFC 9421 test key uses it).

export interface Tlv {
  tag: number;
  /** Offset of the content in the input. */
  start: number;
  end: number;
  /** Offset of the tag byte (the whole element is input[header..end]). */
  header: number;
}

export function readTlv(der: Uint8Array, at: number): Tlv | null {
  if (at + 2 > der.length) return null;
  const tag = der[at]!;
  let len = der[at + 1]!;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > der.length) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i]!;
    start += n;
  }
  const end = start + len;
  if (end > der.length) return null;
  return { tag, start, end, header: at };
}

/** The children of a constructed element (SEQUENCE, context tags). */
export function children(der: Uint8Array, parent: Tlv): Tlv[] | null {
  const out: Tlv[] = [];
  let at = parent.start;
  while (at < parent.end) {
    const child = readTlv(der, at);
    if (!child || child.end > parent.end) return null;
    out.push(child);
    at = child.end;
  }
  return out;
}

export function oidToString(der: Uint8Array, tlv: Tlv): string {
  const bytes = der.subarray(tlv.start, tlv.end);
  const parts: number[] = [];
  let value = 0;
  bytes.forEach((b, i) => {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (i === 0 || parts.length === 0)
        parts.push(Math.floor(value / 40) < 2 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  });
  return parts.join('.');
}

function encodeLength(len: number): number[] {
  if (len < 0x80) return [len];
  const bytes: number[] = [];
  for (let n = len; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

export function encode(tag: number, ...content: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const len = content.reduce((n, c) => n + c.length, 0);
  const head = [tag, ...encodeLength(len)];
  const out = new Uint8Array(head.length + len);
  out.set(head, 0);
  let at = head.length;
  for (const c of content) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  p521: '1.3.132.0.35',
  ed25519: '1.3.101.112',
} as const;

// Pre-encoded DER of the pieces we write.
const RSA_ALG_ID = new Uint8Array([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
]);
const EC_PUBLIC_KEY_OID = new Uint8Array([0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]);
const VERSION_0 = new Uint8Array([0x02, 0x01, 0x00]);

/** PKCS#8 PrivateKeyInfo around an RSAPrivateKey (PKCS#1), with the plain rsaEncryption OID. */
export function wrapRsaPrivateKey(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  return encode(0x30, VERSION_0, RSA_ALG_ID, encode(0x04, pkcs1));
}

/** SubjectPublicKeyInfo around an RSAPublicKey (PKCS#1). */
export function wrapRsaPublicKey(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  return encode(0x30, RSA_ALG_ID, encode(0x03, new Uint8Array([0]), pkcs1));
}

/** PKCS#8 PrivateKeyInfo around an ECPrivateKey (SEC1); curveOid is the DER of the curve OID element. */
export function wrapEcPrivateKey(sec1: Uint8Array, curveOid: Uint8Array): Uint8Array<ArrayBuffer> {
  return encode(0x30, VERSION_0, encode(0x30, EC_PUBLIC_KEY_OID, curveOid), encode(0x04, sec1));
}
