/**
 * Structural check of a PEM public key, with no crypto: armor, base64, then a DER
 * SubjectPublicKeyInfo SEQUENCE { SEQUENCE { algorithm OID, … }, BIT STRING }. For RSA, the bit
 * string must hold SEQUENCE { INTEGER modulus, INTEGER exponent }.
 */
export type PemResult =
  | { ok: true; algorithm: 'rsa' | 'ec' | 'ed25519' | 'ed448' | 'unknown'; rsaBits?: number }
  | { ok: false; error: string };

const OIDS: Array<[string, 'rsa' | 'ec' | 'ed25519' | 'ed448']> = [
  ['2a864886f70d010101', 'rsa'],
  ['2a8648ce3d0201', 'ec'],
  ['2b6570', 'ed25519'],
  ['2b6571', 'ed448'],
];

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

/** Reads one DER TLV at `offset`; null when lengths run past the buffer. */
function readTlv(bytes: Uint8Array, offset: number, limit: number): Tlv | null {
  if (offset + 2 > limit) return null;
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  const end = start + length;
  return end > limit ? null : { tag, start, end };
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export function checkPublicKeyPem(pem: string): PemResult {
  const text = pem.trim();
  if (/-----BEGIN RSA PUBLIC KEY-----/.test(text))
    return { ok: false, error: 'it is a PKCS#1 "RSA PUBLIC KEY"; verifiers expect an SPKI "PUBLIC KEY" block' };
  if (/-----BEGIN (?:RSA |EC )?PRIVATE KEY-----/.test(text))
    return { ok: false, error: 'it is a PRIVATE key: never publish it' };
  const match = /^-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----$/.exec(text);
  if (!match)
    return {
      ok: false,
      error:
        'no "-----BEGIN PUBLIC KEY-----" … "-----END PUBLIC KEY-----" armor (escaped "\\n" sequences instead of newlines also break it)',
    };
  const body = match[1]!.replace(/\s+/g, '');
  if (!body || !/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0)
    return { ok: false, error: 'the text between the armor lines is not base64' };
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  } catch {
    return { ok: false, error: 'the text between the armor lines is not base64' };
  }
  const spki = readTlv(bytes, 0, bytes.length);
  if (!spki || spki.tag !== 0x30 || spki.end !== bytes.length)
    return { ok: false, error: 'the DER content is not one SEQUENCE' };
  const algId = readTlv(bytes, spki.start, spki.end);
  if (!algId || algId.tag !== 0x30) return { ok: false, error: 'the SubjectPublicKeyInfo has no AlgorithmIdentifier' };
  const oid = readTlv(bytes, algId.start, algId.end);
  if (!oid || oid.tag !== 0x06) return { ok: false, error: 'the AlgorithmIdentifier has no OID' };
  const algorithm = OIDS.find(([h]) => h === hex(bytes.subarray(oid.start, oid.end)))?.[1] ?? 'unknown';
  const bits = readTlv(bytes, algId.end, spki.end);
  if (!bits || bits.tag !== 0x03 || bits.end !== spki.end)
    return { ok: false, error: 'the key is not a BIT STRING after the AlgorithmIdentifier' };
  if (algorithm !== 'rsa') return { ok: true, algorithm };
  const rsa = readTlv(bytes, bits.start + 1, bits.end);
  const modulus = rsa && rsa.tag === 0x30 ? readTlv(bytes, rsa.start, rsa.end) : null;
  const exponent = modulus && modulus.tag === 0x02 ? readTlv(bytes, modulus.end, rsa!.end) : null;
  if (!modulus || modulus.tag !== 0x02 || !exponent || exponent.tag !== 0x02)
    return { ok: false, error: 'the RSA key is not SEQUENCE { modulus, exponent }' };
  let length = modulus.end - modulus.start;
  if (bytes[modulus.start] === 0) length -= 1;
  return { ok: true, algorithm, rsaBits: length * 8 };
}
